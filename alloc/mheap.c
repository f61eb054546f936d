/*
 * mheap.c — the page heap's spans (Go's mheap.go): allocating a span from
 * the free page runs (pagealloc.c), growing the heap when none fits
 * (arena.c), freeing a span back into a run merged with its free neighbours,
 * the pool of span structs, and finding the object that holds an address.
 * The scavenger is scavenge.c.
 *
 * Every mapped page is either in an in-use span or in a free run. Before the
 * heap grows for a span, it sweeps some unswept spans (Go's reclaim): their
 * free pages may fit.
 *
 * Invariants: the mheap lock guards the free runs, growth, the span-struct
 * free list and the map entries of free runs. The map entries of an in-use
 * span are written before the span is published and not changed until it is
 * freed. A lookup (mheap_span_of) takes no lock: it checks the span's state
 * and range, because entries inside free runs may be stale.
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct fixchunk {
	fixchunk *next;
	size_t size;
};

#define FIXCHUNK_SIZE ((size_t)256 << 10)
#define RECLAIM_MAX_SPANS 256 /* spans one allocation sweeps before growing */

span *tc__span_struct_alloc(mheap *h)
{
	span *s = h->spanfree;
	if (s != NULL) {
		h->spanfree = s->next;
	} else {
		fixchunk *c = tc__os_alloc_meta(FIXCHUNK_SIZE);
		if (c == NULL)
			return NULL;
		c->size = FIXCHUNK_SIZE;
		c->next = h->chunks;
		h->chunks = c;
		atomic_fetch_add(&h->meta, FIXCHUNK_SIZE);
		/* Carve the chunk, from its first 64-byte line after the header
		 * (the mapping is page-aligned, and so sizeof(span) a multiple of
		 * 64); keep all but the first on the free list. */
		size_t n = (FIXCHUNK_SIZE - _Alignof(span)) / sizeof(span);
		span *arr = (span *)((char *)c + _Alignof(span));
		for (size_t i = n - 1; i >= 1; i--) {
			arr[i].next = h->spanfree;
			h->spanfree = &arr[i];
		}
		s = &arr[0];
	}
	memset(&s->spc, 0, offsetof(span, bits) - offsetof(span, spc));
	return s;
}

static void span_struct_free(mheap *h, span *s)
{
	atomic_store_explicit(&s->state, SPAN_DEAD, memory_order_release);
	s->next = h->spanfree;
	h->spanfree = s;
}

int tc__mheap_init(mheap *h)
{
	memset(h, 0, sizeof *h);
	lock_init(&h->lock, LR_MHEAP);
	size_t mapsize = sizeof(heaparena *) << TC_ARENA_L2_BITS;
	h->arenas = tc__os_alloc_meta(mapsize);
	if (h->arenas == NULL)
		return -1;
	h->treeseed = 0x9e3779b9u;
	h->sweepgen = 2; /* so that sg - 2 never wraps */
	for (unsigned i = 0; i < NUM_SPAN_CLASSES; i++)
		tc__mcentral_init(&h->central[i], (spanclass)i);
	return 0;
}

void tc__mheap_destroy(mheap *h)
{
	for (region *r = h->regions, *next; r != NULL; r = next) {
		next = r->next;
		for (uintptr_t a = r->base; a < r->base + r->size; a += TC_ARENA_SIZE) {
			heaparena *ha = mheap_arena_of(h, a);
			if (ha == NULL)
				continue;
			tc__os_unmap(ha, sizeof *ha);
		}
		tc__os_unmap((void *)r->base, r->size);
		tc__os_unmap(r, TC_PAGE_SIZE);
	}
	for (fixchunk *c = h->chunks, *next; c != NULL; c = next) {
		next = c->next;
		tc__os_unmap(c, c->size);
	}
	tc__os_unmap(h->arenas, sizeof(heaparena *) << TC_ARENA_L2_BITS);
	for (unsigned i = 0; i < NUM_SPAN_CLASSES; i++)
		lock_destroy(&h->central[i].lock);
	lock_destroy(&h->lock);
}

/* Insert a free run, merging it with free neighbours (lock held). */
void tc__mheap_free_run(mheap *h, span *s)
{
	atomic_store_explicit(&s->state, SPAN_FREE, memory_order_release);
	span *l = s->base ? tc__arena_map_entry(h, s->base - TC_PAGE_SIZE) : NULL;
	if (l && atomic_load_explicit(&l->state, memory_order_relaxed) == SPAN_FREE &&
	    l->base + (l->npages << TC_PAGE_SHIFT) == s->base) {
		tc__pagealloc_remove(h, l);
		s->base = l->base;
		s->npages += l->npages;
		span_struct_free(h, l);
	}
	span *r = tc__arena_map_entry(h, s->base + (s->npages << TC_PAGE_SHIFT));
	if (r && r != s && atomic_load_explicit(&r->state, memory_order_relaxed) == SPAN_FREE &&
	    r->base == s->base + (s->npages << TC_PAGE_SHIFT)) {
		tc__pagealloc_remove(h, r);
		s->npages += r->npages;
		span_struct_free(h, r);
	}
	tc__arena_set_spans(h, s->base, 1, s);
	tc__arena_set_spans(h, s->base + ((s->npages - 1) << TC_PAGE_SHIFT), 1, s);
	tc__pagealloc_insert(h, s);
}

span *tc__mheap_alloc_span(mheap *h, size_t npages, spanclass spc)
{
	if (npages == 0 || npages > (TC_MAX_OBJECT_SIZE >> TC_PAGE_SHIFT)) {
		tc__seterr("cannot allocate %zu pages: beyond the address space", npages);
		return NULL;
	}
	lock(&h->lock);
	span *run = tc__pagealloc_best_fit(h, npages);
	if (run == NULL) {
		/* Sweep some unswept spans first: their free pages may fit. */
		unlock(&h->lock);
		tc__mheap_reclaim(h, npages, RECLAIM_MAX_SPANS);
		lock(&h->lock);
		run = tc__pagealloc_best_fit(h, npages);
	}
	if (run == NULL) {
		if (tc__arena_grow(h, npages) != 0) {
			unlock(&h->lock);
			return NULL;
		}
		run = tc__pagealloc_best_fit(h, npages);
	}
	tc__pagealloc_remove(h, run);
	/* Not FREE any more, so the split below cannot merge the tail back. */
	atomic_store_explicit(&run->state, SPAN_DEAD, memory_order_relaxed);
	span *s = run;
	if (run->npages > npages) {
		/* Split: the tail stays free. */
		span *rest = tc__span_struct_alloc(h);
		if (rest == NULL) {
			tc__mheap_free_run(h, run);
			unlock(&h->lock);
			return NULL;
		}
		rest->base = run->base + (npages << TC_PAGE_SHIFT);
		rest->npages = run->npages - npages;
		run->npages = npages;
		tc__mheap_free_run(h, rest);
	}
	size_t rel = tc__arena_take_released(h, s->base, npages);
	bool dirty = tc__arena_needs_zero(h, s->base, npages);
	tc__arena_set_spans(h, s->base, npages, s);
	unlock(&h->lock);

	if (rel) {
		atomic_fetch_sub(&h->released, (uint64_t)rel << TC_PAGE_SHIFT);
		tc__arena_note_ready(h);
	}
	uint64_t inuse = atomic_fetch_add(&h->inuse, (uint64_t)npages << TC_PAGE_SHIFT) + ((uint64_t)npages << TC_PAGE_SHIFT);
	for (uint64_t pk = atomic_load_explicit(&h->inuse_peak, memory_order_relaxed);
	     inuse > pk && !atomic_compare_exchange_weak(&h->inuse_peak, &pk, inuse);)
		;
	/* Pages released to the OS (MADV_DONTNEED) read as zero: a span made of
	 * them alone needs no zeroing, and its pages stay unfaulted until the
	 * program touches them. Zeroed anyway, largemix's 1 MiB objects took
	 * their page faults inside tc_alloc, 0.5-1.3 ms with no safepoint. */
	s->needzero = dirty && rel < npages;
	s->next = s->prev = NULL;
	s->list = LIST_NONE;
	heaparena *ha = mheap_arena_of(h, s->base);
	s->ptrbits = &ha->ptrbits[(s->base - ha->base) / TC_WORD / 64];
	if (spc_sizeclass(spc) != 0) {
		tc__span_init_small(s, spc);
	} else {
		s->spc = spc;
		s->elemsize = npages << TC_PAGE_SHIFT;
		s->nelems = 1;
		s->limit = s->base + s->elemsize;
		s->divmagic = 0;
		s->allocbits = s->bits[0];
		s->gcmarkbits = s->bits[1];
		s->bits[0][0] = ~(uint64_t)0;
		s->bits[1][0] = 0;
		span_set_freeindex(s, 1);
		__atomic_store_n(&s->pubfree, 0, __ATOMIC_RELAXED); /* published by the allocation */
		s->allocCount = 1;
		s->allocCache = 0;
	}
	atomic_store_explicit(&s->sweepgen, atomic_load(&h->sweepgen), memory_order_relaxed);
	atomic_store_explicit(&s->state, SPAN_INUSE, memory_order_release);
	/* Against gc/dirty.c's protect pass, which sets dirty_new and then
	 * reads every span's state: one of the two sees the other, so a span
	 * made meanwhile is either write-protected or dirty whole. */
	atomic_thread_fence(memory_order_seq_cst);
	if (__builtin_expect(atomic_load_explicit(&h->dirty_new, memory_order_relaxed), 0))
		mheap_set_dirty(h, s->base, s->npages << TC_PAGE_SHIFT);
	/* Pages a sweep freed after the hold may still be write-protected: a
	 * pointer-free object must never fault (the kernel's writes into it,
	 * read(2), would fail instead), so its span lifts them itself. */
	if (__builtin_expect(atomic_load_explicit(&h->lift_new, memory_order_acquire), 0) && spc_kind(spc) == SK_NOSCAN &&
	    tc__os_writable((void *)s->base, s->npages << TC_PAGE_SHIFT) != 0)
		tc__fatal("cannot lift the write protection of a new span at %#lx", (unsigned long)s->base);
	return s;
}

void tc__mheap_free_span(mheap *h, span *s)
{
	atomic_fetch_sub(&h->inuse, (uint64_t)s->npages << TC_PAGE_SHIFT);
	lock(&h->lock);
	s->largetype = NULL;
	tc__mheap_free_run(h, s);
	unlock(&h->lock);
}

/* The object holding p, from any thread, beside a sweep. A sweep swaps a
 * span's allocation bits and clears the old ones (sweep.c), so a plain read
 * could take a live object for free. The read is a seqlock on the span's
 * sweepgen: a sweep moves it twice (to sg-1, then to sg), a read that began
 * with one value and ends with it saw no sweep, and a read that finds the
 * span being swept (sg-1) waits for the sweeper, which holds no lock this
 * thread could hold. The sweeper's writes of what is read here are atomic
 * (sweep.c, span.c), so the retried reads are not data races either. A
 * pointer into a span freed meanwhile was dangling: it may read either way. */
uintptr_t tc__mheap_find_object(const mheap *h, uintptr_t p, span **sp)
{
	span *s = mheap_span_of(h, p);
	if (s == NULL)
		return 0;
	uint32_t idx = span_obj_index(s, p);
	for (unsigned spins = 0;; spins++) {
		uint32_t ssg = atomic_load_explicit(&s->sweepgen, memory_order_acquire);
		if (ssg == atomic_load_explicit(&h->sweepgen, memory_order_acquire) - 1) {
			if (spins > 64)
				sched_yield();
			continue; /* being swept */
		}
		const uint64_t *bits = __atomic_load_n(&s->allocbits, __ATOMIC_RELAXED);
		uint64_t word = __atomic_load_n(&bits[idx / 64], __ATOMIC_RELAXED);
		uint32_t pub = __atomic_load_n(&s->pubfree, __ATOMIC_ACQUIRE); /* a cached span's freeindex is its owner's */
		atomic_thread_fence(memory_order_acquire);
		if (atomic_load_explicit(&s->sweepgen, memory_order_relaxed) != ssg)
			continue; /* swept meanwhile: read again */
		if (idx >= pub && !((word >> (idx % 64)) & 1))
			return 0;
		if (sp)
			*sp = s;
		return span_obj_base(s, idx);
	}
}
