/*
 * mmu.c — minimum mutator utilisation from a list of stall intervals.
 *
 * The stalled time in a window [s, s + w] is a piecewise-linear function of
 * s whose slope changes only where s or s + w crosses an interval's end
 * point, so its maximum is reached at s = an interval's start, or s + w = an
 * interval's end, or at the span's edges. After merging the intervals and
 * taking prefix sums, each candidate costs two binary searches: O(n log n)
 * for n intervals.
 */
#include <stdlib.h>

#include "mmu.h"

static int by_start(const void *a, const void *b)
{
	const tc__ival *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Stalled time in [0, t) of the merged, sorted intervals with prefix sums. */
static uint64_t stalled_before(const tc__ival *iv, const uint64_t *pre, size_t n, uint64_t t)
{
	size_t lo = 0, hi = n; /* first interval with start >= t */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (iv[mid].start < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	const tc__ival *last = &iv[lo - 1];
	return pre[lo - 1] + ((t < last->end ? t : last->end) - last->start);
}

double tc__mmu(tc__ival *iv, size_t n, uint64_t t0, uint64_t t1, uint64_t w)
{
	if (t1 <= t0)
		return 1.0;
	if (w > t1 - t0)
		w = t1 - t0;
	/* Clip to [t0, t1], drop empties, sort, merge. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t s = iv[i].start < t0 ? t0 : iv[i].start, e = iv[i].end > t1 ? t1 : iv[i].end;
		if (e > s)
			iv[k++] = (tc__ival){s, e};
	}
	if (k == 0 || w == 0)
		return 1.0;
	qsort(iv, k, sizeof *iv, by_start);
	size_t m = 0;
	for (size_t i = 1; i < k; i++) {
		if (iv[i].start <= iv[m].end) {
			if (iv[i].end > iv[m].end)
				iv[m].end = iv[i].end;
		} else {
			iv[++m] = iv[i];
		}
	}
	m++;
	uint64_t *pre = malloc(m * sizeof *pre); /* stalled time before interval i */
	if (pre == NULL)
		return 0.0; /* cannot compute: report the worst, not a flattering guess */
	for (size_t i = 0, acc = 0; i < m; i++) {
		pre[i] = acc;
		acc += iv[i].end - iv[i].start;
	}
	uint64_t worst = 0;
	for (size_t i = 0; i <= m; i++) {
		/* Candidates: windows starting at a stall's start, ending at a
		 * stall's end, and the span's two edge windows. */
		uint64_t cands[2];
		int nc = 0;
		if (i < m) {
			cands[nc++] = iv[i].start;
			cands[nc++] = iv[i].end >= t0 + w ? iv[i].end - w : t0;
		} else {
			cands[nc++] = t0;
			cands[nc++] = t1 - w;
		}
		for (int c = 0; c < nc; c++) {
			uint64_t s = cands[c];
			if (s + w > t1)
				s = t1 - w;
			uint64_t st = stalled_before(iv, pre, m, s + w) - stalled_before(iv, pre, m, s);
			if (st > worst)
				worst = st;
		}
	}
	free(pre);
	return 1.0 - (double)worst / (double)w;
}
