/*
 * sweep.c — reclaiming the unmarked objects of a span (the span half of Go's
 * mgcsweep.go; the background sweeper and its pacing live in gc/).
 *
 * Sweeping a small span turns its mark bits into its alloc bits: every object
 * left unmarked by the last mark becomes free, in one swap, with no walk over
 * the objects. Memory of freed objects is not touched; the span is flagged
 * needzero so that allocation zeroes it. A large span is freed whole when its
 * one object is unmarked.
 *
 * Invariants: only the owner of a span sweeps it — the one that moved its
 * sweepgen from sg-2 to sg-1 (tc__span_try_acquire_sweep), or an mcache releasing
 * a span it cached before the sweep began (sg+1). After tc__span_sweep the span's
 * sweepgen is sg and its mark bits are clear, ready for the next cycle. Sweep
 * never raises the number of allocated objects: a mark bit on a free slot is a
 * collector bug and aborts. With h->junk_free (a debug option the collector
 * turns on with its verifier) freed objects are filled with 0xdb, so a use
 * after a wrong free shows at once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

bool tc__span_try_acquire_sweep(mheap *h, span *s)
{
	uint32_t sg = atomic_load(&h->sweepgen);
	uint32_t want = sg - 2;
	return atomic_compare_exchange_strong(&s->sweepgen, &want, sg - 1);
}

uint32_t tc__span_sweep(mheap *h, span *s, bool preserve, bool *freed_span)
{
	uint32_t sg = atomic_load(&h->sweepgen);
	mcentral *c = &h->central[s->spc];
	tc_assert(atomic_load(&s->sweepgen) == sg - 1); /* owned: acquired, or released from a cache */
	tc_assert(s->list == LIST_NONE);
	if (freed_span)
		*freed_span = false;

	if (spc_sizeclass(s->spc) == 0) {
		bool live = span_marked(s, 0);
		if (h->junk_free && !live)
			memset((void *)s->base, 0xdb, s->elemsize);
		s->gcmarkbits[0] = 0;
		atomic_store_explicit(&s->sweepgen, sg, memory_order_release);
		if (live) {
			if (!preserve)
				tc__mcentral_push(c, h, s, true);
			return 0;
		}
		tc__mheap_free_span(h, s);
		if (freed_span)
			*freed_span = true;
		return 1;
	}

	uint32_t nalloc = tc__span_count_marked(s);
	if (nalloc > s->allocCount) {
		tc__fatal("sweep of span %#lx (class %u) found %u marked of %u allocated objects", (unsigned long)s->base,
			  spc_sizeclass(s->spc), nalloc, s->allocCount);
	}
	uint32_t nfreed = s->allocCount - nalloc;
	if (h->junk_free && nfreed)
		for (uint32_t i = 0; i < s->nelems; i++)
			if (!span_is_free(s, i) && !span_marked(s, i))
				memset((void *)span_obj_base(s, i), 0xdb, s->elemsize);
	/* Atomic stores: tc__mheap_find_object reads these beside the sweep
	 * (a seqlock on sweepgen; it retries what it read meanwhile). */
	uint64_t *old = s->allocbits;
	__atomic_store_n(&s->allocbits, s->gcmarkbits, __ATOMIC_RELAXED);
	s->gcmarkbits = old;
	for (unsigned i = 0; i < SPAN_BITWORDS; i++)
		__atomic_store_n(&old[i], 0, __ATOMIC_RELAXED);
	span_reset_scans(s);
	tc__span_fill_alloc_tail(s->allocbits, s->nelems);
	span_set_freeindex(s, 0);
	__atomic_store_n(&s->pubfree, 0, __ATOMIC_RELAXED);
	tc__span_refill_alloc_cache(s, 0);
	s->allocCount = nalloc;
	tc_assert_expensive(tc__span_count_alloc(s) == s->allocCount);
	if (nfreed)
		s->needzero = 1;
	if (nalloc == 0)
		span_reset_layout(s); /* empty: the next object chooses the layout */
	atomic_store_explicit(&s->sweepgen, sg, memory_order_release);

	if (!preserve) {
		if (nalloc == 0) {
			tc__mheap_free_span(h, s);
			if (freed_span)
				*freed_span = true;
		} else {
			tc__mcentral_push(c, h, s, true);
		}
	}
	return nfreed;
}

void tc__mheap_start_sweep(mheap *h) { atomic_fetch_add(&h->sweepgen, 2); }

/* Go's mheap.reclaim: before the heap grows, sweep unswept spans until
 * npages pages have gone back to the free runs or maxspans spans were swept
 * (a bound, so an allocation never sweeps the whole heap while a stop waits).
 * The classes are taken round-robin from where the last call stopped. */
size_t tc__mheap_reclaim(mheap *h, size_t npages, unsigned maxspans)
{
	size_t freed = 0;
	unsigned start = atomic_fetch_add_explicit(&h->reclaim_next, 1, memory_order_relaxed);
	for (unsigned k = 0; k < NUM_SPAN_CLASSES && freed < npages && maxspans > 0; k++) {
		mcentral *c = &h->central[(start + k) % NUM_SPAN_CLASSES];
		span *s;
		while (freed < npages && maxspans > 0 && (s = tc__mcentral_next_unswept(c, h)) != NULL) {
			size_t np = s->npages;
			bool gone;
			tc__span_sweep(h, s, false, &gone);
			freed += gone ? np : 0;
			maxspans--;
		}
	}
	return freed;
}

size_t tc__mheap_sweep_some(mheap *h, unsigned *cls, size_t max)
{
	size_t n = 0;
	for (; *cls < NUM_SPAN_CLASSES; ++*cls) {
		span *s;
		while (n < max && (s = tc__mcentral_next_unswept(&h->central[*cls], h)) != NULL) {
			tc__span_sweep(h, s, false, NULL);
			n++;
		}
		if (n == max)
			break; /* this class may have more */
	}
	return n;
}

size_t tc__mheap_sweep_all(mheap *h)
{
	unsigned cls = 0;
	return tc__mheap_sweep_some(h, &cls, SIZE_MAX);
}
