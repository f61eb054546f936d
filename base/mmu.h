/*
 * mmu.h — minimum mutator utilisation (Cheng and Blelloch): over every
 * window of w ns inside [t0, t1], the least fraction of the window in which
 * the mutator was not stalled. Used by the library for its per-mutator
 * gc.mmu.* metrics and by tcbench for other collectors' pause logs.
 */
#ifndef TC_MMU_H
#define TC_MMU_H

#include <stddef.h>
#include <stdatomic.h>
#include <stdint.h>

typedef struct tc__ival {
	uint64_t start, end; /* ns; end >= start */
} tc__ival;

/* MMU(w) of one mutator stalled during iv[0..n) (any order, may overlap;
 * sorted in place), within [t0, t1]. A window longer than [t0, t1] is the
 * whole span. Returns 1.0 with no stall, and for an empty span. */
double tc__mmu(tc__ival *iv, size_t n, uint64_t t0, uint64_t t1, uint64_t w);

/* The same, kept as the stalls come, for TC__MMU_NW fixed windows over a
 * whole run, in memory that holds only the stalls of the widest window:
 * for the library's gc.mmu.* metrics, whose interval log keeps only its
 * latest intervals. Stalls come in time order and do not overlap
 * (one mutator's: it is in one stall at a time; an overlap is clipped).
 * Owner-written; worst[] and total may be read by other threads (relaxed).
 * Equal to tc__mmu over [t0, now] (test_mmu checks it on random stalls),
 * except where the stall ring could not grow: then a stall is merged into
 * the one before it, the gap between them counted as stalled (lower MMU,
 * never a flattering one; `merged` counts these). */
#define TC__MMU_NW 3
typedef struct tc__mmu_run {
	uint64_t w[TC__MMU_NW];	       /* window widths, ns, ascending */
	uint64_t t0;		       /* the span's start, ns */
	_Atomic uint64_t worst[TC__MMU_NW]; /* most stalled time in a window of w[i] ending at a stall's end, ns */
	_Atomic uint64_t total;	       /* stalled time in all, ns */
	uint64_t merged;	       /* stalls merged into the one before, the ring full and not growable */
	tc__ival *q;		       /* the stalls that end within w[TC__MMU_NW - 1] of the last, a ring */
	uint64_t *cum;		       /* cum[k]: stalled time up to the end of q[k] */
	size_t cap, head, n;
} tc__mmu_run;

void tc__mmu_run_init(tc__mmu_run *r, uint64_t t0, const uint64_t w[TC__MMU_NW]);
void tc__mmu_run_add(tc__mmu_run *r, uint64_t start, uint64_t end);
/* MMU(w[i]) over [t0, now] from r's worst[i] and total (any thread). */
double tc__mmu_run_get(tc__mmu_run *r, int i, uint64_t now);
/* The same from figures kept apart (a detached mutator's, folded). */
double tc__mmu_from(uint64_t worst, uint64_t total, uint64_t w, uint64_t t0, uint64_t now);
void tc__mmu_run_free(tc__mmu_run *r);

#endif /* TC_MMU_H */
