/*
 * chaos.h — schedule perturbation at protocol steps, for the concurrency
 * tests (TC_DEBUG builds only; nothing in Release).
 *
 * A handshake, a flush round or an allocation colour decision is only as
 * safe as its worst interleaving, and a 2-CPU test machine seldom produces
 * the bad ones: a thread preempted between two steps of a protocol is what
 * breaks it. tc_chaos() marks such a point between two steps. While
 * tc__chaos_permille is non-zero (a test sets it), each point yields the CPU
 * with that probability in 1000, or now and then sleeps up to 100 us, so that
 * the other threads run in between. The stress tests run with it on in the
 * sanitizer builds; it found what test_stress had met once in CI.
 *
 * Invariant: a chaos point is a place where the thread may lose its CPU
 * anyway; it never holds a spin lock or a mutex there that a thread it waits
 * for needs (a sleep inside a lock would only slow things, not deadlock, but
 * the points are put between locked regions all the same).
 */
#ifndef TC_CHAOS_H
#define TC_CHAOS_H

#include <stdatomic.h>

extern _Atomic unsigned tc__chaos_permille; /* 0: off */
void tc__chaos_point(void);

#if defined(TC_DEBUG) && TC_DEBUG >= 1
#define tc_chaos()                                                                                     \
	do {                                                                                           \
		if (__builtin_expect(atomic_load_explicit(&tc__chaos_permille, memory_order_relaxed), 0)) \
			tc__chaos_point();                                                             \
	} while (0)
#else
#define tc_chaos() ((void)0)
#endif

#endif
