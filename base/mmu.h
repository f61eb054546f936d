/*
 * mmu.h — minimum mutator utilisation (Cheng and Blelloch): over every
 * window of w ns inside [t0, t1], the least fraction of the window in which
 * the mutator was not stalled. Used by the library for its per-mutator
 * gc.mmu.* metrics and by tcbench for other collectors' pause logs.
 */
#ifndef TC_MMU_H
#define TC_MMU_H

#include <stddef.h>
#include <stdint.h>

typedef struct tc__ival {
	uint64_t start, end; /* ns; end >= start */
} tc__ival;

/* MMU(w) of one mutator stalled during iv[0..n) (any order, may overlap;
 * sorted in place), within [t0, t1]. A window longer than [t0, t1] is the
 * whole span. Returns 1.0 with no stall, and for an empty span. */
double tc__mmu(tc__ival *iv, size_t n, uint64_t t0, uint64_t t1, uint64_t w);

#endif /* TC_MMU_H */
