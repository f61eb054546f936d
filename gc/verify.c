/*
 * verify.c — the heap verifier (TRICOLOR_VERIFY=1 or tc_config.verify).
 *
 * At mark termination, with the world stopped, walk the object graph again,
 * independently of the mark bits and work queues, and check that every
 * object reached is marked. A reachable unmarked object is the collector's
 * one unforgivable bug (sweep would free it), so the verifier names the first
 * one — address, size, type, and the root set or object that refers to it —
 * and aborts.
 *
 * Roots, and why they are taken as they are:
 *  - global roots and precise frames: as they are now; every slot is live.
 *  - conservative stacks and registers: the words the marker's scan of each
 *    stack took for objects (noted in verify mode; a word it skipped as a
 *    free slot is stale, and may alias an object allocated since, white
 *    and unreachable, so it is no root). A stack is scanned once per
 *    cycle and never again; slots that change afterwards are either live
 *    values that came from the heap (the barrier shaded what the heap lost) or
 *    new objects (allocated black), or dead values left in slots that live
 *    frames have not written yet, which a conservative scan cannot tell from
 *    live ones. Checking the current stacks would report the dead ones; so the
 *    verifier checks the snapshot, and the freed-object poisoning that verify
 *    mode turns on (sweep.c) catches a live pointer that the barrier missed.
 * The graph under the global roots is walked to the end first, then each
 * mutator's, so a miss is reported with the first root set that reaches it.
 *
 * Invariants: uses its own visited set and stack (malloc'd, freed before it
 * returns), never the mark bits it is checking; reads the graph through
 * scan.h, the same description of pointers the mark loop uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "scan.h"

typedef struct vstate {
	tc_heap *h;
	uintptr_t *set; /* open addressing, 0 = empty */
	size_t setcap, setn;
	uintptr_t *stack; /* objects reached, still to scan */
	size_t sn, scap;
	uintptr_t cur;     /* object being scanned, 0 while enumerating roots */
	char rootdesc[96]; /* the root set being enumerated */
	uint64_t checked;  /* reachable objects found marked */
} vstate;

static void oom(void)
{
	tc__fatal("verify: out of memory");
}

static bool set_insert(vstate *v, uintptr_t x)
{
	if (2 * (v->setn + 1) > v->setcap) {
		size_t ncap = v->setcap ? 2 * v->setcap : 1 << 16, ocap = v->setcap;
		uintptr_t *ns = calloc(ncap, sizeof *ns), *old = v->set;
		if (ns == NULL)
			oom();
		v->set = ns;
		v->setcap = ncap;
		v->setn = 0;
		for (size_t i = 0; i < ocap; i++)
			if (old[i])
				set_insert(v, old[i]);
		free(old);
	}
	size_t mask = v->setcap - 1, i = (size_t)((x >> 3) * 0x9E3779B97F4A7C15ull) & mask;
	while (v->set[i]) {
		if (v->set[i] == x)
			return false;
		i = (i + 1) & mask;
	}
	v->set[i] = x;
	v->setn++;
	return true;
}

static void push(vstate *v, uintptr_t obj)
{
	if (v->sn == v->scap) {
		v->scap = v->scap ? 2 * v->scap : 1 << 12;
		v->stack = realloc(v->stack, v->scap * sizeof *v->stack);
		if (v->stack == NULL)
			oom();
	}
	v->stack[v->sn++] = obj;
}

/* ---- the verifier's type table ----
 * Small bitmap-scanned objects carry no type, so in verify mode the
 * allocator records each one's here, for the failure message: one slot per
 * heap word of each arena, in a table mapped MAP_NORESERVE on first use (only
 * the pages written cost memory). An object's slot is written by the mutator
 * that allocates it, before the object escapes; slots of freed objects are
 * stale and never read, since the verifier only names reachable objects. */
#define VT_ARENAS ((size_t)1 << TC_ARENA_L2_BITS)
#define VT_SLOTS (TC_ARENA_SIZE / TC_WORD)

void tc__verify_note_type(tc_heap *h, uintptr_t obj, const tc_type *t)
{
	const tc_type *_Atomic **arenas = atomic_load_explicit(&h->vtypes, memory_order_acquire);
	if (arenas == NULL) {
		const tc_type *_Atomic **n = tc__os_alloc_meta(VT_ARENAS * sizeof *n);
		if (n == NULL)
			return; /* the verifier will say "type not recorded" */
		if (!atomic_compare_exchange_strong(&h->vtypes, &arenas, n))
			tc__os_unmap(n, VT_ARENAS * sizeof *n);
		else
			arenas = n;
	}
	size_t ai = obj >> TC_ARENA_SHIFT;
	const tc_type *_Atomic *slots = __atomic_load_n(&arenas[ai], __ATOMIC_ACQUIRE);
	if (slots == NULL) {
		const tc_type *_Atomic *n = tc__os_alloc_meta(VT_SLOTS * sizeof *n);
		if (n == NULL)
			return;
		if (!__atomic_compare_exchange_n(&arenas[ai], &slots, n, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			tc__os_unmap(n, VT_SLOTS * sizeof *n);
		else
			slots = n;
	}
	atomic_store_explicit(&slots[(obj & (TC_ARENA_SIZE - 1)) / TC_WORD], t, memory_order_relaxed);
}

static const tc_type *recorded_type(tc_heap *h, uintptr_t obj)
{
	const tc_type *_Atomic **arenas = atomic_load_explicit(&h->vtypes, memory_order_acquire);
	const tc_type *_Atomic *slots = arenas ? __atomic_load_n(&arenas[obj >> TC_ARENA_SHIFT], __ATOMIC_ACQUIRE) : NULL;
	return slots ? atomic_load_explicit(&slots[(obj & (TC_ARENA_SIZE - 1)) / TC_WORD], memory_order_relaxed) : NULL;
}

void tc__verify_free_types(tc_heap *h)
{
	const tc_type *_Atomic **arenas = atomic_load(&h->vtypes);
	if (arenas == NULL)
		return;
	for (size_t i = 0; i < VT_ARENAS; i++)
		if (arenas[i] != NULL)
			tc__os_unmap((void *)arenas[i], VT_SLOTS * sizeof *arenas[i]);
	tc__os_unmap(arenas, VT_ARENAS * sizeof *arenas);
	atomic_store(&h->vtypes, NULL);
}

static const char *type_name(tc_heap *h, span *s, uintptr_t obj)
{
	const tc_type *t = NULL;
	if (spc_kind(s->spc) == SK_NOSCAN)
		return "noscan bytes";
	if (spc_kind(s->spc) == SK_CONS)
		return "conservative";
	if (spc_sizeclass(s->spc) == 0)
		t = s->largetype;
	else if (spc_kind(s->spc) == SK_HDR)
		t = hdr_type(*(uintptr_t *)obj);
	else
		t = recorded_type(h, obj);
	if (t == NULL)
		return "(type not recorded)";
	return t->name ? t->name : "(unnamed type)";
}

static void visit(uintptr_t p, void *ctx)
{
	vstate *v = ctx;
	span *s;
	uintptr_t obj = tc__mheap_find_object(&v->h->mh, p, &s);
	if (obj == 0 || !set_insert(v, obj))
		return;
	v->checked++;
	uint32_t idx = span_obj_index(s, obj);
	if (!span_marked(s, idx)) {
		char from[160];
		if (v->cur)
			snprintf(from, sizeof from, "object %#lx", (unsigned long)v->cur);
		else
			snprintf(from, sizeof from, "%s", v->rootdesc);
		tc__fatal("verify: FAILED after cycle %llu: object %#lx (%zu bytes, type %s) is reachable from %s "
			  "but not marked; sweep would free it",
			  (unsigned long long)atomic_load(&v->h->ctrl.cycles) + 1, (unsigned long)obj, s->elemsize,
			  type_name(v->h, s, obj), from);
	}
	if (spc_kind(s->spc) != SK_NOSCAN)
		push(v, obj);
}

/* An ephemeron: its value must be marked if its key is (the rule the
 * marker keeps in weak.c); its key is weak, and not followed. */
static void visit_ephe(uintptr_t e, void *ctx)
{
	vstate *v = ctx;
	uintptr_t k = load_slot((void *)e);
	span *s = k ? mheap_span_of(&v->h->mh, k) : NULL;
	if (s != NULL && span_marked(s, span_obj_index(s, k)))
		visit(load_slot((void *)(e + TC_WORD)), v);
}

/* Scan everything reached so far (depth first, explicit stack). */
static void drain(vstate *v)
{
	while (v->sn > 0) {
		v->cur = v->stack[--v->sn];
		scan_each(v->cur, mheap_span_of(&v->h->mh, v->cur), &(scanfns){visit, visit, NULL, visit_ephe}, v);
	}
	v->cur = 0;
}

/* A finalizable object's referents are roots (not the object itself, nor
 * through a pointer into itself: final.c). */
typedef struct selfctx {
	vstate *v;
	uintptr_t lo, hi;
} selfctx;

static void visit_not_self(uintptr_t p, void *ctx)
{
	selfctx *c = ctx;
	if (p < c->lo || p >= c->hi)
		visit(p, c->v);
}

static void visit_ephe_self(uintptr_t e, void *ctx) { visit_ephe(e, ((selfctx *)ctx)->v); }

static void visit_fields(uintptr_t obj, void *ctx)
{
	vstate *v = ctx;
	span *s = mheap_span_of(&v->h->mh, obj);
	if (s == NULL || spc_kind(s->spc) == SK_NOSCAN)
		return;
	uintptr_t base = span_obj_base(s, span_obj_index(s, obj));
	v->cur = base;
	scan_each(base, s, &(scanfns){visit_not_self, visit_not_self, NULL, visit_ephe_self},
		  &(selfctx){v, base, base + s->elemsize});
	v->cur = 0;
	drain(v);
}

void tc__verify_heap(tc_heap *h)
{
	vstate v;
	memset(&v, 0, sizeof v);
	v.h = h;
	snprintf(v.rootdesc, sizeof v.rootdesc, "the global roots");
	tc__roots_globals(h, visit, &v);
	drain(&v);
	snprintf(v.rootdesc, sizeof v.rootdesc, "the finalizers and cleanups");
	tc__fin_roots(h, visit_fields, visit, &v);
	drain(&v);
	for (tc_mutator *m = h->world.mutators; m; m = m->next) {
		snprintf(v.rootdesc, sizeof v.rootdesc, "mutator %p's precise frames", (void *)m);
		tc__roots_frames(m, visit, &v);
		drain(&v);
		snprintf(v.rootdesc, sizeof v.rootdesc, "mutator %p's stack or registers (as scanned)", (void *)m);
		for (size_t i = 0; i < m->snapn; i++)
			visit(m->snap[i], &v);
		drain(&v);
	}
	atomic_fetch_add(&h->obs.verified_objects, v.checked);
	free(v.set);
	free(v.stack);
}

/* Verify mode, world stopped, after a termination the protocol claims is
 * complete: describe the first unmarked object in m's barrier buffer, or grey
 * work m holds, into why (left empty if there is none). A non-empty result
 * is a protocol bug; this says where to look. */
void tc__verify_describe_white(tc_heap *h, tc_mutator *m, char *why, size_t n)
{
	const wbstate *wb = wb_of(m);
	for (size_t i = 0; i < wb->n; i++) {
		span *s = mheap_span_of(&h->mh, wb->buf[i]);
		if (s == NULL)
			continue;
		uint32_t idx = span_obj_index(s, wb->buf[i]);
		if (span_is_free_published(s, idx) || span_marked(s, idx))
			continue;
		snprintf(why, n,
			 "mutator %d's barrier buffer entry %zu of %zu (%s value) is %#lx, white, class %u, span sweepgen "
			 "%u, heap %u, black_sg %u; mutator allocblack %d",
			 (int)m->id, i, wb->n, i % 2 ? "new" : "old", (unsigned long)wb->buf[i], spc_sizeclass(s->spc),
			 atomic_load(&s->sweepgen), atomic_load(&h->mh.sweepgen), atomic_load(&h->world.black_sg),
			 (int)m->allocblack);
		return;
	}
	const gcwork *w = &m->gcw;
	size_t held = (w->wbuf1 ? w->wbuf1->nobj : 0) + (w->wbuf2 ? w->wbuf2->nobj : 0);
	if (held == 0)
		return;
	uintptr_t obj = w->wbuf1 && w->wbuf1->nobj ? w->wbuf1->obj[0] : w->wbuf2->obj[0];
	span *s = mheap_span_of(&h->mh, obj);
	uint32_t idx = span_obj_index(s, obj);
	snprintf(why, n,
		 "mutator %d holds %zu grey objects (%llu greyed, not yet counted), the first %#lx: class %u, index %u, "
		 "freeindex %u, published to %u, span sweepgen %u, heap %u, black_sg %u; mutator allocblack %d",
		 (int)m->id, held, (unsigned long long)w->greyed, (unsigned long)obj, spc_sizeclass(s->spc), idx,
		 span_freeindex(s), __atomic_load_n(&s->pubfree, __ATOMIC_RELAXED), atomic_load(&s->sweepgen),
		 atomic_load(&h->mh.sweepgen), atomic_load(&h->world.black_sg), (int)m->allocblack);
}
