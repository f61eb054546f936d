/*
 * barrier.h — the write barrier's interface: what the collector calls, and
 * the two things the barrier asks of the collector.
 *
 * barrier/ owns everything about the barrier: the per-mutator flag the
 * inlined tc_write reads (tricolor/inline.h), the per-mutator buffer of
 * shaded pointers (Go's wbBuf), flushing it, and the debug check of the slot
 * a store writes. It knows nothing of how the collector marks: it hands
 * buffered pointers to tc__gc_shade (tc__gc_shade_full when the buffer fills
 * between safepoints), and asks tc__gc_slot_known whether a slot is one the
 * collector scans. Those three are the whole interface; gc/
 * implements them (mark.c, roots.c), and tests/test_barrier.c implements
 * them again to test the barrier alone, without gc/.
 *
 * Layout: every tc_mutator begins with a wbstate, and wbstate begins with
 * the public tc_mutator_head, so the barrier reaches its state from a
 * tc_mutator pointer with a cast (C11 6.7.2.1: a pointer to a struct is a
 * pointer to its first member).
 */
#ifndef TC_BARRIER_H
#define TC_BARRIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tricolor.h"

/* tc_mutator_head.wb_on bits */
#define WB_MARKING 1 /* the collector is marking: shade */
#define WB_CHECK 2   /* a TC_DEBUG build: check every slot */
#define WB_INSERT 4  /* marking, and the mutator's stack not yet scanned (grey): shade new values too */
_Static_assert((WB_CHECK | WB_INSERT) == TC_WB_INIT_SLOW, "the inlined tc_write_init's test (tricolor/inline.h)");

#define WBUF_N 256 /* buffered pointers per mutator */

typedef struct wbstate {
	tc_mutator_head head; /* first: the inlined tc_write reads head.wb_on */
	size_t n;             /* pointers buffered in buf (owner; or anyone while the owner is stopped or blocked) */
	uintptr_t buf[WBUF_N];
} wbstate;

static inline wbstate *wb_of(tc_mutator *m) { return (wbstate *)(void *)m; }

/* A new mutator's state: marking or not, nothing buffered. */
void tc__wb_init(wbstate *w, bool marking);
/* Turn shading on or off (the collector, with the mutator stopped or at a
 * handshake; the debug check stays as the build has it). */
void tc__wb_set_marking(wbstate *w, bool marking);
/* The mutator's stack is scanned (black): from now on shade only the values
 * stores replace (barrier.c says why). The owner, or the collector while the
 * mutator is blocked. */
void tc__wb_stack_black(wbstate *w);
/* Hand every buffered pointer to tc__gc_shade, and empty the buffer (the
 * owner, or the collector while the owner is stopped or blocked). */
void tc__wb_flush(tc_mutator *m);
/* Empty the buffer without shading (the collector knows nothing in it can
 * be white: marking is complete). */
void tc__wb_discard(tc_mutator *m);

/* TC_DEBUG builds: called by a marking tc_write before its store (tests
 * hold a store there to build a race; NULL otherwise). */
extern void (*tc__wb_test_hook)(tc_mutator *m, void **slot);

/* ---- implemented by the collector ---- */
/* Shade each of vals (any value: a heap pointer, interior or not, or not a
 * heap pointer at all) into m's own grey work. */
void tc__gc_shade(tc_mutator *m, const uintptr_t *vals, size_t n);
/* The same for a buffer that filled between safepoints (the owner, marking):
 * what it greys must be seen by a termination test that runs meanwhile. */
void tc__gc_shade_full(tc_mutator *m, const uintptr_t *vals, size_t n);
/* Is slot inside a heap object, a global root range or one of m's frames? */
bool tc__gc_slot_known(tc_mutator *m, void **slot);

#endif /* TC_BARRIER_H */
