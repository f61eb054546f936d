/* micro.h — what the micro-benchmarks share: a monotonic clock in
 * milliseconds and a comparison for qsort'ing doubles (for medians). */
#ifndef TC_MICRO_H
#define TC_MICRO_H

#include <time.h>

static inline double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

#endif /* TC_MICRO_H */
