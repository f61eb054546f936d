/*
 * histogram.h — time histograms with 6.25% buckets (Go's timeHistogram);
 * see histogram.c. Recording is lock-free and may race with reading.
 */
#ifndef TC_HISTOGRAM_H
#define TC_HISTOGRAM_H

#include <stdatomic.h>
#include <stdint.h>

#define HIST_SUB_BITS 4
#define HIST_SUB (1 << HIST_SUB_BITS)
#define HIST_SUPER 45
#define HIST_BUCKETS (HIST_SUPER * HIST_SUB)

typedef struct timehist {
	_Atomic uint64_t counts[HIST_BUCKETS];
	_Atomic uint64_t count, max, sum; /* values, the largest, their sum (ns) */
} timehist;

void tc__hist_record(timehist *th, uint64_t ns);
uint64_t tc__hist_quantile(timehist *th, double q); /* 0 when empty */
void tc__hist_bounds(unsigned bucket, uint64_t *lo, uint64_t *hi); /* [lo, hi) of a bucket */

#endif /* TC_HISTOGRAM_H */
