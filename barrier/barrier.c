/*
 * barrier.c — tc_write, the one way a managed pointer is stored into a heap
 * object or a global root (Go's mbarrier.go and mwbbuf.go).
 *
 * The barrier is Go's hybrid: while the collector is marking, a store shades
 * the old value of the slot and, while the storing mutator's stack is grey
 * (not yet scanned this cycle: WB_INSERT), the new value.
 *
 *  - Shading the old value (Yuasa deletion) is what lets stacks be scanned
 *    once per cycle, without rescanning: a pointer a mutator deletes from the
 *    heap after its stack was scanned may still be held in its (black) stack,
 *    and the deletion would otherwise leave the only heap path to a white
 *    object unseen by the marker.
 *  - Shading the new value (Dijkstra insertion) covers the other order: a
 *    mutator whose stack is not scanned yet (grey) takes a pointer from its
 *    stack and stores it into a black object; without the shade the object
 *    would be reachable only from a black object once the stack is scanned
 *    and has dropped it.
 *  - Once its stack is scanned, a mutator needs the deletion shade only
 *    (Go's hybrid barrier proposal, 17503: "shade(ptr) if current stack is
 *    grey"; Go shades both always because a goroutine's stack colour is
 *    costly to test, ours is a bit of the flag this path reads anyway). A
 *    white object a black stack holds was loaded, after the scan, from the
 *    heap; the deletion shade keeps every object that was on a heap path
 *    once all barriers were on reachable from a grey object or a buffered
 *    shade until the marker reaches it (the weak tricolor invariant: a white
 *    object a black object or black stack points to is reachable from a grey
 *    one through white objects), so storing it into a black object hides
 *    nothing. handshake.c's termination argument rests on that invariant.
 *    On binary-trees, whose stores during marking are initialising stores of
 *    new (black) objects into new objects, this takes the shade off nearly
 *    every store. NULL is never buffered: it is no object.
 * Objects allocated while marking are allocated black (malloc.c), so neither
 * shade is needed for them, and the heap never holds a black-to-white edge
 * the marker cannot find: every white object reachable from a black one is
 * also reachable from a grey object or from a shaded buffer entry.
 *
 * The old value shaded is the one the store replaces: slot and store are one
 * atomic exchange. Reading the slot first and storing after, as Go's
 * barrier does (Go programs may not race on a slot; C embedders may), loses
 * a deletion when another mutator stores into the same slot in between and
 * that store was not shaded: one made while its mutator's barrier was still
 * off, in the barrier-on window (handshake.c). A mutator that read the old
 * value before the window ended, and stores after it, would then overwrite
 * an unshaded pointer while stacks are being scanned, and an object that a
 * scanned stack loaded from the slot meanwhile stays white
 * (tests/test_handshake.c, the stale-old-value race). The shade is buffered
 * after the store, but before the mutator's next safepoint, and the buffer
 * is seen by the collector only at a safepoint or a flush: the order within
 * the barrier does not matter.
 *
 * When the collector is idle the cost is one load of the mutator's flag and
 * one predictable branch, inlined into the caller (tricolor/inline.h); this
 * file holds the slow path. Shaded pointers go to the mutator's own buffer,
 * with no lock and no atomic; whenever the collector asks (termination,
 * detach), it is flushed into the mutator's grey work. When it fills between
 * two safepoints, its flush goes through tc__gc_shade_full, which a
 * termination test running meanwhile cannot miss (mark.c says why).
 *
 * The store itself is an atomic word store with release order: markers read
 * slots concurrently, and a thread that loads the pointer with acquire order
 * sees the object as its writer initialised it (on x86 both are plain
 * moves). In a TC_DEBUG build every store comes here and its slot must be one
 * the collector knows (a heap object, a global root range or one of the
 * mutator's precise frames); any other slot is a warning naming tc_write,
 * and the store still happens (the program runs as written).
 */
#include "barrier.h"
#include "chaos.h"
#include "check.h"
#include "error.h"

#ifdef TC_DEBUG
#define WB_DEBUG_BITS WB_CHECK /* every tc_write takes the slow path and is checked */
#else
#define WB_DEBUG_BITS 0
#endif

/* The external definitions of the inline tc_write and tc_write_init (tricolor/inline.h). */
extern inline void tc_write(tc_mutator *m, void **slot, void *val);
extern inline void tc_write_init(tc_mutator *m, void **slot, void *val);

void (*tc__wb_test_hook)(tc_mutator *m, void **slot);

void tc__wb_init(wbstate *w, bool marking)
{
	w->n = 0;
	tc__wb_set_marking(w, marking);
}

void tc__wb_set_marking(wbstate *w, bool marking)
{
	__atomic_store_n(&w->head.wb_on, (marking ? WB_MARKING | WB_INSERT : 0) | WB_DEBUG_BITS, __ATOMIC_RELAXED);
}

void tc__wb_stack_black(wbstate *w)
{
	__atomic_store_n(&w->head.wb_on, __atomic_load_n(&w->head.wb_on, __ATOMIC_RELAXED) & ~WB_INSERT,
			 __ATOMIC_RELAXED);
}

void tc__wb_flush(tc_mutator *m)
{
	wbstate *w = wb_of(m);
	tc_assert(w->n <= WBUF_N);
	if (w->n > 0)
		tc__gc_shade(m, w->buf, w->n);
	w->n = 0;
}

void tc__wb_discard(tc_mutator *m) { wb_of(m)->n = 0; }

/* Buffer the old value, and the new one while the stack is grey (on &
 * WB_INSERT); NULL is no object and is not buffered. */
static void shade(tc_mutator *m, int on, void *old, void *val)
{
	wbstate *w = wb_of(m);
	if (!(on & WB_INSERT))
		val = NULL;
	if (old == NULL && val == NULL)
		return;
	if (w->n + 2 > WBUF_N) {
		tc__gc_shade_full(m, w->buf, w->n);
		w->n = 0;
	}
	if (old != NULL)
		w->buf[w->n++] = (uintptr_t)old;
	if (val != NULL)
		w->buf[w->n++] = (uintptr_t)val;
}

/* A TC_DEBUG build's check of every stored-to slot, for fn (tc_write or
 * tc_write_init): one the collector does not scan is a warning, and the
 * store still happens. */
static void check_slot(tc_mutator *m, void **slot, const char *fn)
{
	if (!tc__gc_slot_known(m, slot))
		tc__warn("%s: slot %p is neither inside the heap nor in a registered root (tc_root_add, "
			 "tc_roots_push); stored, but the collector does not scan it",
			 fn, (void *)slot);
}

void tc_write_slow(tc_mutator *m, void **slot, void *val)
{
	int on = __atomic_load_n(&wb_of(m)->head.wb_on, __ATOMIC_RELAXED);
	if (on & WB_CHECK)
		check_slot(m, slot, "tc_write");
	if (!(on & WB_MARKING)) {
		__atomic_store_n(slot, val, __ATOMIC_RELEASE);
		return;
	}
#if defined(TC_DEBUG)
	tc_chaos();
	if (tc__wb_test_hook)
		tc__wb_test_hook(m, slot); /* tests: hold a store between its flag check and the store */
#endif
	void *old = __atomic_exchange_n(slot, val, __ATOMIC_ACQ_REL);
	tc_chaos();
	shade(m, on, old, val);
}

/* An initialising store (tricolor.h): no deletion shade, the slot holding
 * NULL; no exchange, no other thread reaching the object to store there
 * meanwhile (the exchange closes a race between two writers of one slot,
 * above). The new value is shaded while this mutator's stack is grey, as
 * tc_write does. With precise stacks that shade is not needed: an object
 * nobody else reaches is white while its allocator's stack is grey
 * (allocated white, or found only by that stack's scan, which turns the
 * stack black). With conservative stacks it is: a stale word in another
 * stack or a data segment may have made the fresh object black, and a white
 * value stored into it, then dropped from this stack before its scan, would
 * hang from a black object alone. Once the stack is black, a plain store:
 * what the stack holds is black or reachable through white objects from a
 * grey one, every edge of that path protected by the deletion shade, and a
 * store that deletes nothing keeps that so. */
void tc_write_init_slow(tc_mutator *m, void **slot, void *val)
{
	int on = __atomic_load_n(&wb_of(m)->head.wb_on, __ATOMIC_RELAXED);
	if (on & WB_CHECK) {
		check_slot(m, slot, "tc_write_init");
		void *held = __atomic_load_n(slot, __ATOMIC_RELAXED);
		if (held != NULL) {
			tc__warn("tc_write_init: slot %p holds %p, not NULL: an initialising store is for a fresh slot; "
				 "stored as tc_write stores",
				 (void *)slot, held);
			tc_write_slow(m, slot, val);
			return;
		}
	}
	if (on & WB_INSERT)
		shade(m, on, NULL, val);
	__atomic_store_n(slot, val, __ATOMIC_RELEASE);
}
