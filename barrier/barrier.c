/*
 * barrier.c — tc_write, the one way a managed pointer is stored into a heap
 * object or a global root (Go's mbarrier.go).
 *
 * The barrier is Go's hybrid: while the collector is marking, a store
 * shades the old value of the slot (Yuasa deletion: a pointer the mutator
 * removes from the heap cannot hide in an unscanned stack) and the new value
 * (Dijkstra insertion), then stores. When the collector is idle the cost is
 * one load of the mutator's barrier flag and one predictable branch, inlined
 * into the caller from tricolor/inline.h; this file holds the slow path.
 *
 * Invariants: the store itself is an atomic word store with release order:
 * markers read slots concurrently, and a thread that loads the pointer with
 * acquire order sees the object as its writer initialised it (on x86 both are
 * plain moves). The shading goes to the mutator's own buffer, which the
 * collector flushes at mark termination. In a TC_DEBUG build every store
 * comes here and its slot must lie in a heap object, a global root range or
 * one of the mutator's precise frames; any other slot is reported, naming
 * tc_write, and the store still happens (the program runs as written).
 */
#include "barrier.h"

/* The external definition of the inline tc_write (tricolor/inline.h). */
extern inline void tc_write(tc_mutator *m, void **slot, void *val);

void tc_write_slow(tc_mutator *m, void **slot, void *val)
{
	int on = __atomic_load_n(&((const tc_mutator_head *)(const void *)m)->wb_on, __ATOMIC_RELAXED);
	if (on & WB_CHECK)
		tc__barrier_check_slot(m, slot);
	if (on & WB_MARKING)
		tc__barrier_shade(m, __atomic_load_n(slot, __ATOMIC_RELAXED), val);
	__atomic_store_n(slot, val, __ATOMIC_RELEASE);
}
