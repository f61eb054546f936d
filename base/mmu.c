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
#include <stdbool.h>
#include <stdlib.h>

#include "atomics.h"
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

void tc__mmu_run_init(tc__mmu_run *r, uint64_t t0, const uint64_t w[TC__MMU_NW])
{
	*r = (tc__mmu_run){.t0 = t0};
	for (int i = 0; i < TC__MMU_NW; i++)
		r->w[i] = w[i];
}

void tc__mmu_run_free(tc__mmu_run *r)
{
	free(r->q);
	free(r->cum);
	r->q = NULL;
	r->cum = NULL;
	r->cap = r->n = r->head = 0;
}

#define RING(r, k) (((r)->head + (k)) % (r)->cap)

static bool ring_grow(tc__mmu_run *r)
{
	size_t cap = r->cap ? 2 * r->cap : 64;
	tc__ival *q = malloc(cap * sizeof *q);
	uint64_t *cum = malloc(cap * sizeof *cum);
	if (q == NULL || cum == NULL) {
		free(q);
		free(cum);
		return false;
	}
	for (size_t k = 0; k < r->n; k++) {
		q[k] = r->q[RING(r, k)];
		cum[k] = r->cum[RING(r, k)];
	}
	free(r->q);
	free(r->cum);
	r->q = q;
	r->cum = cum;
	r->cap = cap;
	r->head = 0;
	return true;
}

/* Stalled time before t, total being the stalled time in all. Any t will
 * do: the stalls the ring no longer holds all ended before its first. */
static uint64_t run_stalled_before(const tc__mmu_run *r, uint64_t total, uint64_t t)
{
	size_t lo = 0, hi = r->n; /* the first kept stall ending after t */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->q[RING(r, mid)].end <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == r->n)
		return total;
	const tc__ival *iv = &r->q[RING(r, lo)];
	uint64_t c = r->cum[RING(r, lo)];
	return iv->start >= t ? c - (iv->end - iv->start) : c - (iv->end - t);
}

void tc__mmu_run_add(tc__mmu_run *r, uint64_t start, uint64_t end)
{
	if (start < r->t0)
		start = r->t0;
	if (r->n > 0 && start < r->q[RING(r, r->n - 1)].end)
		start = r->q[RING(r, r->n - 1)].end; /* overlaps the last: clipped */
	if (end <= start)
		return;
	uint64_t total = atomic_load_explicit(&r->total, memory_order_relaxed) + (end - start);
	/* The ring keeps the stalls ending after end - widest. */
	uint64_t wmax = r->w[TC__MMU_NW - 1];
	while (r->n > 0 && r->q[r->head].end + wmax <= end) {
		r->head = (r->head + 1) % r->cap;
		r->n--;
	}
	if (r->n == r->cap && !ring_grow(r)) {
		if (r->n == 0) { /* no ring at all: as if every stall so far fell in one window */
			atomic_store_explicit(&r->total, total, memory_order_relaxed);
			for (int i = 0; i < TC__MMU_NW; i++)
				atomic_owner_max_u64(&r->worst[i], total < r->w[i] ? total : r->w[i]);
			r->merged++;
			return;
		}
		/* Merged into the last, the gap counted as stalled. */
		size_t last = RING(r, r->n - 1);
		total += start - r->q[last].end;
		r->q[last].end = end;
		r->cum[last] = total;
		r->merged++;
	} else {
		r->q[RING(r, r->n)] = (tc__ival){start, end};
		r->cum[RING(r, r->n)] = total;
		r->n++;
	}
	atomic_store_explicit(&r->total, total, memory_order_relaxed);
	for (int i = 0; i < TC__MMU_NW; i++) {
		uint64_t w = r->w[i];
		if (end < r->t0 + w) {
			atomic_owner_max_u64(&r->worst[i], total); /* [t0, end] */
			continue;
		}
		atomic_owner_max_u64(&r->worst[i], total - run_stalled_before(r, total, end - w));
	}
}

double tc__mmu_from(uint64_t worst, uint64_t total, uint64_t w, uint64_t t0, uint64_t now)
{
	if (now <= t0)
		return 1.0;
	uint64_t span = now - t0;
	if (span <= w) /* the window is the span */
		return 1.0 - (double)(total < span ? total : span) / (double)span;
	return 1.0 - (double)(worst < w ? worst : w) / (double)w;
}

double tc__mmu_run_get(tc__mmu_run *r, int i, uint64_t now)
{
	return tc__mmu_from(atomic_load_explicit(&r->worst[i], memory_order_relaxed),
			    atomic_load_explicit(&r->total, memory_order_relaxed), r->w[i], r->t0, now);
}
