/*
 * mcache.c — the per-mutator allocation cache (Go's mcache.go).
 *
 * An mcache holds at most one span per span class and allocates from it with
 * no lock and no atomic: it is touched only by its own mutator (and by the
 * collector while that mutator is stopped). When the span runs out, refill
 * hands it back to its mcentral and takes another.
 *
 * Invariants: alloc[spc] is either tc__emptyspan (shared, never written: its
 * allocCache is 0 and nelems is 0, so both fast and slow paths fall through to
 * refill) or a span with sweepgen == h->sweepgen + 3 (swept, then cached).
 * When the heap's sweepgen moves on, a cached span reads as sg + 1: cached
 * before the sweep began, still needing a sweep, which its release does.
 * flushgen is the sweepgen at which this mcache last released its spans.
 */
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"

span tc__emptyspan;

void tc__mcache_init(mcache *c, mheap *h)
{
	for (unsigned i = 0; i < NUM_SPAN_CLASSES; i++)
		c->alloc[i] = &tc__emptyspan;
	c->heap = h;
	c->flushgen = atomic_load(&h->sweepgen);
	atomic_store_explicit(&c->alloc_bytes, 0, memory_order_relaxed);
	atomic_store_explicit(&c->alloc_objects, 0, memory_order_relaxed);
}

static void uncache(mcache *c, spanclass spc)
{
	span *s = c->alloc[spc];
	if (s == &tc__emptyspan)
		return;
	mheap *h = c->heap;
	uint32_t sg = atomic_load(&h->sweepgen), ssg = atomic_load(&s->sweepgen);
	if (ssg != sg + 3 && ssg != sg + 1) {
		tc__fatal("cached span %#lx has sweepgen %u, heap has %u", (unsigned long)s->base, ssg, sg);
	}
	tc_assert(s->allocCount <= s->nelems);
	tc_assert_expensive(tc__span_count_alloc(s) == s->allocCount);
	c->alloc[spc] = &tc__emptyspan;
	/* Give back the live bytes refill counted for the objects never handed
	 * out; not for a span cached before the last sweepgen bump, whose count
	 * heap.live no longer holds (it restarted from the bytes marked). */
	if (ssg != sg + 1)
		atomic_fetch_sub_explicit(&h->live, (uint64_t)(s->nelems - s->allocCount) * s->elemsize,
					  memory_order_relaxed);
	tc__mcentral_uncache_span(&h->central[spc], h, s);
}

static span *mcache_refill(mcache *c, spanclass spc)
{
	mheap *h = c->heap;
	uncache(c, spc);
	span *s = tc__mcentral_cache_span(&h->central[spc], h);
	if (s == NULL)
		return NULL;
	/* Swept for generation ssg; cached from now on: ssg + 3. If the heap's
	 * sweepgen moved on since (the collector does not stop the world), that
	 * reads as "cached before the sweep began", and the release sweeps it
	 * with this cycle's marks, as it must. */
	uint32_t ssg = atomic_load(&s->sweepgen);
	tc_chaos();
	tc_assert(ssg == atomic_load(&h->sweepgen) || ssg + 2 == atomic_load(&h->sweepgen));
	atomic_store(&s->sweepgen, ssg + 3);
	atomic_fetch_add_explicit(&h->live, (uint64_t)(s->nelems - s->allocCount) * s->elemsize, memory_order_relaxed);
	c->alloc[spc] = s;
	return s;
}

void tc__mcache_release_all(mcache *c)
{
	for (unsigned i = 0; i < NUM_SPAN_CLASSES; i++)
		uncache(c, (spanclass)i);
}

void tc__mcache_prepare_for_sweep(mcache *c)
{
	uint32_t sg = atomic_load(&c->heap->sweepgen);
	if (c->flushgen == sg)
		return;
	tc__mcache_release_all(c);
	c->flushgen = sg;
}

void *tc__mcache_alloc_small_slow(mcache *c, spanclass spc, span **sp)
{
	span *s = c->alloc[spc];
	uint32_t idx = tc__span_next_free_index(s);
	if (idx == s->nelems) {
		s = mcache_refill(c, spc);
		if (s == NULL)
			return NULL;
		idx = tc__span_next_free_index(s);
	}
	s->allocCount++;
	*sp = s;
	return (void *)span_obj_base(s, idx);
}

/* A large object's span, not yet on any mcentral list: no sweeper can find
 * it until tc__mcache_large_list files it, so its owner may mark it first
 * (a sweepgen bump between the two cannot have it swept unmarked). */
void *tc__mcache_alloc_large_unlisted(mcache *c, size_t size, bool noscan, const void *type, size_t count, span **sp)
{
	if (size > TC_MAX_OBJECT_SIZE) {
		tc__seterr("allocation of %zu bytes is beyond the address space", size);
		return NULL;
	}
	size_t npages = (size + TC_PAGE_SIZE - 1) >> TC_PAGE_SHIFT;
	spanclass spc = spc_make(0, noscan ? SK_NOSCAN : SK_SCAN);
	span *s = tc__mheap_alloc_span(c->heap, npages, spc);
	if (s == NULL)
		return NULL;
	s->largetype = type;
	s->largecount = count;
	atomic_fetch_add_explicit(&c->heap->live, s->elemsize, memory_order_relaxed);
	*sp = s;
	return (void *)s->base;
}

void tc__mcache_large_list(mcache *c, span *s) { tc__mcentral_push(&c->heap->central[s->spc], c->heap, s, true); }

void *tc__mcache_alloc_large(mcache *c, size_t size, bool noscan, const void *type, size_t count, span **sp)
{
	void *p = tc__mcache_alloc_large_unlisted(c, size, noscan, type, count, sp);
	if (p != NULL)
		tc__mcache_large_list(c, *sp);
	return p;
}
