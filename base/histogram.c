/*
 * histogram.c — time histograms (Go's timeHistogram, histogram.go): pauses,
 * and any other duration the collector counts.
 *
 * Values below 16 ns get a bucket each; above, bucket (super, sub) covers
 * [(16+sub) << (super-1), (16+sub+1) << (super-1)): 16 linear sub-buckets
 * per power of two, so every bucket is within 6.25% of its values. The last
 * bucket takes everything above. A quantile reads as the upper bound of the
 * bucket that holds it, capped at the exact maximum.
 *
 * Invariant: counters only grow; a reader may see a histogram one value
 * ahead of its count (atomics, no lock), never a bucket total above the count
 * by more than the values being recorded.
 */
#include "atomics.h"
#include "histogram.h"
#include "tricolor.h"

static unsigned bucket_of(uint64_t ns)
{
	if (ns < HIST_SUB)
		return (unsigned)ns;
	unsigned len = 64 - (unsigned)__builtin_clzll(ns);
	unsigned super = len - HIST_SUB_BITS;
	if (super >= HIST_SUPER)
		return HIST_BUCKETS - 1;
	unsigned sub = (unsigned)(ns >> (super - 1)) % HIST_SUB;
	return super * HIST_SUB + sub;
}

void tc__hist_bounds(unsigned i, uint64_t *lo, uint64_t *hi)
{
	unsigned super = i / HIST_SUB, sub = i % HIST_SUB;
	if (super == 0) {
		*lo = sub;
		*hi = sub + 1;
	} else {
		*lo = (uint64_t)(HIST_SUB + sub) << (super - 1);
		*hi = (uint64_t)(HIST_SUB + sub + 1) << (super - 1);
	}
	if (i == HIST_BUCKETS - 1)
		*hi = UINT64_MAX;
}

void tc_pause_bucket(uint64_t ns, uint64_t *lower, uint64_t *upper)
{
	uint64_t lo, hi;
	tc__hist_bounds(bucket_of(ns), &lo, &hi);
	if (lower)
		*lower = lo;
	if (upper)
		*upper = hi;
}

void tc__hist_record(timehist *ph, uint64_t ns)
{
	atomic_fetch_add_explicit(&ph->counts[bucket_of(ns)], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&ph->count, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&ph->sum, ns, memory_order_relaxed);
	atomic_max_u64(&ph->max, ns);
}

uint64_t tc__hist_quantile(timehist *ph, double q)
{
	uint64_t total = 0, counts[HIST_BUCKETS];
	for (unsigned i = 0; i < HIST_BUCKETS; i++)
		total += counts[i] = atomic_load_explicit(&ph->counts[i], memory_order_relaxed);
	if (total == 0)
		return 0;
	uint64_t rank = (uint64_t)(q * (double)total + 0.999999), seen = 0;
	if (rank == 0)
		rank = 1;
	uint64_t mx = atomic_load(&ph->max);
	for (unsigned i = 0; i < HIST_BUCKETS; i++) {
		seen += counts[i];
		if (seen >= rank) {
			uint64_t lo, hi;
			tc__hist_bounds(i, &lo, &hi);
			return hi < mx ? hi : mx;
		}
	}
	return mx;
}
