/*
 * alloc.h — the allocator tier's internal interface (not installed).
 *
 * Three tiers, as in Go's runtime (malloc.go):
 *
 *   mcache   one per mutator. Holds one span per span class and hands out
 *            objects from it without locks: the fast path is a count of
 *            trailing zeros on the span's allocCache.
 *   mcentral one per span class. Lists of spans with free objects (partial)
 *            and without (full), each split into swept and unswept by the
 *            sweepgen protocol. Guarded by its own lock.
 *   mheap    the page heap: arenas reserved from the OS, a page allocator
 *            over free page runs, the page→span map, large objects and the
 *            scavenger. Guarded by one lock.
 *
 * Invariants every file of this tier keeps:
 *
 *  - A span is a run of whole pages. An in-use span's pages all map to it in
 *    the page→span map; a free run's first and last pages map to it. Every
 *    other map entry may be stale, so a lookup always checks state and range.
 *  - allocbits and freeindex together say which objects are allocated: index
 *    i is allocated iff i < freeindex or allocbits[i] is set. allocCache holds
 *    the complement of allocbits from freeindex to the next multiple of 64.
 *    While a span is cached, its mcache's run (below) holds the allocations
 *    of the current stretch: freeindex, allocCache and allocCount are the
 *    owner's and are true again once the run is folded. For everyone else,
 *    i is allocated and initialised iff i < pubfree or allocbits[i] is set:
 *    pubfree is advanced (release) by each allocation once its object is
 *    initialised, so markers resolving a conservative pointer read that.
 *  - gcmarkbits are set by the collector (atomically, several markers may race)
 *    and become the next allocbits when the span is swept.
 *  - sweepgen (h->sweepgen is bumped by 2 per cycle; sg below is h->sweepgen):
 *      s->sweepgen == sg - 2   the span needs sweeping
 *      s->sweepgen == sg - 1   the span is being swept now
 *      s->sweepgen == sg       the span is swept and ready to use
 *      s->sweepgen == sg + 1   the span was cached before sweep began, is still
 *                              cached, and needs sweeping
 *      s->sweepgen == sg + 3   the span was swept, then cached, and still is
 *    A span is swept by whoever moves it from sg-2 to sg-1 with a CAS.
 *  - Small scan objects carry no header. While every object of a span is
 *    one element of one type of at most 64 words, the span records that
 *    type's pointer mask (layout UNIFORM) and nothing is written per
 *    object; otherwise (MIXED) the arena's pointer bitmap (one bit per heap
 *    word, reached through span->ptrbits) is written when each object is
 *    allocated. A span turns MIXED at its first object of another type,
 *    after writing the bitmap of every allocated object from the mask, and
 *    goes back to NONE only when it is empty. Large objects record their type in the span.
 */
#ifndef TC_ALLOC_H
#define TC_ALLOC_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "atomics.h"
#include "chaos.h"
#include "check.h"
#include "error.h"
#include "lock.h"
#include "platform.h"
#include "sizeclasses.h"
#include "tricolor.h" /* tc_alloc_run: the mcache's runs are what the inlined tc_alloc reads */

#define TC_ARENA_SHIFT 26 /* 64 MiB heap arenas */
#define TC_ARENA_SIZE ((uintptr_t)1 << TC_ARENA_SHIFT)
#define TC_PAGES_PER_ARENA (TC_ARENA_SIZE >> TC_PAGE_SHIFT)
#define TC_ARENA_L2_BITS (47 - TC_ARENA_SHIFT) /* user address space: 47 bits */
#define TC_HEAP_GROW_CHUNK ((uintptr_t)4 << 20) /* map the heap 4 MiB at a time */
#define TC_WORD 8
#define TC_MAX_OBJECT_SIZE ((size_t)1 << 46)

/* Span classes: size class × kind. Kind SCAN objects are described by the
 * pointer bitmap, NOSCAN objects are never scanned, HDR objects (types with
 * a trace callback) carry one header word naming their type, and CONS
 * objects (libgc's GC_malloc, compat/) have no layout: every word is a
 * possible pointer, resolved as a stack word is. */
enum { SK_SCAN = 0, SK_NOSCAN = 1, SK_HDR = 2, SK_CONS = 3, SK_COUNT = 4 };
typedef uint16_t spanclass;
#define NUM_SPAN_CLASSES (TC_NUM_SIZE_CLASSES * SK_COUNT)
static inline spanclass spc_make(unsigned sizeclass, unsigned kind) { return (spanclass)(sizeclass * SK_COUNT + kind); }
static inline unsigned spc_sizeclass(spanclass c) { return c / SK_COUNT; }
static inline unsigned spc_kind(spanclass c) { return c % SK_COUNT; }

/* An mcache's slots (mcache.c): one per span class, then SCAN_TYPE_SLOTS - 1
 * more for each small scan size class, each caching a span for another type
 * of that size (cslot_alt). A slot index that is below NUM_SPAN_CLASSES is
 * its span class. */
typedef uint16_t cslot;
#define SCAN_TYPE_SLOTS 4 /* types of one scan size class a mutator keeps apart */
#define NUM_CACHE_SLOTS (NUM_SPAN_CLASSES + (SCAN_TYPE_SLOTS - 1) * TC_NUM_SIZE_CLASSES)
/* The j-th slot (0 < j < SCAN_TYPE_SLOTS) of span class spc (kind SCAN). */
static inline cslot cslot_alt(spanclass spc, unsigned j)
{
	return (cslot)(NUM_SPAN_CLASSES + (j - 1) * TC_NUM_SIZE_CLASSES + spc_sizeclass(spc));
}
static inline spanclass cslot_spc(cslot cs)
{
	return cs < NUM_SPAN_CLASSES ? (spanclass)cs : spc_make((cs - NUM_SPAN_CLASSES) % TC_NUM_SIZE_CLASSES, SK_SCAN);
}

/* Size-class lookup (Go's size_to_class8 / size_to_class128). size <= 32 KiB. */
static inline unsigned sizeclass_of(size_t size)
{
	if (size <= TC_SMALL_SIZE_MAX - 8)
		return tc_size_to_class8[(size + TC_SMALL_SIZE_DIV - 1) / TC_SMALL_SIZE_DIV];
	return tc_size_to_class128[(size - TC_SMALL_SIZE_MAX + TC_LARGE_SIZE_DIV - 1) / TC_LARGE_SIZE_DIV];
}

enum { SPAN_DEAD = 0, SPAN_INUSE = 1, SPAN_FREE = 2 };

#define SPAN_MAX_OBJS 1024 /* 8-byte class: 8192 / 8 */
#define SPAN_BITWORDS (SPAN_MAX_OBJS / 64)

typedef struct span span;
/* The fields a marker reads to grey an object (state, owned, spc, divmagic,
 * base, limit, elemsize, gcmarkbits; and sweepgen, which the barrier's
 * shade checks first) and to scan one (layout, umask) share the first
 * cache line: a grey of an object in a span not in cache costs that line
 * and the mark-bit word's (span structs are 64-byte aligned, mheap.c). */
struct span {
	_Atomic uint8_t state; /* first: span_struct_alloc clears from spc on, never this or owned */
	/* Span-local marking (gc/mark.c): whether the span is queued for a
	 * scan (SPANQ_*). Atomic; reset by the sweep, like scans below. */
	_Atomic uint8_t owned;
	spanclass spc;
	uint32_t divmagic;
	uintptr_t base;
	uintptr_t limit; /* base + nelems * elemsize (small); base + npages pages (large) */
	size_t elemsize;
	uint64_t *gcmarkbits;
	uint32_t nelems;
	/* Small scan spans: how their objects' pointers are described
	 * (heapbits.c). LAYOUT_UNIFORM: every allocated object is one element
	 * of utype, whose pointer words are umask (bit i: word i), and the
	 * bitmap is not written; LAYOUT_MIXED: the bitmap describes each
	 * object; LAYOUT_NONE: no object is allocated yet. Written by the
	 * owning mcache, read by markers (layout with acquire). */
	_Atomic uint8_t layout;
	uint8_t needzero; /* memory may hold old data: zero objects on allocation */
	uint8_t list;     /* which mcentral list holds the span (LIST_*) */
	uint64_t umask;
	_Atomic uint32_t sweepgen;
	/* Second line: the allocator's and the sweeper's. */
	const void *utype; /* non-NULL iff layout == LAYOUT_UNIFORM */
	size_t npages;
	span *next, *prev; /* mcentral list membership */
	uint32_t freeindex;
	uint32_t pubfree;  /* slots below it that are free in allocbits are allocated and initialised (markers, acquire) */
	uint32_t allocCount;
	uint64_t allocCache;
	uint64_t *allocbits;
	uint64_t *ptrbits; /* scan spans: the arena bitmap word covering base */
	/* Large objects: the type (opaque to this tier) and element count. */
	const void *largetype;
	size_t largecount;
	/* Free runs: treap links and priority (pagealloc.c). */
	span *tl, *tr;
	uint32_t prio;
	uint64_t bits[2][SPAN_BITWORDS];
	/* Which marked objects were scanned this cycle (gc/mark.c). */
	uint64_t scans[SPAN_BITWORDS];
} __attribute__((aligned(64)));
_Static_assert(offsetof(span, sweepgen) + sizeof(uint32_t) <= 64, "a marker's span fields fit one cache line");

enum { LAYOUT_NONE = 0, LAYOUT_UNIFORM = 1, LAYOUT_MIXED = 2 };

enum { LIST_NONE = 0, LIST_PARTIAL0, LIST_PARTIAL1, LIST_FULL0, LIST_FULL1 };

/* One heap arena's side metadata (Go's heapArena). */
typedef struct heaparena {
	span *spans[TC_PAGES_PER_ARENA];
	uint64_t ptrbits[TC_ARENA_SIZE / TC_WORD / 64]; /* one bit per heap word */
	uint64_t released[TC_PAGES_PER_ARENA / 64];    /* page returned to the OS */
	/* Mostly-concurrent marking (gc/dirty.c): page written since the mark
	 * began. Set (atomic or) by the write-fault handler and by span
	 * allocation while mheap.dirty_new; cleared by the controller at a
	 * cycle's start, read with every mutator held at its end. */
	uint64_t dirty[TC_PAGES_PER_ARENA / 64];
	uintptr_t base;
	uintptr_t zeroedBase; /* pages at or above this were never handed out (mheap lock; stored atomically) */
} heaparena;

typedef struct spanlist {
	span *first;
} spanlist;

typedef struct mcentral {
	mutex lock;
	spanclass spc;
	spanlist partial[2]; /* [sweepgen/2 % 2] swept, the other unswept */
	spanlist full[2];
	char pad[64];
} mcentral;

typedef struct region {
	struct region *next;
	uintptr_t base, size;
	uintptr_t mapped; /* [base, mapped) is mapped (mheap lock) */
} region;

typedef struct fixchunk fixchunk;

typedef struct mheap {
	mutex lock;
	_Atomic uint32_t sweepgen;
	heaparena **arenas; /* indexed by addr >> TC_ARENA_SHIFT */
	span *freetree;     /* treap of free page runs keyed by (npages, base) */
	uint32_t treeseed;
	uintptr_t curbase, curend, curlimit; /* mapped [curbase,curend) of reserved [.., curlimit) */
	region *regions;
	span *spanfree; /* recycled span structs */
	fixchunk *chunks;
	/* Statistics, in bytes. live is Go's heapLive: bytes of the spans handed
	 * to mcaches (as if full) and of large objects, since the last mark. */
	_Atomic uint64_t live;
	_Atomic uint64_t sys;      /* mapped for the heap (includes released) */
	_Atomic uint64_t inuse;    /* pages in in-use spans */
	_Atomic uint64_t inuse_peak; /* the highest inuse since the collector last took it (tc__mheap_take_inuse_peak) */
	_Atomic uint64_t released; /* free pages returned to the OS */
	_Atomic uint64_t meta;     /* side metadata mapped */
	_Atomic uint64_t ready_peak; /* highest sys - released seen (grows only) */
	uint64_t limit;            /* soft limit on sys - released, bytes; 0 = none (set once at init) */
	_Atomic uint64_t over_limit; /* grows that had to go past the limit */
	_Atomic uint64_t over_limit_bytes; /* sys - released after the last such grow */
	_Atomic uint64_t scav_errors; /* madvise failures while scavenging */
	_Atomic unsigned reclaim_next;
	size_t nfree_pages;        /* pages in free runs (lock) */
	bool junk_free;            /* debug (jemalloc's opt.junk): sweep fills freed objects with 0xdb (set once at init) */
	_Atomic int dirty_new;     /* a mostly-concurrent mark is on: new spans are dirty whole (gc/dirty.c; controller) */
	_Atomic int lift_new;      /* from a mostly-concurrent mark's hold until its protection is lifted: a new
				    * pointer-free span lifts its own pages' (gc/dirty.c; controller) */
	mcentral central[NUM_SPAN_CLASSES];
} mheap;

/* While alloc[cs] is cached, run[cs] holds its free slots in one 64-slot
 * stretch [first, first + 64), taken from the span's allocbits when the run
 * was loaded (the span's freeindex then says where the stretch starts).
 * Allocation takes the run's lowest free bit; the span's freeindex,
 * allocCache and allocCount are brought up to date only when the run is
 * folded back (the next load, or uncache). Markers never read those: they
 * read pubfree, which every allocation advances. */
typedef struct mcache {
	span *alloc[NUM_CACHE_SLOTS];
	tc_alloc_run run[NUM_CACHE_SLOTS];
	uint64_t black[NUM_CACHE_SLOTS]; /* slots of run[cs] marked when it was loaded (allocating black) */
	bool zeroed[NUM_CACHE_SLOTS];    /* run[cs]'s free slots are all zero (else each is zeroed when taken) */
	const void *serves[NUM_CACHE_SLOTS]; /* scan slots: the type cs was bound to since the last release, or NULL */
	mheap *heap;
	/* Written only by the owning mutator, read by anyone (relaxed); counted
	 * when a run is folded, so they trail by the open runs' allocations. */
	_Atomic uint64_t alloc_bytes, alloc_objects;
	_Atomic uint64_t slow_allocs; /* allocations made by the library's path (gc/malloc.c) */
	uint32_t flushgen;
} mcache;

/* ---- span.c ---- */
void tc__span_init_small(span *s, spanclass spc);
void tc__span_fill_alloc_tail(uint64_t *w, uint32_t nelems);
void tc__span_refill_alloc_cache(span *s, uint32_t whichword);
uint32_t tc__span_next_free_index(span *s);
/* The index of the object holding p (base <= p < limit): (p - base) /
 * elemsize by Go's divMagic. A large span's divmagic is 0, so its one object
 * is index 0 with no special case. */
static inline uint32_t span_obj_index(const span *s, uintptr_t p)
{
	tc_assert(p >= s->base && p < s->limit);
	uint32_t idx = (uint32_t)(((uint64_t)(p - s->base) * s->divmagic) >> 32);
	tc_assert(idx < s->nelems);
	return idx;
}
static inline uintptr_t span_obj_base(const span *s, uint32_t idx) { return s->base + (uintptr_t)idx * s->elemsize; }
/* freeindex is written by the owning mcache and read by markers resolving
 * conservative pointers: relaxed atomics (plain moves on x86). A marker that
 * reads a stale freeindex may miss an object allocated just now, which is
 * harmless: objects allocated during marking are allocated black. */
static inline uint32_t span_freeindex(const span *s) { return __atomic_load_n(&s->freeindex, __ATOMIC_RELAXED); }
static inline void span_set_freeindex(span *s, uint32_t v) { __atomic_store_n(&s->freeindex, v, __ATOMIC_RELAXED); }
static inline bool span_is_free(const span *s, uint32_t idx)
{
	return idx >= span_freeindex(s) && !((s->allocbits[idx / 64] >> (idx % 64)) & 1);
}
/* As a marker must see it, resolving a conservative pointer: an object
 * still being initialised by its allocating mutator (zeroed, its pointer
 * bits written) reads as free until the allocation publishes it. Nothing but
 * a stale value can point at such an object, so skipping it is right. */
static inline bool span_is_free_published(const span *s, uint32_t idx)
{
	return idx >= __atomic_load_n(&s->pubfree, __ATOMIC_ACQUIRE) && !((s->allocbits[idx / 64] >> (idx % 64)) & 1);
}
/* The owner, after initialising object idx, which it allocated: publish it
 * (every free slot below idx was allocated before it). */
static inline void span_publish(span *s, uint32_t idx) { __atomic_store_n(&s->pubfree, idx + 1, __ATOMIC_RELEASE); }
static inline bool span_marked(const span *s, uint32_t idx)
{
	return (__atomic_load_n(&s->gcmarkbits[idx / 64], __ATOMIC_RELAXED) >> (idx % 64)) & 1;
}
/* Atomic: several markers race on one word. True if this call set the bit.
 * Sequentially consistent (on x86 the same locked instruction as relaxed):
 * the ephemeron table and the weak readers order their own accesses against
 * a mark (gc/weak.c). */
static inline bool span_set_mark(span *s, uint32_t idx)
{
	uint64_t bit = (uint64_t)1 << (idx % 64), *w = &s->gcmarkbits[idx / 64];
	if (__atomic_load_n(w, __ATOMIC_RELAXED) & bit)
		return false;
	return !(__atomic_fetch_or(w, bit, __ATOMIC_SEQ_CST) & bit);
}
/* Span-local marking, after Go's Green Tea (gc/mark.c argues the protocol).
 * owned: UNOWNED, or queued after ONE new mark, or after MANY. A marker
 * that sets a mark calls span_try_acquire: true means it must queue the
 * span. The scanner releases it first (span_release), then scans every
 * object marked and not yet scanned (scans), claiming them with one
 * fetch_or per word; after ONE it scans only the object that queued it. */
enum { SPANQ_UNOWNED = 0, SPANQ_ONE = 1, SPANQ_MANY = 2 };
static inline bool span_try_acquire(span *s)
{
	uint8_t o = atomic_load_explicit(&s->owned, memory_order_seq_cst);
	if (o == SPANQ_UNOWNED && atomic_fetch_or(&s->owned, SPANQ_ONE) == SPANQ_UNOWNED)
		return true;
	if (o >= SPANQ_MANY)
		return false;
	/* ONE (or lost the race above): say MANY; released meanwhile: ours. */
	return atomic_fetch_or(&s->owned, SPANQ_MANY) == SPANQ_UNOWNED;
}
static inline uint8_t span_release(span *s) { return atomic_exchange(&s->owned, SPANQ_UNOWNED); }
/* Claim object idx's scan: true if this call set its scans bit. */
static inline bool span_claim_scan(span *s, uint32_t idx)
{
	uint64_t bit = (uint64_t)1 << (idx % 64);
	return !(__atomic_fetch_or(&s->scans[idx / 64], bit, __ATOMIC_SEQ_CST) & bit);
}
/* Objects allocated black: scanned (first) and marked, so that no span scan
 * takes them; and undone in the other order. */
static inline void span_premark(span *s, uint32_t word, uint64_t mask)
{
	__atomic_fetch_or(&s->scans[word], mask, __ATOMIC_SEQ_CST);
	__atomic_fetch_or(&s->gcmarkbits[word], mask, __ATOMIC_SEQ_CST);
}
static inline void span_unpremark(span *s, uint32_t word, uint64_t mask)
{
	__atomic_fetch_and(&s->gcmarkbits[word], ~mask, __ATOMIC_SEQ_CST);
	__atomic_fetch_and(&s->scans[word], ~mask, __ATOMIC_SEQ_CST);
}
static inline void span_reset_scans(span *s)
{
	memset(s->scans, 0, sizeof s->scans);
	atomic_store_explicit(&s->owned, SPANQ_UNOWNED, memory_order_relaxed);
}
static inline bool span_marked_sc(const span *s, uint32_t idx)
{
	return (__atomic_load_n(&s->gcmarkbits[idx / 64], __ATOMIC_SEQ_CST) >> (idx % 64)) & 1;
}
uint32_t tc__span_count_marked(const span *s);
uint32_t tc__span_count_alloc(const span *s); /* debug checks: i < freeindex or allocbits[i] */

/* ---- mheap.c ---- */
int tc__mheap_init(mheap *h);
void tc__mheap_destroy(mheap *h);
span *tc__mheap_alloc_span(mheap *h, size_t npages, spanclass spc);
void tc__mheap_free_span(mheap *h, span *s);
uintptr_t tc__mheap_find_object(const mheap *h, uintptr_t p, span **sp);
static inline heaparena *mheap_arena_of(const mheap *h, uintptr_t p)
{
	uintptr_t i = p >> TC_ARENA_SHIFT;
	return i < ((uintptr_t)1 << TC_ARENA_L2_BITS) ? h->arenas[i] : NULL;
}
/* The page map's entry for p if it is an in-use span, else NULL; entries
 * inside free runs may be stale, so callers check p against the span. */
static inline span *mheap_inuse_entry(const mheap *h, uintptr_t p)
{
	heaparena *ha = mheap_arena_of(h, p);
	if (ha == NULL)
		return NULL;
	span *s = __atomic_load_n(&ha->spans[(p - ha->base) >> TC_PAGE_SHIFT], __ATOMIC_RELAXED);
	if (s == NULL || atomic_load_explicit(&s->state, memory_order_acquire) != SPAN_INUSE)
		return NULL;
	return s;
}
/* The in-use span holding p, or NULL: O(1) for any value, heap or not. */
static inline span *mheap_span_of(const mheap *h, uintptr_t p)
{
	span *s = mheap_inuse_entry(h, p);
	if (s == NULL || p < s->base || p >= s->limit)
		return NULL;
	return s;
}
/* The in-use span whose pages include p (mheap_span_of stops at a small
 * span's last object; this covers its tail too), or NULL. */
static inline span *mheap_page_span(const mheap *h, uintptr_t p)
{
	span *s = mheap_inuse_entry(h, p);
	if (s == NULL || p < s->base || p >= s->base + (s->npages << TC_PAGE_SHIFT))
		return NULL;
	return s;
}
size_t tc__mheap_scavenge(mheap *h, size_t nbytes); /* release up to nbytes of free pages, the lock held throughout */
uint64_t tc__mheap_take_inuse_peak(mheap *h);        /* inuse's peak since the last call; starts again from now */
/* fn(lo, hi, arg) for each region's mapped part, [lo, hi): a snapshot
 * (regions made later are not visited). */
void tc__mheap_each_region(mheap *h, void (*fn)(uintptr_t lo, uintptr_t hi, void *arg), void *arg);
/* Mark the pages [p, p + n) dirty (gc/dirty.c): async-signal-safe. */
static inline void mheap_set_dirty(const mheap *h, uintptr_t p, uintptr_t n)
{
	for (uintptr_t a = p & ~(((uintptr_t)1 << TC_PAGE_SHIFT) - 1); a < p + n; a += (uintptr_t)1 << TC_PAGE_SHIFT) {
		heaparena *ha = mheap_arena_of(h, a);
		if (ha == NULL)
			continue;
		uintptr_t pg = (a - ha->base) >> TC_PAGE_SHIFT;
		uint64_t bit = (uint64_t)1 << (pg % 64);
		if (!(__atomic_load_n(&ha->dirty[pg / 64], __ATOMIC_RELAXED) & bit))
			__atomic_fetch_or(&ha->dirty[pg / 64], bit, __ATOMIC_RELAXED);
	}
}
/* Heap memory the OS backs: mapped and not released (Go's mappedReady,
 * for the heap alone). The memory limit bounds this. */
static inline uint64_t mheap_ready(const mheap *h)
{
	return atomic_load_explicit(&h->sys, memory_order_relaxed) -
	       atomic_load_explicit(&h->released, memory_order_relaxed);
}

/* ---- arena.c, mheap.c, scavenge.c: internals of the page heap (mheap lock held) ---- */
int tc__arena_grow(mheap *h, size_t npages);  /* map at least npages more pages as a free run */
void tc__arena_set_spans(mheap *h, uintptr_t base, size_t npages, span *s);
span *tc__arena_map_entry(const mheap *h, uintptr_t p);
size_t tc__arena_take_released(mheap *h, uintptr_t base, size_t npages); /* clears and counts released bits */
bool tc__arena_needs_zero(mheap *h, uintptr_t base, size_t npages); /* pages were handed out before */
void tc__arena_note_ready(mheap *h); /* update ready_peak (no lock needed) */
void tc__mheap_free_run(mheap *h, span *s); /* insert a free run, merged with its free neighbours */
span *tc__span_struct_alloc(mheap *h);
size_t tc__scavenge_locked(mheap *h, size_t nbytes);

/* ---- pagealloc.c: free page runs (mheap lock held) ---- */
void tc__pagealloc_insert(mheap *h, span *run);
void tc__pagealloc_remove(mheap *h, span *run);
span *tc__pagealloc_best_fit(mheap *h, size_t npages);
typedef void (*pagealloc_fn)(mheap *h, span *run, void *arg);
void tc__pagealloc_each(mheap *h, pagealloc_fn fn, void *arg);

/* ---- heapbits.c: the pointer bitmap ---- */
void tc__heapbits_write(span *s, uintptr_t obj, size_t typesize, const size_t *offsets, size_t nptrs, size_t count);
/* Describe a new object of count elements of type (typesize, offsets,
 * nptrs) in a small scan span: as the span's uniform layout when it is
 * the span's first object or of the span's type (then nothing is
 * written), in the bitmap otherwise. The caller skips the call when
 * count == 1 and type == s->utype. */
void tc__heapbits_describe(span *s, uintptr_t obj, const void *type, size_t typesize, const size_t *offsets,
			   size_t nptrs, size_t count);
/* Describe the free slots first + i, for each bit i of slots, as elements
 * of a type (offsets, nptrs; the span's elemsize at most 64 words) in a
 * MIXED span's bitmap, before they are handed out unwritten (a run
 * prepared for the type, gc/malloc.c). Owner only; free slots' bits are
 * read by no marker. */
void tc__heapbits_prepare(span *s, uint32_t first, uint64_t slots, const size_t *offsets, size_t nptrs);
static inline void span_reset_layout(span *s)
{
	s->utype = NULL;
	s->umask = 0;
	atomic_store_explicit(&s->layout, LAYOUT_NONE, memory_order_relaxed);
}
bool tc__heapbits_is_ptr(const span *s, uintptr_t word_addr);
/* The pointer bits of words [w, w + *avail) of the span (w counted from the
 * span base), bit 0 first; *avail is at most 64 and at most n. */
static inline uint64_t heapbits_chunk(const span *s, size_t w, size_t n, size_t *avail)
{
	uint64_t bits = __atomic_load_n(&s->ptrbits[w / 64], __ATOMIC_RELAXED) >> (w % 64);
	size_t a = 64 - w % 64;
	if (a > n) {
		a = n;
		bits &= ((uint64_t)1 << a) - 1;
	}
	*avail = a;
	return bits;
}

/* ---- mcentral.c ---- */
void tc__mcentral_init(mcentral *c, spanclass spc);
/* Unswept spans one refill may sweep before it takes a fresh span from the
 * mheap. Go's cacheSpan sweeps up to 100, because its sweeping is mostly
 * done by allocation. Here the controller sweeps every span right after
 * mark termination (gc.c, gc_sweep_finish), beside the mutators, so a
 * refill need not search far; and each span swept is a stall of the
 * allocating mutator that no metric shows. On the service loop (64 MiB of
 * live sessions, freed in allocation order, so that the unswept spans after
 * a cycle are mostly full), 100 made every refill after termination sweep
 * 100 full spans, about 150 us, for 3-4 ms in a row. One mutator, three
 * alternating runs of tcbench --workload service --size 64 --threads 1:
 * application-side MMU at 1 ms 0.05-0.07 with 100, 0.19-0.29 with 8; at
 * 10 ms 0.39-0.42 and 0.47-0.59; the peak RSS unchanged. The heap does not
 * grow for want of sweeping: mheap_alloc_span reclaims before growing. */
#define REFILL_SWEEP_MAX 8
span *tc__mcentral_cache_span(mcentral *c, mheap *h);
void tc__mcentral_uncache_span(mcentral *c, mheap *h, span *s);
void tc__mcentral_push(mcentral *c, mheap *h, span *s, bool swept); /* place by fill and sweep state */
void tc__mcentral_remove(mcentral *c, span *s);
span *tc__mcentral_next_unswept(mcentral *c, mheap *h);

/* ---- sweep.c: the span sweep entry point ---- */
/* Sweep one span the caller owns (sweepgen sg-1). With preserve, the span is
 * left where it is for the caller (mcentral refill); without it, an empty span
 * goes back to mheap and the rest to mcentral's swept lists. Returns the number
 * of objects freed; *freed_span is set when the span went back to mheap. */
uint32_t tc__span_sweep(mheap *h, span *s, bool preserve, bool *freed_span);
bool tc__span_try_acquire_sweep(mheap *h, span *s);
size_t tc__mheap_sweep_all(mheap *h); /* sweep every unswept span; returns spans swept */
/* At most max of them, from span class *cls on (advanced as classes are
 * found empty); 0 when none was left there. */
size_t tc__mheap_sweep_some(mheap *h, unsigned *cls, size_t max);
size_t tc__mheap_reclaim(mheap *h, size_t npages, unsigned maxspans); /* pages freed */
void tc__mheap_start_sweep(mheap *h); /* sweepgen += 2: everything becomes unswept */

/* ---- mcache.c ---- */
/* Count n objects of size bytes in all as allocated by c's owner. */
static inline void mcache_count_alloc(mcache *c, uint64_t n, uint64_t bytes)
{
	atomic_owner_add_u64(&c->alloc_objects, n);
	atomic_owner_add_u64(&c->alloc_bytes, bytes);
}
extern span tc__emptyspan;
void tc__mcache_init(mcache *c, mheap *h);
void tc__mcache_release_all(mcache *c);
void tc__mcache_prepare_for_sweep(mcache *c);
void tc__mcache_fold(mcache *c, cslot cs); /* the run's allocations into its span (owner) */
/* The slot to allocate an object of type (one element) from, for span
 * class spc: the one type is bound to, binding one if need be (mcache.c). */
cslot tc__mcache_slot_for(mcache *c, spanclass spc, const void *type);
void tc__mcache_fold_all(mcache *c);
void *tc__mcache_alloc_large(mcache *c, size_t size, bool noscan, const void *type, size_t count, span **sp);
/* The same in two steps: allocate, then (after marking it black, if it is
 * to be) file the span where sweepers find it. */
void *tc__mcache_alloc_large_unlisted(mcache *c, size_t size, bool noscan, const void *type, size_t count, span **sp);
void tc__mcache_large_list(mcache *c, span *s);
/* The slow path: fold the run, load the span's next stretch with free
 * slots (or cache another span), take a slot; its index in *idx. NULL with
 * tc__seterr when the heap is out of memory. */
void *tc__mcache_alloc_small_slow(mcache *c, cslot cs, span **sp, uint32_t *idx);

/* The fast path (Go's nextFreeFast, on the run): 0 when the run is empty. */
static inline uintptr_t run_take(tc_alloc_run *r, uint32_t *idx)
{
	uint64_t f = r->free;
	if (f == 0)
		return 0;
	unsigned b = (unsigned)__builtin_ctzll(f);
	r->free = f & (f - 1);
	*idx = r->first + b;
	return r->base + (uintptr_t)b * r->elemsize;
}

/* Zero one object: word stores inline (most objects are a few words),
 * memset past 256 bytes. The empty asm hides the loop from the compiler's
 * pattern matching, which would turn it back into a memset call. */
static inline void obj_zero(uintptr_t p, size_t n)
{
	if (n > 256) {
		memset((void *)p, 0, n);
		return;
	}
	uint64_t *w = (uint64_t *)p, *e = (uint64_t *)(p + n);
	do {
		*w++ = 0;
		__asm__("" : "+r"(w));
	} while (w < e);
}

/* Zero every free slot of run[cs] at once, so that the inlined tc_alloc
 * may hand them out as they are (mcache.c). */
void tc__mcache_zero_run(mcache *c, cslot cs);

/* Allocate one small object of span class spc, zeroed, and publish it (the
 * allocator tier's own users; tc_alloc publishes after its set-up); NULL
 * with tc__seterr on failure. */
static inline void *mcache_alloc_small(mcache *c, spanclass spc, span **sp)
{
	uint32_t idx;
	uintptr_t p = run_take(&c->run[spc], &idx);
	if (p != 0)
		*sp = c->alloc[spc];
	else if ((p = (uintptr_t)tc__mcache_alloc_small_slow(c, spc, sp, &idx)) == 0)
		return NULL;
	if (!c->zeroed[spc])
		obj_zero(p, (*sp)->elemsize);
	span_publish(*sp, idx);
	return (void *)p;
}

#endif /* TC_ALLOC_H */
