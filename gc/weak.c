/*
 * weak.c — weak references and ephemerons (Go 1.24's weak.Pointer; the
 * ephemerons of JavaScript's WeakMap, Lua's weak-key tables and Whippet).
 *
 * Both are small header objects of the heap with internal types, so that a
 * handle handed back by the embedder can be checked, and both are recorded in
 * weakstate.objs, which the controller walks once per cycle after
 * termination (tc__weak_sweep):
 *
 *   tc_weak       [hdr][target]                 target is never traced
 *   tc_ephemeron  [hdr][key][value][link][kobj] value is traced only once
 *                                               key's object is marked
 *
 * Ephemerons (the marker, tc__ephe_scan). Scanning a marked ephemeron whose
 * key object is marked greys its value. If the key is white, the ephemeron
 * waits in a hash table by key object (link chains a bucket, kobj is the key
 * object's base); when grey() marks an object it looks the object up there,
 * but only while the table is not empty (one load of npending per mark), and
 * pushes every ephemeron waiting for it back on the marker's work list to be
 * scanned again. Each ephemeron is inserted and resolved at most once a
 * cycle, so chains (key -> value -> another ephemeron's key) cost time linear
 * in their length, not the quadratic of re-scanning every pending ephemeron
 * each time the grey set runs dry. A cycle through ephemerons only never
 * gets a key marked from outside, so it stays white: garbage. The race
 * between a scanner inserting for key K and a marker marking K is a Dekker
 * pair, both sides sequentially consistent: the scanner increments npending
 * then reads K's mark bit; the marker sets the bit then reads npending.
 * One of them sees the other, and whoever unlinks the ephemeron under elock
 * requeues it, exactly once. At termination every ephemeron still waiting
 * has a dead key.
 *
 * Readers while marking (tc_weak_get, tc_ephemeron_key/value). They are the
 * one way a mutator can obtain a pointer to a white object that no heap path
 * or stack holds, which the termination argument (handshake.c) does not
 * allow. So a reader whose own stack is already scanned and whose barrier is
 * on (m->allocblack and WB_MARKING: the bump cannot happen before its next
 * safepoint) shades what it returns, and publishes the shade at once
 * (gcw_dispose counts it in work.greyed), inside a gate: active += 1, then
 * a check that the gate is open. The controller closes the gate before it
 * tests a flush round for termination (block = 1, then waits for active to
 * drain), so a shade is either counted before the test or happens after it;
 * and after it, with marking complete, the reader does not shade but
 * answers from the mark bits: a white target is dead, NULL. A reader whose
 * stack is not scanned yet needs nothing: its scan, at its next safepoint,
 * finds what it got. A reader with its barrier off is outside marking: the
 * sweep already cleared every dead target, before the barrier-off handshake.
 * A marked target seen after completion is double-checked against the slot:
 * tc__fin_sweep marks a finalizable object after tc__weak_sweep cleared the
 * references to it, so a mark seen (seq_cst) implies the clear is visible.
 *
 * The protocol is in verify/handshake.pml (-DWEAK), whose names for this
 * file's state are wtarget (a tc_weak's target word), wactive
 * (weak.active) and wblock (weak.block); a change to the gate, the reader's
 * shade or the clearing pass changes the model in the same commit.
 *
 * Clearing (tc__weak_sweep, the controller, after termination and before the
 * barrier-off handshake, so before any span is swept with this cycle's
 * marks): a tc_weak or ephemeron that is itself white is dropped from the
 * record (sweep frees it); a live one whose target or key is white is
 * cleared, key and value together. The record is swapped out under the lock
 * and walked without it: mutators creating references meanwhile never wait
 * for the walk.
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static void no_trace(void *obj, tc_visit_fn visit, void *ctx)
{
	(void)obj;
	(void)visit;
	(void)ctx;
}

/* Their trace callbacks are never called for pointers: a tc_weak has none the
 * collector follows, and scan.h sends an ephemeron to tc__ephe_scan. */
const tc_type tc__weak_type = {"tc_weak", TC_WORD, NULL, 0, no_trace};
const tc_type tc__ephe_type = {"tc_ephemeron", 4 * TC_WORD, NULL, 0, no_trace};

enum { E_KEY = 0, E_VAL = 1, E_LINK = 2, E_KOBJ = 3 };

static inline uintptr_t *ew(uintptr_t e) { return (uintptr_t *)e; }
static inline uintptr_t ld(uintptr_t e, int i) { return __atomic_load_n(&ew(e)[i], __ATOMIC_ACQUIRE); }
static inline void st(uintptr_t e, int i, uintptr_t v) { __atomic_store_n(&ew(e)[i], v, __ATOMIC_SEQ_CST); }

void tc__weak_init(tc_heap *h)
{
	lock_init(&h->weak.lock, LR_WEAK);
	lock_init(&h->weak.elock, LR_EPHE);
}

void tc__weak_destroy(tc_heap *h)
{
	free(h->weak.objs);
	free(h->weak.buckets);
	lock_destroy(&h->weak.lock);
	lock_destroy(&h->weak.elock);
}

/* ---- the record ---- */

static int record(tc_heap *h, uintptr_t u, const char *fn)
{
	weakstate *ws = &h->weak;
	lock(&ws->lock);
	if (ws->n == ws->cap) {
		size_t cap = ws->cap ? 2 * ws->cap : 256;
		uintptr_t *n = realloc(ws->objs, cap * sizeof *n);
		if (n == NULL) {
			unlock(&ws->lock);
			tc__error("%s: out of memory for the record of weak references", fn);
			return -1;
		}
		ws->objs = n;
		ws->cap = cap;
	}
	ws->objs[ws->n++] = u;
	unlock(&ws->lock);
	return 0;
}

/* ---- the gate (readers against the termination test) ---- */

void tc__weak_gate_close(tc_heap *h)
{
	atomic_store(&h->weak.block, 1);
	tc_chaos();
	while (atomic_load(&h->weak.active) != 0)
		cpu_relax();
}

void tc__weak_gate_open(tc_heap *h) { atomic_store(&h->weak.block, 0); }

static void gate_enter(tc_mutator *m)
{
	tc_heap *h = m->h;
	uint64_t t0 = 0;
	for (;;) {
		atomic_fetch_add(&h->weak.active, 1);
		if (!atomic_load(&h->weak.block))
			break;
		atomic_fetch_sub(&h->weak.active, 1);
		if (t0 == 0)
			t0 = tc__now_ns();
		sched_yield(); /* the controller is testing a round: microseconds */
	}
	if (t0 != 0)
		tc__mutator_stall(m, t0, IV_WAIT);
}

static void gate_leave(tc_mutator *m) { atomic_fetch_sub(&m->h->weak.active, 1); }

static bool marked_sc(tc_heap *h, uintptr_t p)
{
	span *s = mheap_span_of(&h->mh, p);
	return s == NULL || span_marked_sc(s, span_obj_index(s, p));
}

/* Hand out the value of slot (word i of object u), or NULL if marking found
 * it dead; with also (the ephemeron's key, for its value) kept alive as well.
 * The caller is mutator_shading() and has loaded v != 0 from the slot. */
static uintptr_t read_marking(tc_mutator *m, uintptr_t u, int i, uintptr_t v, uintptr_t also)
{
	tc_heap *h = m->h;
	gate_enter(m);
	tc_chaos();
	if (atomic_load(&h->work.complete)) {
		uintptr_t k = also ? also : v;
		if (!marked_sc(h, k) || ld(u, i == E_VAL ? E_KEY : i) != k)
			v = 0;
	} else {
		uint64_t g0 = m->gcw.greyed;
		tc__grey(&m->gcw, v);
		if (also)
			tc__grey(&m->gcw, also);
		if (m->gcw.greyed != g0)
			tc__gcw_dispose(&m->gcw); /* counted in work.greyed before the gate opens again */
	}
	gate_leave(m);
	return v;
}

/* ---- tc_weak ---- */

static bool is_handle(tc_heap *h, const void *p, const tc_type *t, const char *fn, const char *what)
{
	span *s;
	uintptr_t base;
	if (tc__obj_check(h, p, fn, what, &s, &base) != 0)
		return false;
	if (spc_kind(s->spc) != SK_HDR || spc_sizeclass(s->spc) == 0 ||
	    hdr_type(__atomic_load_n((uintptr_t *)base, __ATOMIC_RELAXED)) != t) {
		tc__error("%s: %s %p is a heap object, but not a %s", fn, what, p, t->name);
		return false;
	}
	return true;
}

tc_weak *tc_weak_new(tc_mutator *m, void *obj)
{
	span *s;
	uintptr_t base;
	if (!tc__mutator_check(m, "tc_weak_new") || tc__obj_check(m->h, obj, "tc_weak_new", "obj", &s, &base) != 0)
		return NULL;
	uintptr_t u = (uintptr_t)tc_alloc(m, &tc__weak_type);
	if (u == 0)
		return NULL;
	st(u, 0, (uintptr_t)obj);
	if (record(m->h, u, "tc_weak_new") != 0)
		return NULL;
	return (tc_weak *)u;
}

void *tc_weak_get(tc_mutator *m, tc_weak *w)
{
	if (!tc__mutator_check(m, "tc_weak_get") || !is_handle(m->h, w, &tc__weak_type, "tc_weak_get", "weak reference"))
		return NULL;
	uintptr_t u = (uintptr_t)w, v = ld(u, 0);
	if (v == 0 || !mutator_shading(m))
		return (void *)v;
	return (void *)read_marking(m, u, 0, v, 0);
}

/* ---- tc_ephemeron ---- */

tc_ephemeron *tc_ephemeron_new(tc_mutator *m, void *key, void *value)
{
	span *s;
	uintptr_t base;
	if (!tc__mutator_check(m, "tc_ephemeron_new") ||
	    tc__obj_check(m->h, key, "tc_ephemeron_new", "key", &s, &base) != 0)
		return NULL;
	if (value != NULL && mheap_span_of(&m->h->mh, (uintptr_t)value) == NULL) {
		tc__error("tc_ephemeron_new: value %p is not in this heap", value);
		return NULL;
	}
	uintptr_t u = (uintptr_t)tc_alloc(m, &tc__ephe_type);
	if (u == 0)
		return NULL;
	st(u, E_KEY, (uintptr_t)key);
	st(u, E_VAL, (uintptr_t)value);
	/* Allocated black after the mutator's scan, the ephemeron is never
	 * scanned this cycle: its value is shaded now (it is reachable: the
	 * mutator holds it), so that a marked key never finds it white. */
	if (value != NULL && mutator_shading(m)) {
		uintptr_t v = (uintptr_t)value;
		tc__gc_shade(m, &v, 1);
	}
	if (record(m->h, u, "tc_ephemeron_new") != 0)
		return NULL;
	return (tc_ephemeron *)u;
}

void *tc_ephemeron_key(tc_mutator *m, tc_ephemeron *e)
{
	if (!tc__mutator_check(m, "tc_ephemeron_key") ||
	    !is_handle(m->h, e, &tc__ephe_type, "tc_ephemeron_key", "ephemeron"))
		return NULL;
	uintptr_t u = (uintptr_t)e, k = ld(u, E_KEY);
	if (k == 0 || !mutator_shading(m))
		return (void *)k;
	return (void *)read_marking(m, u, E_KEY, k, 0);
}

void *tc_ephemeron_value(tc_mutator *m, tc_ephemeron *e)
{
	if (!tc__mutator_check(m, "tc_ephemeron_value") ||
	    !is_handle(m->h, e, &tc__ephe_type, "tc_ephemeron_value", "ephemeron"))
		return NULL;
	uintptr_t u = (uintptr_t)e, k = ld(u, E_KEY);
	if (k == 0)
		return NULL;
	uintptr_t v = ld(u, E_VAL);
	if (v == 0 || !mutator_shading(m))
		return ld(u, E_KEY) ? (void *)v : NULL;
	return (void *)read_marking(m, u, E_VAL, v, k);
}

/* ---- marking ---- */

static size_t bucket_of(const weakstate *ws, uintptr_t k)
{
	return (size_t)((k >> 4) * 0x9E3779B97F4A7C15ull >> 20) & (ws->nbuckets - 1);
}

/* Grow the table to keep chains short (elock held). */
static void grow(weakstate *ws)
{
	size_t nb = ws->nbuckets ? 2 * ws->nbuckets : 1024;
	uintptr_t *b = calloc(nb, sizeof *b), *old = ws->buckets;
	if (b == NULL)
		return; /* longer chains: slower, not wrong */
	size_t ob = ws->nbuckets;
	ws->buckets = b;
	ws->nbuckets = nb;
	for (size_t i = 0; i < ob; i++)
		for (uintptr_t e = old[i], next; e; e = next) {
			next = ew(e)[E_LINK];
			size_t j = bucket_of(ws, ew(e)[E_KOBJ]);
			ew(e)[E_LINK] = b[j];
			b[j] = e;
		}
	free(old);
}

void tc__ephe_scan(gcwork *w, uintptr_t e)
{
	tc_heap *h = w->h;
	weakstate *ws = &h->weak;
	uintptr_t k = ld(e, E_KEY);
	if (k == 0)
		return;
	span *s = mheap_span_of(&h->mh, k);
	uint32_t idx = s ? span_obj_index(s, k) : 0;
	if (s == NULL || span_marked(s, idx)) {
		atomic_fetch_add_explicit(&ws->traced, 1, memory_order_relaxed);
		tc__grey(w, ld(e, E_VAL));
		return;
	}
	uintptr_t kobj = span_obj_base(s, idx);
	lock(&ws->elock);
	if (atomic_load_explicit(&ws->npending, memory_order_relaxed) >= ws->nbuckets)
		grow(ws);
	if (ws->nbuckets == 0) {
		unlock(&ws->elock);
		tc__fatal("ephemerons: out of memory for the table of ephemerons waiting for their keys");
	}
	size_t j = bucket_of(ws, kobj);
	ew(e)[E_KOBJ] = kobj;
	ew(e)[E_LINK] = ws->buckets[j];
	ws->buckets[j] = e;
	atomic_fetch_add(&ws->npending, 1);
	unlock(&ws->elock);
	tc_chaos();
	if (span_marked_sc(s, idx)) /* marked meanwhile: the marker may have missed us */
		tc__ephe_key_marked(w, kobj);
}

void tc__ephe_key_marked(gcwork *w, uintptr_t kobj)
{
	weakstate *ws = &w->h->weak;
	uintptr_t found = 0;
	lock(&ws->elock);
	if (ws->nbuckets != 0) {
		uintptr_t *pp = &ws->buckets[bucket_of(ws, kobj)];
		while (*pp) {
			uintptr_t e = *pp;
			if (ew(e)[E_KOBJ] == kobj) {
				*pp = ew(e)[E_LINK];
				ew(e)[E_LINK] = found;
				found = e;
				atomic_fetch_sub(&ws->npending, 1);
			} else {
				pp = &ew(e)[E_LINK];
			}
		}
	}
	unlock(&ws->elock);
	/* Scanned again, not recursed into: a long chain is a loop of pops. */
	for (uintptr_t e = found, next; e; e = next) {
		next = ew(e)[E_LINK];
		gcw_put(w, e - TC_WORD);
	}
}

/* ---- clearing, once per cycle ---- */

void tc__weak_sweep(tc_heap *h)
{
	weakstate *ws = &h->weak;
	lock(&ws->elock);
#if defined(TC_DEBUG)
	for (size_t i = 0; i < ws->nbuckets; i++)
		for (uintptr_t e = ws->buckets[i]; e; e = ew(e)[E_LINK])
			if (marked_sc(h, ew(e)[E_KOBJ]))
				tc__fatal("ephemerons: ephemeron %#lx still waits for key %#lx, which is marked, after marking "
					  "was found complete", (unsigned long)e, (unsigned long)ew(e)[E_KOBJ]);
#endif
	if (ws->nbuckets != 0)
		memset(ws->buckets, 0, ws->nbuckets * sizeof *ws->buckets);
	atomic_store(&ws->npending, 0);
	unlock(&ws->elock);

	lock(&ws->lock);
	uintptr_t *objs = ws->objs;
	size_t n = ws->n;
	ws->objs = NULL;
	ws->n = ws->cap = 0;
	unlock(&ws->lock);
	size_t keep = 0;
	uint64_t cleared = 0;
	for (size_t i = 0; i < n; i++) {
		uintptr_t u = objs[i];
		if (!marked_sc(h, u))
			continue; /* the handle itself is dead: sweep frees it */
		objs[keep++] = u;
		uintptr_t t = ld(u, 0);
		if (t == 0 || marked_sc(h, t))
			continue;
		if (hdr_type(ld(u - TC_WORD, 0)) == &tc__ephe_type)
			st(u, E_VAL, 0);
		st(u, 0, 0);
		cleared++;
	}
	atomic_fetch_add_explicit(&ws->cleared, cleared, memory_order_relaxed);
	/* Put the survivors back with whatever was created meanwhile. */
	lock(&ws->lock);
	if (keep + ws->n > n) {
		uintptr_t *bigger = realloc(objs, (keep + ws->n) * sizeof *objs);
		if (bigger == NULL) {
			unlock(&ws->lock);
			tc__fatal("weak references: out of memory for their record");
		}
		objs = bigger;
	}
	if (ws->n)
		memcpy(objs + keep, ws->objs, ws->n * sizeof *objs);
	free(ws->objs);
	ws->n += keep;
	ws->cap = n > ws->n ? n : ws->n;
	ws->objs = objs;
	unlock(&ws->lock);
}
