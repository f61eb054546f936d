/*
 * lockrank.c — the debug build's check of the lock order in lock.h.
 *
 * Each thread keeps a bit set of the ranks it holds (a thread holds at most
 * one mutex of each rank). Taking rank r while holding any rank >= r is a
 * lock-order violation: reported as fatal, with both ranks named, before the
 * thread can block on it.
 */
#include "error.h"
#include "lock.h"

#ifdef TC_DEBUG
static const char *const names[LR_COUNT] = {"none",     "libgc shim", "controller", "world", "roots", "mcentral",
					    "mheap", "mark work",  "specials", "finalizer queue", "weak", "ephemerons",
					    "observ", "output"};

static _Thread_local unsigned held; /* bit r: a mutex of rank r is held */

void tc__lockrank_acquire(int rank)
{
	if (rank <= LR_NONE || rank >= LR_COUNT)
		tc__fatal("lock order: a mutex has no rank (%d)", rank);
	unsigned above = held & ~((1u << rank) - 1); /* ranks >= rank */
	if (above != 0) {
		int top = 31 - __builtin_clz(held);
		tc__fatal("lock order: taking %s (rank %d) while holding %s (rank %d); see base/lock.h", names[rank],
			  rank, names[top], top);
	}
	held |= 1u << rank;
}

void tc__lockrank_release(int rank) { held &= ~(1u << rank); }
#endif
