/*
 * mcache.c — the per-mutator allocation cache (Go's mcache.go).
 *
 * An mcache holds at most one span per slot and allocates from it with no
 * lock and no atomic: it is touched only by its own mutator (and by the
 * collector while that mutator is stopped). When the span runs out, refill
 * hands it back to its mcentral and takes another. Slot cs caches a span of
 * class cslot_spc(cs): one slot per span class (Go's one span per class),
 * and SCAN_TYPE_SLOTS - 1 more for each small scan size class (cslot_alt).
 * A scan span whose objects are all of one type needs no per-object set-up
 * (its layout is UNIFORM, heapbits.c), and the inlined tc_alloc serves
 * only the type its run was prepared for; types of one size (a list node
 * and the record holding the list; a language's pairs, closures and boxes)
 * would share a single cached span, which turns MIXED, and take turns at
 * one run, so that all but one take the library's path. So, after each
 * release, each type of a size binds a slot of its own in order of first
 * use (tc__mcache_slot_for), up to SCAN_TYPE_SLOTS; later types mix into
 * the first slot's span.
 *
 * Allocation itself takes slots from run[cs], a stretch of up to 64 free
 * slots of alloc[cs] (alloc.h), which the inlined tc_alloc reads too. A run
 * is loaded from the span's allocbits at freeindex. If the span's free
 * memory may be dirty, each slot is zeroed as it is taken, until the run is
 * prepared for the inline path, which zeroes all its free slots at once
 * (tc__mcache_zero_run). It is folded back (freeindex past the last slot
 * taken, allocCache the rest, allocCount and the mutator's allocation counts
 * plus the slots taken) before the next load and when the span is uncached.
 * A folded run is empty and prepared for no type (run.type NULL). A run
 * loaded while its mutator allocates black has all its slots marked at once
 * (gc/malloc.c, black[cs]); the fold clears the marks of the slots it never
 * handed out, before any sweep can read them.
 *
 * Invariants: alloc[cs] is either tc__emptyspan (shared, never written: its
 * allocCache is 0 and nelems is 0, so both fast and slow paths fall through to
 * refill) or a span with sweepgen == h->sweepgen + 3 (swept, then cached).
 * When the heap's sweepgen moves on, a cached span reads as sg + 1: cached
 * before the sweep began, still needing a sweep, which its release does.
 * flushgen is the sweepgen at which this mcache last released its spans.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

span tc__emptyspan;

void tc__mcache_init(mcache *c, mheap *h)
{
	for (unsigned i = 0; i < NUM_CACHE_SLOTS; i++) {
		c->alloc[i] = &tc__emptyspan;
		c->run[i] = (tc_alloc_run){.published = NULL};
		c->black[i] = 0;
		c->zeroed[i] = false;
		c->serves[i] = NULL;
	}
	c->heap = h;
	c->flushgen = atomic_load(&h->sweepgen);
	atomic_store_explicit(&c->alloc_bytes, 0, memory_order_relaxed);
	atomic_store_explicit(&c->alloc_objects, 0, memory_order_relaxed);
	atomic_store_explicit(&c->slow_allocs, 0, memory_order_relaxed);
}

void tc__mcache_fold(mcache *c, cslot cs)
{
	span *s = c->alloc[cs];
	tc_alloc_run *r = &c->run[cs];
	if (r->published == NULL)
		return; /* no run out */
	uint32_t fi = s->freeindex, k0 = r->first;
	uint64_t loaded = ~s->allocbits[k0 / 64] & (~(uint64_t)0 << (fi - k0));
	uint64_t taken = loaded & ~r->free;
	tc_assert((r->free & ~loaded) == 0);
	if (c->black[cs] & r->free) /* marked at load, never handed out: free again */
		span_unpremark(s, k0 / 64, c->black[cs] & r->free);
	c->black[cs] = 0;
	if (taken != 0) {
		uint32_t n = (uint32_t)__builtin_popcountll(taken);
		fi = k0 + 64 - (uint32_t)__builtin_clzll(taken);
		s->allocCount += n;
		mcache_count_alloc(c, n, (uint64_t)n * s->elemsize);
	}
	span_set_freeindex(s, fi);
	s->allocCache = fi - k0 >= 64 ? 0 : r->free >> (fi - k0);
	*r = (tc_alloc_run){.published = NULL};
}

void tc__mcache_fold_all(mcache *c)
{
	for (unsigned i = 0; i < NUM_CACHE_SLOTS; i++)
		tc__mcache_fold(c, (cslot)i);
}

/* Zero the free slots of bits (a run's stretch starting at slot k0), a
 * stretch of adjacent free slots at a time. */
static void zero_free(span *s, uint32_t k0, uint64_t bits)
{
	while (bits != 0) {
		unsigned lo = (unsigned)__builtin_ctzll(bits);
		uint64_t above = bits >> lo;
		unsigned len = ~above == 0 ? 64 - lo : (unsigned)__builtin_ctzll(~above);
		memset((void *)span_obj_base(s, k0 + lo), 0, (size_t)len * s->elemsize);
		bits = len + lo >= 64 ? 0 : bits & (~(uint64_t)0 << (lo + len));
	}
}

void tc__mcache_zero_run(mcache *c, cslot cs)
{
	if (!c->zeroed[cs]) {
		zero_free(c->alloc[cs], c->run[cs].first, c->run[cs].free);
		c->zeroed[cs] = true;
	}
}

/* Load run[cs] from the next stretch of the cached span that has a free
 * slot, at or after freeindex. False when the span has none left. */
static bool run_load(mcache *c, cslot cs)
{
	span *s = c->alloc[cs];
	uint32_t fi = s->freeindex, n = s->nelems;
	while (fi < n) {
		uint32_t k0 = fi & ~63u;
		uint64_t f = ~s->allocbits[k0 / 64] & (~(uint64_t)0 << (fi - k0)); /* bits at or past nelems are set */
		if (f != 0) {
			span_set_freeindex(s, fi);
			c->zeroed[cs] = !s->needzero;
			c->run[cs] = (tc_alloc_run){.type = NULL, .free = f, .base = span_obj_base(s, k0),
						     .elemsize = s->elemsize, .first = k0, .published = &s->pubfree};
			return true;
		}
		fi = k0 + 64;
	}
	span_set_freeindex(s, n);
	s->allocCache = 0;
	return false;
}

static void uncache(mcache *c, cslot cs)
{
	span *s = c->alloc[cs];
	if (s == &tc__emptyspan)
		return;
	tc__mcache_fold(c, cs);
	mheap *h = c->heap;
	uint32_t sg = atomic_load(&h->sweepgen), ssg = atomic_load(&s->sweepgen);
	if (ssg != sg + 3 && ssg != sg + 1) {
		tc__fatal("cached span %#lx has sweepgen %u, heap has %u", (unsigned long)s->base, ssg, sg);
	}
	tc_assert(s->allocCount <= s->nelems);
	tc_assert_expensive(tc__span_count_alloc(s) == s->allocCount);
	c->alloc[cs] = &tc__emptyspan;
	/* Give back the live bytes refill counted for the objects never handed
	 * out; not for a span cached before the last sweepgen bump, whose count
	 * heap.live no longer holds (it restarted from the bytes marked). */
	if (ssg != sg + 1)
		atomic_fetch_sub_explicit(&h->live, (uint64_t)(s->nelems - s->allocCount) * s->elemsize,
					  memory_order_relaxed);
	tc__mcentral_uncache_span(&h->central[s->spc], h, s);
}

static span *mcache_refill(mcache *c, cslot cs)
{
	mheap *h = c->heap;
	uncache(c, cs);
	span *s = tc__mcentral_cache_span(&h->central[cslot_spc(cs)], h);
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
	c->alloc[cs] = s;
	return s;
}

void tc__mcache_release_all(mcache *c)
{
	for (unsigned i = 0; i < NUM_CACHE_SLOTS; i++) {
		uncache(c, (cslot)i);
		c->serves[i] = NULL; /* the types bind afresh, in their order of use */
	}
}

void tc__mcache_prepare_for_sweep(mcache *c)
{
	uint32_t sg = atomic_load(&c->heap->sweepgen);
	if (c->flushgen == sg)
		return;
	tc__mcache_release_all(c);
	c->flushgen = sg;
}

void *tc__mcache_alloc_small_slow(mcache *c, cslot cs, span **sp, uint32_t *idx)
{
	span *s = c->alloc[cs];
	tc__mcache_fold(c, cs);
	if (s == &tc__emptyspan || !run_load(c, cs)) {
		if ((s = mcache_refill(c, cs)) == NULL)
			return NULL;
		if (!run_load(c, cs))
			tc__fatal("span %#lx from mcentral class %u has no free slot", (unsigned long)s->base, s->spc);
	}
	*sp = s;
	return (void *)run_take(&c->run[cs], idx);
}

cslot tc__mcache_slot_for(mcache *c, spanclass spc, const void *type)
{
	if (spc_kind(spc) != SK_SCAN)
		return spc;
	cslot unbound = NUM_CACHE_SLOTS;
	for (unsigned j = 0; j < SCAN_TYPE_SLOTS; j++) {
		cslot cs = j == 0 ? spc : cslot_alt(spc, j);
		if (c->serves[cs] == type)
			return cs;
		if (c->serves[cs] == NULL && unbound == NUM_CACHE_SLOTS)
			unbound = cs;
	}
	if (unbound == NUM_CACHE_SLOTS)
		return spc; /* every slot is another type's: mixed in with the first */
	c->serves[unbound] = type;
	return unbound;
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
