/*
 * span.c — a span's object bookkeeping (Go's mspan methods in mbitmap.go and
 * malloc.go).
 *
 * Invariants (see alloc.h for the whole tier):
 *  - Object i of a small span lives at base + i * elemsize; i < nelems.
 *  - i is allocated iff i < freeindex or bit i of allocbits is set. Bits of
 *    allocbits at or above nelems are kept set so they never look free.
 *  - allocCache holds ~allocbits for [freeindex, next multiple of 64), shifted
 *    so that bit 0 is freeindex. Allocation consumes it with ctz.
 *  - gcmarkbits may be set concurrently by several markers (atomic OR); they
 *    are read and swapped into allocbits only by the span's sweeper.
 */
#include <string.h>

#include "alloc.h"

void tc__span_fill_alloc_tail(uint64_t *w, uint32_t nelems)
{
	/* Set every bit at or above nelems so it reads "allocated".
	 * Atomic: tc__mheap_find_object may read the words beside a sweep. */
	uint32_t i = nelems / 64;
	if (nelems % 64) {
		__atomic_store_n(&w[i], __atomic_load_n(&w[i], __ATOMIC_RELAXED) | (~(uint64_t)0 << (nelems % 64)), __ATOMIC_RELAXED);
		i++;
	}
	for (; i < SPAN_BITWORDS; i++)
		__atomic_store_n(&w[i], ~(uint64_t)0, __ATOMIC_RELAXED);
}

void tc__span_init_small(span *s, spanclass spc)
{
	unsigned sc = spc_sizeclass(spc);
	s->spc = spc;
	s->elemsize = tc_class_to_size[sc];
	s->nelems = (uint32_t)((s->npages << TC_PAGE_SHIFT) / s->elemsize);
	s->divmagic = tc_class_to_divmagic[sc];
	s->limit = s->base + (uintptr_t)s->nelems * s->elemsize;
	span_set_freeindex(s, 0);
	__atomic_store_n(&s->pubfree, 0, __ATOMIC_RELAXED);
	s->allocCount = 0;
	span_reset_layout(s);
	s->allocbits = s->bits[0];
	s->gcmarkbits = s->bits[1];
	memset(s->bits, 0, sizeof s->bits);
	span_reset_scans(s);
	tc__span_fill_alloc_tail(s->allocbits, s->nelems);
	tc__span_refill_alloc_cache(s, 0);
}

void tc__span_refill_alloc_cache(span *s, uint32_t whichword)
{
	s->allocCache = ~s->allocbits[whichword];
}

/* Go's mspan.nextFreeIndex: the next free index at or after freeindex, or
 * nelems when the span is full. Advances freeindex past it. */
uint32_t tc__span_next_free_index(span *s)
{
	uint32_t fi = s->freeindex, n = s->nelems;
	if (fi == n)
		return n;
	uint64_t cache = s->allocCache;
	while (cache == 0) {
		fi = (fi + 64) & ~63u;
		if (fi >= n) {
			span_set_freeindex(s, n);
			return n;
		}
		tc__span_refill_alloc_cache(s, fi / 64);
		cache = s->allocCache;
	}
	unsigned bit = (unsigned)__builtin_ctzll(cache);
	uint32_t result = fi + bit;
	if (result >= n) {
		span_set_freeindex(s, n);
		return n;
	}
	s->allocCache = (cache >> bit) >> 1;
	fi = result + 1;
	if ((fi & 63) == 0 && fi != n)
		tc__span_refill_alloc_cache(s, fi / 64);
	span_set_freeindex(s, fi);
	return result;
}

/* Set bits of bits[] at indices [from, nelems). */
static uint32_t count_bits(const uint64_t *bits, uint32_t from, uint32_t nelems)
{
	uint32_t n = 0, words = (nelems + 63) / 64;
	for (uint32_t i = from / 64; i < words; i++) {
		uint64_t w = __atomic_load_n(&bits[i], __ATOMIC_RELAXED);
		if (i == from / 64 && from % 64)
			w &= ~(uint64_t)0 << (from % 64);
		if (i == words - 1 && nelems % 64)
			w &= ((uint64_t)1 << (nelems % 64)) - 1;
		n += (uint32_t)__builtin_popcountll(w);
	}
	return n;
}

uint32_t tc__span_count_marked(const span *s) { return count_bits(s->gcmarkbits, 0, s->nelems); }

/* Objects allocated by the bookkeeping's own definition (i < freeindex or
 * allocbits[i]): equals allocCount, which debug builds check. */
uint32_t tc__span_count_alloc(const span *s)
{
	uint32_t fi = s->freeindex;
	return fi + count_bits(s->allocbits, fi, s->nelems);
}
