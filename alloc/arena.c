/*
 * arena.c — the heap's address space (Go's mheap.grow and heapArena):
 * regions reserved from the OS, each a whole number of 64 MiB arenas aligned
 * to the arena size; mapping them 4 MiB at a time as the heap grows; and each
 * arena's side metadata (heaparena): the page→span map, the pointer bitmap,
 * the released-page bitmap and the never-used watermark (zeroedBase). The
 * arena index is one flat table, mapped MAP_NORESERVE, so "which span holds
 * p" is two loads: O(1) for any pointer, interior or not, in or out of the
 * heap. heap.sys counts mapped bytes, including the ones the scavenger has
 * returned (heap.released).
 *
 * Growth under a memory limit (mheap.limit, set by the collector): the heap
 * keeps sys - released, the memory the OS backs, under the limit where it
 * can, returning free pages to the OS before it maps more and mapping only
 * what fits. The limit is soft: a grow that cannot fit still happens, and is
 * counted (over_limit, over_limit_bytes); what to tell the program is the
 * collector's business (gc/malloc.c).
 *
 * Invariants: everything here runs with the mheap lock held, except the
 * lock-free lookups of the page map (mheap_span_of), which check a span's
 * state and range because entries inside free runs may be stale.
 */
#include "alloc.h"

void tc__arena_set_spans(mheap *h, uintptr_t base, size_t npages, span *s)
{
	for (size_t i = 0; i < npages; i++) {
		uintptr_t p = base + (i << TC_PAGE_SHIFT);
		heaparena *ha = mheap_arena_of(h, p);
		__atomic_store_n(&ha->spans[(p - ha->base) >> TC_PAGE_SHIFT], s, __ATOMIC_RELAXED);
	}
}

span *tc__arena_map_entry(const mheap *h, uintptr_t p)
{
	heaparena *ha = mheap_arena_of(h, p);
	return ha ? __atomic_load_n(&ha->spans[(p - ha->base) >> TC_PAGE_SHIFT], __ATOMIC_RELAXED) : NULL;
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
	r->mapped = b;
	r->next = h->regions;
	h->regions = r;
	h->curbase = h->curend = b;
	h->curlimit = b + size;
	return 0;
}

void tc__mheap_each_region(mheap *h, void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg)
{
	lock(&h->lock);
	region *first = h->regions;
	uintptr_t mapped = first != NULL ? first->mapped : 0;
	unlock(&h->lock);
	for (region *r = first; r != NULL; r = r->next) /* older regions are not written again */
		fn(r->base, r == first ? mapped : r->mapped, arg);
}

void tc__arena_note_ready(mheap *h)
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
		tc__scavenge_locked(h, ready + want - h->limit);
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
int tc__arena_grow(mheap *h, size_t npages)
{
	size_t need = grow_size(h, npages);
	if (h->curend + need > h->curlimit || h->curlimit == 0) {
		if (new_region(h, need) != 0)
			return -1;
	}
	if (tc__os_map((void *)h->curend, need) != 0)
		return -1;
	span *s = tc__span_struct_alloc(h);
	if (s == NULL)
		return -1;
	s->base = h->curend;
	s->npages = need >> TC_PAGE_SHIFT;
	h->curend += need;
	h->regions->mapped = h->curend; /* the current region is the newest */
	atomic_fetch_add(&h->sys, need);
	tc__arena_note_ready(h);
	tc__mheap_free_run(h, s);
	return 0;
}

/* Clear the released bits of [base, base+npages) and return how many were set. */
size_t tc__arena_take_released(mheap *h, uintptr_t base, size_t npages)
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
bool tc__arena_needs_zero(mheap *h, uintptr_t base, size_t npages)
{
	bool dirty = false;
	uintptr_t end = base + (npages << TC_PAGE_SHIFT);
	for (uintptr_t a = base; a < end;) {
		heaparena *ha = mheap_arena_of(h, a);
		uintptr_t aend = ha->base + TC_ARENA_SIZE < end ? ha->base + TC_ARENA_SIZE : end;
		if (a < ha->zeroedBase)
			dirty = true;
		if (aend > ha->zeroedBase) /* atomic: read by a write fault's handler (gc/dirty.c) */
			__atomic_store_n(&ha->zeroedBase, aend, __ATOMIC_RELAXED);
		a = aend;
	}
	return dirty;
}
