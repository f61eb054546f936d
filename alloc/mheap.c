/*
 * mheap.c — the page heap (Go's mheap.go).
 *
 * Address space comes in regions reserved from the OS, each a whole number of
 * 64 MiB arenas aligned to the arena size. The heap maps a region 4 MiB at a
 * time, as it grows, and every mapped page is either in an in-use span or in a
 * free run held by pagealloc.c. heap.sys counts mapped bytes, including the
 * ones the scavenger has returned (heap.released).
 *
 * Under a memory limit (mheap.limit, set by the collector from
 * TRICOLOR_MEMLIMIT) the heap keeps sys - released, the memory the OS backs,
 * under the limit where it can: before growing it sweeps some unswept spans
 * (Go's reclaim) and returns free pages to the OS, and it maps only what
 * fits. The limit is soft: an allocation that cannot fit still succeeds, and
 * the grow is counted (over_limit).
 *
 * Each arena has side metadata (heaparena): the page→span map, the pointer
 * bitmap and the released-page bitmap. The arena index is one flat table,
 * mapped MAP_NORESERVE, so "which span holds p" is two loads: O(1) for any
 * pointer, interior or not, in or out of the heap.
 *
 * Invariants: the mheap lock guards the free runs, growth, the span-struct
 * free list and the map entries of free runs. The map entries of an in-use
 * span are written before the span is published and not changed until it is
 * freed. A lookup (mheap_span_of) takes no lock: it checks the span's state
 * and range, because entries inside free runs may be stale.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct fixchunk {
	fixchunk *next;
	size_t size;
};

#define FIXCHUNK_SIZE ((size_t)256 << 10)
#define RECLAIM_MAX_SPANS 256 /* spans one allocation sweeps before growing */

static span *span_struct_alloc(mheap *h)
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
		/* Carve the chunk; keep all but the first on the free list. */
		size_t n = (FIXCHUNK_SIZE - sizeof(fixchunk)) / sizeof(span);
		span *arr = (span *)(c + 1);
		for (size_t i = n - 1; i >= 1; i--) {
			arr[i].next = h->spanfree;
			h->spanfree = &arr[i];
		}
		s = &arr[0];
	}
	memset(&s->base, 0, offsetof(span, bits) - offsetof(span, base));
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
			/* Side tables of spans still in use (each seen at its first page). */
			for (size_t pg = 0; pg < TC_PAGES_PER_ARENA; pg++) {
				span *s = ha->spans[pg];
				if (s && s->base == a + (pg << TC_PAGE_SHIFT) && s->state == SPAN_INUSE) {
					free(s->vtypes);
					s->vtypes = NULL;
				}
			}
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

static void set_spans(mheap *h, uintptr_t base, size_t npages, span *s)
{
	for (size_t i = 0; i < npages; i++) {
		uintptr_t p = base + (i << TC_PAGE_SHIFT);
		heaparena *ha = mheap_arena_of(h, p);
		__atomic_store_n(&ha->spans[(p - ha->base) >> TC_PAGE_SHIFT], s, __ATOMIC_RELAXED);
	}
}

static span *map_entry(const mheap *h, uintptr_t p)
{
	heaparena *ha = mheap_arena_of(h, p);
	return ha ? __atomic_load_n(&ha->spans[(p - ha->base) >> TC_PAGE_SHIFT], __ATOMIC_RELAXED) : NULL;
}

/* Insert a free run, merging it with free neighbours (lock held). */
static void free_run(mheap *h, span *s)
{
	atomic_store_explicit(&s->state, SPAN_FREE, memory_order_release);
	span *l = s->base ? map_entry(h, s->base - TC_PAGE_SIZE) : NULL;
	if (l && atomic_load_explicit(&l->state, memory_order_relaxed) == SPAN_FREE &&
	    l->base + (l->npages << TC_PAGE_SHIFT) == s->base) {
		tc__pagealloc_remove(h, l);
		s->base = l->base;
		s->npages += l->npages;
		span_struct_free(h, l);
	}
	span *r = map_entry(h, s->base + (s->npages << TC_PAGE_SHIFT));
	if (r && r != s && atomic_load_explicit(&r->state, memory_order_relaxed) == SPAN_FREE &&
	    r->base == s->base + (s->npages << TC_PAGE_SHIFT)) {
		tc__pagealloc_remove(h, r);
		s->npages += r->npages;
		span_struct_free(h, r);
	}
	set_spans(h, s->base, 1, s);
	set_spans(h, s->base + ((s->npages - 1) << TC_PAGE_SHIFT), 1, s);
	tc__pagealloc_insert(h, s);
}

static int new_region(mheap *h, size_t need)
{
	size_t size = (need + TC_ARENA_SIZE - 1) & ~(TC_ARENA_SIZE - 1);
	void *base = tc__os_reserve(size, TC_ARENA_SIZE);
	if (base == NULL)
		return -1;
	uintptr_t b = (uintptr_t)base;
	if (((b + size - 1) >> TC_ARENA_SHIFT) >= ((uintptr_t)1 << TC_ARENA_L2_BITS)) {
		tc__os_unmap(base, size);
		tc__seterr("the OS gave heap address space above 2^47");
		return -1;
	}
	region *r = tc__os_alloc_meta(TC_PAGE_SIZE);
	if (r == NULL) {
		tc__os_unmap(base, size);
		return -1;
	}
	for (uintptr_t a = b; a < b + size; a += TC_ARENA_SIZE) {
		heaparena *ha = tc__os_alloc_meta(sizeof *ha);
		if (ha == NULL) {
			for (uintptr_t u = b; u < a; u += TC_ARENA_SIZE) {
				tc__os_unmap(h->arenas[u >> TC_ARENA_SHIFT], sizeof *ha);
				h->arenas[u >> TC_ARENA_SHIFT] = NULL;
			}
			tc__os_unmap(r, TC_PAGE_SIZE);
			tc__os_unmap(base, size);
			return -1;
		}
		ha->base = a;
		ha->zeroedBase = a;
		h->arenas[a >> TC_ARENA_SHIFT] = ha;
		atomic_fetch_add(&h->meta, sizeof *ha);
	}
	r->base = b;
	r->size = size;
	r->next = h->regions;
	h->regions = r;
	h->curbase = h->curend = b;
	h->curlimit = b + size;
	return 0;
}

static size_t scavenge_locked(mheap *h, size_t nbytes);

static void note_ready(mheap *h)
{
	atomic_max_u64(&h->ready_peak, mheap_ready(h));
}

/* How much to map for npages more pages: a 4 MiB chunk, or under a memory
 * limit only what fits below it, after returning free pages to the OS to make
 * room (Go scavenges on growth when over the limit, too). At least npages:
 * the limit is soft, and a grow past it is counted in over_limit. */
static size_t grow_size(mheap *h, size_t npages)
{
	const size_t gran = (size_t)64 << 10;
	size_t want = ((npages << TC_PAGE_SHIFT) + gran - 1) & ~(gran - 1);
	size_t need = (want + TC_HEAP_GROW_CHUNK - 1) & ~(TC_HEAP_GROW_CHUNK - 1);
	if (h->limit == 0 || mheap_ready(h) + need <= h->limit)
		return need;
	uint64_t ready = mheap_ready(h);
	if (ready + want > h->limit)
		scavenge_locked(h, ready + want - h->limit);
	ready = mheap_ready(h);
	size_t room = ready < h->limit ? (h->limit - ready) & ~(gran - 1) : 0;
	if (room < want) {
		/* Soft: the allocation goes on. The collector tells the
		 * allocating thread (malloc.c), from these two fields. */
		atomic_store_explicit(&h->over_limit_bytes, ready + want, memory_order_relaxed);
		atomic_fetch_add_explicit(&h->over_limit, 1, memory_order_release);
		return want;
	}
	return room < need ? room : need;
}

/* Map at least npages more pages and add them as a free run (lock held). */
static int grow(mheap *h, size_t npages)
{
	size_t need = grow_size(h, npages);
	if (h->curend + need > h->curlimit || h->curlimit == 0) {
		if (new_region(h, need) != 0)
			return -1;
	}
	if (tc__os_map((void *)h->curend, need) != 0)
		return -1;
	span *s = span_struct_alloc(h);
	if (s == NULL)
		return -1;
	s->base = h->curend;
	s->npages = need >> TC_PAGE_SHIFT;
	h->curend += need;
	atomic_fetch_add(&h->sys, need);
	note_ready(h);
	free_run(h, s);
	return 0;
}

/* Clear the released bits of [base, base+npages) and return how many were set. */
static size_t take_released(mheap *h, uintptr_t base, size_t npages)
{
	size_t n = 0;
	for (size_t i = 0; i < npages; i++) {
		uintptr_t p = base + (i << TC_PAGE_SHIFT);
		heaparena *ha = mheap_arena_of(h, p);
		size_t pg = (p - ha->base) >> TC_PAGE_SHIFT;
		uint64_t bit = (uint64_t)1 << (pg % 64);
		if (ha->released[pg / 64] & bit) {
			ha->released[pg / 64] &= ~bit;
			n++;
		}
	}
	return n;
}

/* Does [base, base+npages) hold memory that was handed out before? */
static bool needs_zero(mheap *h, uintptr_t base, size_t npages)
{
	bool dirty = false;
	uintptr_t end = base + (npages << TC_PAGE_SHIFT);
	for (uintptr_t a = base; a < end;) {
		heaparena *ha = mheap_arena_of(h, a);
		uintptr_t aend = ha->base + TC_ARENA_SIZE < end ? ha->base + TC_ARENA_SIZE : end;
		if (a < ha->zeroedBase)
			dirty = true;
		if (aend > ha->zeroedBase)
			ha->zeroedBase = aend;
		a = aend;
	}
	return dirty;
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
		if (grow(h, npages) != 0) {
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
		span *rest = span_struct_alloc(h);
		if (rest == NULL) {
			free_run(h, run);
			unlock(&h->lock);
			return NULL;
		}
		rest->base = run->base + (npages << TC_PAGE_SHIFT);
		rest->npages = run->npages - npages;
		run->npages = npages;
		free_run(h, rest);
	}
	size_t rel = take_released(h, s->base, npages);
	bool dirty = needs_zero(h, s->base, npages);
	set_spans(h, s->base, npages, s);
	unlock(&h->lock);

	if (rel) {
		atomic_fetch_sub(&h->released, (uint64_t)rel << TC_PAGE_SHIFT);
		note_ready(h);
	}
	atomic_fetch_add(&h->inuse, (uint64_t)npages << TC_PAGE_SHIFT);
	s->needzero = dirty;
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
		s->allocCount = 1;
		s->allocCache = 0;
	}
	atomic_store_explicit(&s->sweepgen, atomic_load(&h->sweepgen), memory_order_relaxed);
	atomic_store_explicit(&s->state, SPAN_INUSE, memory_order_release);
	return s;
}

void tc__mheap_free_span(mheap *h, span *s)
{
	atomic_fetch_sub(&h->inuse, (uint64_t)s->npages << TC_PAGE_SHIFT);
	free(s->vtypes);
	s->vtypes = NULL;
	lock(&h->lock);
	s->largetype = NULL;
	free_run(h, s);
	unlock(&h->lock);
}

uintptr_t tc__mheap_find_object(const mheap *h, uintptr_t p, span **sp)
{
	span *s = mheap_span_of(h, p);
	if (s == NULL)
		return 0;
	uint32_t idx = span_obj_index(s, p);
	if (span_is_free(s, idx))
		return 0;
	if (sp)
		*sp = s;
	return span_obj_base(s, idx);
}

/* ---- scavenger (Go's mgcscavenge.go, without the pacing) ---- */

struct scav {
	size_t want, got;
	int err;
};

static void scav_run(mheap *h, span *run, void *arg)
{
	struct scav *sc = arg;
	for (size_t i = 0; i < run->npages && sc->got < sc->want && !sc->err;) {
		/* Find a maximal stretch of unreleased pages within one arena. */
		uintptr_t p = run->base + (i << TC_PAGE_SHIFT);
		heaparena *ha = mheap_arena_of(h, p);
		size_t pg = (p - ha->base) >> TC_PAGE_SHIFT, n = 0;
		while (i + n < run->npages && pg + n < TC_PAGES_PER_ARENA &&
		       !(ha->released[(pg + n) / 64] & ((uint64_t)1 << ((pg + n) % 64))) &&
		       sc->got + (n << TC_PAGE_SHIFT) < sc->want)
			n++;
		if (n == 0) {
			i++;
			continue;
		}
		if (tc__os_release((void *)p, n << TC_PAGE_SHIFT) != 0) {
			atomic_fetch_add(&h->scav_errors, 1); /* the pages stay mapped and free: nothing lost */
			sc->err = 1;
			return;
		}
		for (size_t k = pg; k < pg + n; k++)
			ha->released[k / 64] |= (uint64_t)1 << (k % 64);
		sc->got += n << TC_PAGE_SHIFT;
		i += n;
	}
}

static size_t scavenge_locked(mheap *h, size_t nbytes)
{
	struct scav sc = {nbytes, 0, 0};
	tc__pagealloc_each(h, scav_run, &sc);
	atomic_fetch_add(&h->released, sc.got);
	return sc.got;
}

size_t tc__mheap_scavenge(mheap *h, size_t nbytes)
{
	lock(&h->lock);
	size_t got = scavenge_locked(h, nbytes);
	unlock(&h->lock);
	return got;
}
