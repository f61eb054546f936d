/*
 * malloc.c — allocation through the public API (Go's mallocgc).
 *
 * Path of tc_alloc: check the mutator; run a torture collection if one is
 * due; pick the span class from the size and the kind (noscan, bitmap-scanned,
 * or header for types with a trace callback); take the next free slot from
 * the mcache (fast path); zero it if the span's memory was used before; write
 * the header, or describe a scan object (nothing to write when the span's
 * objects are all of its type, heapbits.c); count the bytes.
 *
 * Invariants:
 *  - Every object returned is zeroed and, if it has pointers, described (its
 *    bitmap bits or header are written) before the caller sees it.
 *  - Collections start only before an allocation takes its slot (slow path
 *    or torture), never between taking a slot and returning it, so a new
 *    object is always reachable from the caller when the next mark runs.
 *  - A type is checked on its first use by each mutator (offsets aligned and
 *    in bounds); a bad type is refused with a message, not allocated.
 *  - A large object's span reaches the mcentral lists, where sweepers find
 *    it, only after alloc_black_large has marked it. The sweepgen bump is
 *    concurrent with allocation: a span listed first could be swept, by
 *    another mutator's reclaim, between the bump and its black mark, and
 *    freed while its maker holds it (largemix, 2 threads, about 1 run in
 *    50 lost a live object so).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static int type_check(const tc_type *t, const char *fn)
{
	if (t == NULL) {
		tc__error("%s: type is NULL", fn);
		return -1;
	}
	const char *name = t->name ? t->name : "(unnamed)";
	if (t->size == 0) {
		tc__error("%s: type '%s' has size 0", fn, name);
		return -1;
	}
	if (t->trace != NULL || t->nptrs == 0)
		return 0;
	if (t->ptr_offsets == NULL) {
		tc__error("%s: type '%s' has nptrs %zu but ptr_offsets is NULL", fn, name, t->nptrs);
		return -1;
	}
	for (size_t i = 0; i < t->nptrs; i++) {
		size_t off = t->ptr_offsets[i];
		if (off % TC_WORD != 0) {
			tc__error("%s: type '%s': pointer offset %zu (index %zu) is not 8-byte aligned", fn, name, off, i);
			return -1;
		}
		if (off > t->size - TC_WORD || t->size < TC_WORD) {
			tc__error("%s: type '%s': pointer offset %zu (index %zu) is out of bounds for size %zu", fn, name,
				  off, i, t->size);
			return -1;
		}
	}
	return 0;
}

/* The heap could not provide memory: say so, naming the call, keeping the
 * heap tier's reason. */
static void *alloc_failed(const char *fn)
{
	tc__error("%s: %s", fn, tc_last_error() ? tc_last_error() : "out of memory");
	return NULL;
}

/* The heap had to grow past its soft memory limit while this call allocated:
 * the allocation goes on, with a warning (written once per heap; every time
 * in tc_last_error(), and counted in heap.limit.exceeded). */
static void warn_over_limit(tc_heap *h, const char *fn)
{
	unsigned long long to = atomic_load_explicit(&h->mh.over_limit_bytes, memory_order_relaxed);
	const char *fmt = "%s: the heap grows to %llu bytes, past its memory limit of %llu: what is live does not fit "
			  "under it (the allocation goes on; see heap.limit.exceeded)";
	if (atomic_exchange_explicit(&h->obs.limit_warned, 1, memory_order_relaxed) == 0)
		tc__warn(fmt, fn, to, (unsigned long long)h->cfg.memory_limit);
	else
		tc__seterr(fmt, fn, to, (unsigned long long)h->cfg.memory_limit);
}

/* Before taking memory from the heap: stop if the world is stopping, and
 * start a cycle if the heap has reached its trigger. */
static void alloc_poll(tc_mutator *m)
{
	tc_heap *h = m->h;
	int phase = atomic_load_explicit(&h->phase, memory_order_relaxed);
	atomic_store_explicit(&m->cpu, tc__cpu_now(), memory_order_relaxed); /* where a handshake's controller must not spin */
	if (mutator_poll_due(h, m))
		tc__safepoint_slow(m);
	if (phase == GC_MARK) {
		/* Past the goal the ratio steepens (gc.c) and the debt grows
		 * faster; past the hard goal the mutator marks alongside on every
		 * slow path. It waits for the mark to end only under a memory
		 * limit (tc__gc_must_wait). */
		uint64_t live = atomic_load_explicit(&h->mh.live, memory_order_relaxed);
		uint64_t goal = atomic_load_explicit(&h->pacer.goal, memory_order_relaxed);
		bool hard = live >= hard_goal(goal);
		if (m->assist_credit < 0 || hard) {
			tc__gc_assist(m, hard);
			if (mutator_poll_due(h, m))
				tc__safepoint_slow(m); /* a request that cut the assist short (mark.c, assist_drain) */
		}
		if (h->cfg.memory_limit != 0 && tc__gc_must_wait(h, live, goal))
			tc__gc_wait_mark(m);
	}
	tc__gc_maybe_trigger(m);
}

/* Allocate black while marking (Go's gcmarknewobject), from the mutator's
 * stack scan to its release: the new object is marked and counted live,
 * never scanned this cycle; the mutator owes assist work for it. Only into
 * a span whose marks are this cycle's: one cached before the sweepgen bump
 * (black_sg), or a large object's made before it. A span cached after the
 * bump is swept; its marks are the next cycle's, and the object is white
 * (handshake.c, RELEASE). */
static bool black_span(tc_mutator *m, span *s)
{
	uint32_t bsg = atomic_load_explicit(&m->h->world.black_sg, memory_order_relaxed);
	uint32_t ssg = atomic_load_explicit(&s->sweepgen, memory_order_relaxed);
	return spc_sizeclass(s->spc) != 0 ? ssg == bsg : ssg + 3 == bsg;
}

static void owe_for(tc_mutator *m, uint64_t bytes)
{
	m->gcw.bytes_marked += bytes;
	uint64_t ratio = atomic_load_explicit(&m->h->pacer.assist_ratio, memory_order_relaxed);
	m->assist_credit -= (int64_t)(bytes * ratio / 1024);
}

static void alloc_black_large(tc_mutator *m, span *s)
{
	if (!black_span(m, s))
		return;
	span_set_mark(s, 0);
	owe_for(m, s->elemsize);
}

/* A run just loaded, with slot idx taken from it: mark the slot and every
 * free slot of the run at once, so that neither this path nor the inlined
 * tc_alloc marks objects one by one; counted live and owed for now (the
 * fold unmarks what the run never hands out, mcache.c). */
static void alloc_black_run(tc_mutator *m, span *s, cslot cs, uint32_t idx)
{
	if (!black_span(m, s))
		return;
	tc_alloc_run *r = &m->mc.run[cs];
	uint64_t mask = r->free | (uint64_t)1 << (idx - r->first);
	span_premark(s, r->first / 64, mask);
	m->mc.black[cs] = mask;
	owe_for(m, (uint64_t)__builtin_popcountll(mask) * s->elemsize);
}

_Static_assert(TC_NOSCAN_INLINE_MAX <= TC_MAX_SMALL_SIZE, "tc_alloc_noscan's inline sizes are small");

/* Any noscan run: what tc_alloc_noscan's inline path asks of one. */
static const tc_type noscan_run = {.name = "(noscan)", .size = TC_WORD};

/* After an allocation of one element of t (NULL: untyped noscan bytes)
 * from run[cs], which is not where the inline path never serves
 * (alloc_slow): prepare the run, if it is not yet, so that the inlined
 * tc_alloc and tc_alloc_noscan serve t from it: its free slots zeroed and
 * described as t's. Nothing to describe in a noscan span, whose runs serve
 * every noscan type and size (a typed one takes the run's label, type, for
 * tc_alloc's check), or in a span of t's layout; in a mixed span, t's bits
 * for each free slot (a uniform span that turns mixed writes its type's bits
 * in every slot, so a run prepared for that type stays prepared,
 * heapbits.c). A scan run prepared for another type stays that type's: two
 * types taking turns in one run would rewrite its slots' bits at every
 * turn. */
/* Verify mode: note t for each slot the inline path may hand out from r. */
static void note_run_type(tc_heap *h, const tc_alloc_run *r, const tc_type *t)
{
	if (__builtin_expect(h->cfg.verify != 0, 0))
		for (uint64_t f = r->free; f != 0; f &= f - 1)
			tc__verify_note_type(h, r->base + (unsigned)__builtin_ctzll(f) * r->elemsize, t);
}

static void prepare_run(tc_mutator *m, span *s, cslot cs, const tc_type *t, unsigned kind, size_t size)
{
	tc_alloc_run *r = &m->mc.run[cs];
	tc_heap *h = m->h;
	if (kind == SK_NOSCAN) {
		if (r->type == NULL)
			tc__mcache_zero_run(&m->mc, cs);
		if (t != NULL && r->type != t)
			note_run_type(h, r, t);
		if (t != NULL || r->type == NULL)
			r->type = t != NULL ? t : &noscan_run;
		if (size <= TC_NOSCAN_INLINE_MAX)
			m->wb.head.bysize[(size - 1) / 8] = r;
	} else if (kind == SK_SCAN && r->type == NULL &&
		   (s->utype == t ||
		    (atomic_load_explicit(&s->layout, memory_order_relaxed) == LAYOUT_MIXED && s->elemsize <= 64 * TC_WORD))) {
		if (s->utype != t)
			tc__heapbits_prepare(s, r->first, r->free, t->ptr_offsets, t->nptrs);
		tc__mcache_zero_run(&m->mc, cs);
		note_run_type(h, r, t);
		r->type = t;
	}
	if (t != NULL && r->type == t)
		m->wb.head.bytype[TC_TYPE_SLOT(t)] = r;
}

static void *mallocgc(tc_mutator *m, size_t size, const tc_type *t, size_t count, unsigned kind, const char *fn)
{
	tc_heap *h = m->h;
	atomic_owner_add_u64(&m->mc.slow_allocs, 1);
	if (__builtin_expect(h->cfg.torture != 0, 0) && --m->torture_left == 0) {
		m->torture_left = h->cfg.torture;
		tc__gc_collect(m);
	}
	span *s;
	uintptr_t p;
	uint32_t idx = 0;
	size_t asize = size + (kind == SK_HDR ? TC_WORD : 0);
	if (asize <= TC_MAX_SMALL_SIZE) {
		spanclass spc = spc_make(sizeclass_of(asize), kind);
		/* Each type of the size, up to SCAN_TYPE_SLOTS, gets a span of its own (mcache.c). */
		cslot cs = kind == SK_SCAN && count == 1 ? tc__mcache_slot_for(&m->mc, spc, t) : spc;
		tc_alloc_run *r = &m->mc.run[cs];
		s = m->mc.alloc[cs];
		p = run_take(r, &idx);
		if (__builtin_expect(p == 0, 0)) {
			alloc_poll(m);
			uint64_t over = atomic_load_explicit(&h->mh.over_limit, memory_order_relaxed);
			p = (uintptr_t)tc__mcache_alloc_small_slow(&m->mc, cs, &s, &idx);
			if (p == 0)
				return alloc_failed(fn);
			if (atomic_load_explicit(&h->mh.over_limit, memory_order_acquire) != over)
				warn_over_limit(h, fn);
			if (m->allocblack)
				alloc_black_run(m, s, cs, idx); /* a run is loaded black or not at all (gc.h) */
		}
		if (!m->mc.zeroed[cs])
			obj_zero(p, s->elemsize);
		if (kind == SK_SCAN && (count != 1 || s->utype != t))
			tc__heapbits_describe(s, p, t, t->size, t->ptr_offsets, t->nptrs, count);
		else if (kind == SK_HDR)
			*(uintptr_t *)p = hdr_make(t, count);
		if (count <= 1 && m->wb.head.alloc_slow == 0) /* one element, or untyped bytes */
			prepare_run(m, s, cs, t, kind, size);
	} else {
		uint64_t lim = h->cfg.memory_limit;
		if (lim != 0 && size > lim) {
			tc__error("%s: %zu bytes is more than the memory limit of %llu bytes by itself; nothing allocated", fn,
				  size, (unsigned long long)lim);
			return NULL;
		}
		alloc_poll(m);
		uint64_t over = atomic_load_explicit(&h->mh.over_limit, memory_order_relaxed);
		if (kind == SK_CONS) {
			t = &tc__cons_type;
			count = (size + TC_WORD - 1) / TC_WORD;
		}
		p = (uintptr_t)tc__mcache_alloc_large_unlisted(&m->mc, size, kind == SK_NOSCAN, t, count, &s);
		if (p == 0)
			return alloc_failed(fn);
		if (atomic_load_explicit(&h->mh.over_limit, memory_order_acquire) != over)
			warn_over_limit(h, fn);
		if (s->needzero)
			memset((void *)p, 0, size);
		if (__builtin_expect(h->large_hook != NULL, 0))
			h->large_hook(h, h->large_hook_arg);
		/* Counted now: a large object has no run to be counted with. */
		mcache_count_alloc(&m->mc, 1, s->elemsize);
	}
	tc_chaos();
	if (spc_sizeclass(s->spc) == 0) {
		if (__builtin_expect(m->allocblack, 0))
			alloc_black_large(m, s);
		tc__mcache_large_list(&m->mc, s); /* after its mark: a sweep may find it from here on */
	}
	if (__builtin_expect(h->cfg.verify != 0, 0) && t != NULL)
		tc__verify_note_type(h, p, t);
	span_publish(s, idx); /* initialised: a conservative pointer may now find it */
	return (void *)(p + (kind == SK_HDR && asize <= TC_MAX_SMALL_SIZE ? TC_WORD : 0));
}

/* Whether t was checked on this mutator: a small direct-mapped table of the
 * types that passed (the inline path's table finds only prepared runs). */
static int check_type_once(tc_mutator *m, const tc_type *t, const char *fn)
{
	const tc_type **e = &m->checked[TC_TYPE_SLOT(t)];
	if (__builtin_expect(*e == t && t != NULL, 1))
		return 0;
	if (type_check(t, fn) != 0)
		return -1;
	*e = t;
	return 0;
}

static unsigned kind_of(const tc_type *t)
{
	return t->trace ? SK_HDR : t->nptrs ? SK_SCAN : SK_NOSCAN;
}

/* The external definition of the inline tc_alloc (tricolor/inline.h). */
extern inline void *tc_alloc(tc_mutator *m, const tc_type *t);
extern inline void *tc_alloc_noscan(tc_mutator *m, size_t bytes);

void *tc_alloc_slow(tc_mutator *m, const tc_type *t)
{
	if (!tc__mutator_check(m, "tc_alloc") || check_type_once(m, t, "tc_alloc") != 0)
		return NULL;
	return mallocgc(m, t->size, t, 1, kind_of(t), "tc_alloc");
}

void *tc_alloc_array(tc_mutator *m, const tc_type *elem, size_t n)
{
	if (!tc__mutator_check(m, "tc_alloc_array") || check_type_once(m, elem, "tc_alloc_array") != 0)
		return NULL;
	if (n == 0) {
		tc__error("tc_alloc_array: array of 0 elements of '%s'", elem->name ? elem->name : "(unnamed)");
		return NULL;
	}
	if (n > TC_MAX_OBJECT_SIZE / elem->size) {
		tc__error("tc_alloc_array: %zu elements of %zu bytes is beyond the address space", n, elem->size);
		return NULL;
	}
	return mallocgc(m, elem->size * n, elem, n, kind_of(elem), "tc_alloc_array");
}

void *tc_alloc_noscan_slow(tc_mutator *m, size_t bytes)
{
	if (!tc__mutator_check(m, "tc_alloc_noscan"))
		return NULL;
	if (bytes == 0) {
		tc__error("tc_alloc_noscan: size 0");
		return NULL;
	}
	if (bytes > TC_MAX_OBJECT_SIZE) {
		tc__error("tc_alloc_noscan: %zu bytes is beyond the address space", bytes);
		return NULL;
	}
	return mallocgc(m, bytes, NULL, 0, SK_NOSCAN, "tc_alloc_noscan");
}

const tc_type tc__cons_type = {.name = "conservative", .size = TC_WORD};

void *tc__alloc_kind(tc_mutator *m, size_t size, unsigned kind, const char *fn)
{
	tc_assert(kind == SK_CONS || kind == SK_NOSCAN);
	if (size == 0 || size > TC_MAX_OBJECT_SIZE) {
		tc__error("%s: %zu bytes is %s", fn, size, size == 0 ? "no size" : "beyond the address space");
		return NULL;
	}
	if (kind == SK_CONS)
		return mallocgc(m, size, NULL, 0, SK_CONS, fn); /* constant kinds: no type is read */
	return mallocgc(m, size, NULL, 0, SK_NOSCAN, fn);
}

int tc__obj_check(tc_heap *h, const void *p, const char *fn, const char *what, span **sp, uintptr_t *base)
{
	if (p == NULL) {
		tc__error("%s: %s is NULL", fn, what);
		return -1;
	}
	span *s = mheap_span_of(&h->mh, (uintptr_t)p);
	if (s == NULL) {
		tc__error("%s: %s %p is not in this heap", fn, what, p);
		return -1;
	}
	/* Whether the slot is allocated is not checked: its bits are the
	 * owning mcache's or a sweeper's, and the caller holds p, so it is
	 * allocated unless the caller forged it. */
	uintptr_t b = span_obj_base(s, span_obj_index(s, (uintptr_t)p));
	if (obj_user(s, b) != (uintptr_t)p) {
		tc__error("%s: %s %p points inside the object at %p, not at its start", fn, what, p,
			  (void *)obj_user(s, b));
		return -1;
	}
	*sp = s;
	*base = b;
	return 0;
}
