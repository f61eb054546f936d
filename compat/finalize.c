/*
 * finalize.c — libgc's finalizers, disappearing links and explicit roots on
 * tricolor (issue 15, part B; shim.h says what the shim is).
 *
 * Finalizers go to tricolor's own (gc/final.c): ordered (if A references B
 * and both are finalizable, A's runs first), a pointer from an object to
 * itself ignored, cycles of finalizable objects never finalized. That is
 * GC_register_finalizer_ignore_self's contract exactly. Plain
 * GC_register_finalizer differs from libgc only for an object that points
 * to itself (libgc never finalizes it; here it is finalized), and
 * GC_register_finalizer_no_order keeps the order (libgc's runs a finalizer
 * even while another finalizable object still reaches it; here it waits for
 * that one). Registering again replaces, and the old finalizer and its data
 * are handed back through ofn and ocd, as libgc does; fn NULL removes.
 *
 * They run as libgc runs them by default: on the allocating thread, at the
 * first allocation after the collection that found them due
 * (GC_finalize_on_demand == 0), or when the program calls
 * GC_invoke_finalizers. A finalizer that allocates does not run the others
 * re-entrantly.
 *
 * Disappearing links (GC_general_register_disappearing_link(link, obj)):
 * *link is cleared once obj is unreachable, before its finalizer keeps it
 * (libgc's "short" links). The controller clears them between the end of
 * the mark and the finalizers' marking (tc_heap.cleared_hook), while every
 * mutator still waits (stw_mark): no thread can read *link between obj's
 * death and the clearing. A link that lies in an object found dead is
 * dropped, unwritten. obj is kept in the table complemented, so the table
 * (malloc'd, never scanned anyway) could not keep it even if it were.
 *
 * GC_add_roots(lo, hi) adds [lo, hi) as a conservative root range;
 * GC_remove_roots(lo, hi) removes the ranges added that lie inside it.
 */
#include <stdlib.h>

#include "shim.h"

GC_API int GC_finalize_on_demand; /* libgc's variable: programs set it directly */
GC_API int GC_java_finalization = 1; /* accepted; tricolor's order is always the one used */

typedef struct dlink {
	void **link;
	uintptr_t hidden; /* ~obj */
} dlink;

static struct {
	dlink *v; /* under tc__shim.lock */
	size_t n, cap;
	struct range {
		uintptr_t lo, hi;
	} *roots;
	size_t nroots, caproots;
} L;

static SHIM_TLS int in_finalizers;
static _Atomic uint64_t fin_seen; /* fin.queued when the allocation path last ran them */

/* ---- finalizers ---- */

static void register_fin(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn, void **ocd,
			 const char *name)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	if (obj == NULL || GC_base(obj) != obj) {
		tc__shim_warn("GC_register_finalizer: %p is not the start of an object from GC_malloc; ignored\n", obj);
		return;
	}
	void (*old)(void *, void *);
	void *oarg;
	lock(&tc__shim.lock); /* get and replace as one step */
	bool had = tc__fin_get(m, obj, &old, &oarg);
	if (had)
		tc_set_finalizer(m, obj, NULL, NULL);
	if (fn != NULL && tc_set_finalizer(m, obj, fn, cd) != 0)
		tc__error("%s: %s", name, tc_last_error() ? tc_last_error() : "refused");
	unlock(&tc__shim.lock);
	if (ofn)
		*ofn = had ? old : NULL;
	if (ocd)
		*ocd = had ? oarg : NULL;
}

GC_API void GC_register_finalizer(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn, void **ocd)
{
	register_fin(obj, fn, cd, ofn, ocd, "GC_register_finalizer");
}

GC_API void GC_register_finalizer_ignore_self(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn,
					      void **ocd)
{
	register_fin(obj, fn, cd, ofn, ocd, "GC_register_finalizer_ignore_self");
}

GC_API void GC_register_finalizer_no_order(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn,
					   void **ocd)
{
	register_fin(obj, fn, cd, ofn, ocd, "GC_register_finalizer_no_order");
}

GC_API int GC_should_invoke_finalizers(void)
{
	if (tc__shim.h == NULL)
		return 0;
	uint64_t run = atomic_load(&tc__shim.h->fin.run);
	return atomic_load(&tc__shim.h->fin.queued) != run;
}

GC_API int GC_invoke_finalizers(void)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	if (in_finalizers)
		return 0;
	in_finalizers = 1;
	size_t n = tc_run_finalizers(m);
	in_finalizers = 0;
	return (int)n;
}

void tc__shim_maybe_finalize(void)
{
	uint64_t q = atomic_load_explicit(&tc__shim.h->fin.queued, memory_order_relaxed);
	if (__builtin_expect(q == atomic_load_explicit(&fin_seen, memory_order_relaxed), 1) || GC_finalize_on_demand)
		return;
	atomic_store_explicit(&fin_seen, q, memory_order_relaxed);
	GC_invoke_finalizers();
}

GC_API void GC_set_finalize_on_demand(int v) { GC_finalize_on_demand = v; }
GC_API int GC_get_finalize_on_demand(void) { return GC_finalize_on_demand; }
GC_API void GC_set_java_finalization(int v) { GC_java_finalization = v; }

/* ---- disappearing links ---- */

static dlink *find_link(void **link)
{
	for (size_t i = 0; i < L.n; i++)
		if (L.v[i].link == link)
			return &L.v[i];
	return NULL;
}

GC_API int GC_general_register_disappearing_link(void **link, const void *obj)
{
	SHIM_GUARD();
	tc__shim_self();
	if (link == NULL || ((uintptr_t)link & (TC_WORD - 1)) != 0) {
		tc__shim_warn("GC_general_register_disappearing_link: link %p is NULL or misaligned; ignored\n", link);
		return 2; /* GC_NO_MEMORY: libgc aborts here; we refuse */
	}
	if (obj == NULL || GC_base((void *)obj) != obj) {
		tc__shim_warn("GC_general_register_disappearing_link: %p is not the start of an object from GC_malloc; "
			      "ignored\n",
			      obj);
		return 2;
	}
	lock(&tc__shim.lock);
	if (find_link(link) != NULL) {
		unlock(&tc__shim.lock);
		return 1; /* GC_DUPLICATE */
	}
	if (L.n == L.cap) {
		size_t cap = L.cap ? 2 * L.cap : 64;
		dlink *v = realloc(L.v, cap * sizeof *v);
		if (v == NULL) {
			unlock(&tc__shim.lock);
			return 2; /* GC_NO_MEMORY */
		}
		L.v = v;
		L.cap = cap;
	}
	L.v[L.n++] = (dlink){link, ~(uintptr_t)obj};
	unlock(&tc__shim.lock);
	return 0; /* GC_SUCCESS */
}

GC_API int GC_register_disappearing_link(void **link)
{
	return GC_general_register_disappearing_link(link, GC_base(link));
}

GC_API int GC_unregister_disappearing_link(void **link)
{
	SHIM_GUARD();
	lock(&tc__shim.lock);
	dlink *d = find_link(link);
	if (d != NULL)
		*d = L.v[--L.n];
	unlock(&tc__shim.lock);
	return d != NULL;
}

static bool dead(tc_heap *h, uintptr_t p)
{
	span *s = mheap_span_of(&h->mh, p);
	return s != NULL && !span_marked(s, span_obj_index(s, p));
}

void tc__shim_clear_links(tc_heap *h, void *arg)
{
	(void)arg;
	lock(&tc__shim.lock);
	for (size_t i = 0; i < L.n;) {
		dlink *d = &L.v[i];
		if (dead(h, (uintptr_t)d->link)) { /* the link's own object died */
			*d = L.v[--L.n];
			continue;
		}
		if (dead(h, ~d->hidden)) {
			__atomic_store_n(d->link, NULL, __ATOMIC_RELAXED);
			*d = L.v[--L.n];
			continue;
		}
		i++;
	}
	unlock(&tc__shim.lock);
}

/* ---- explicit roots ---- */

GC_API void GC_add_roots(void *lo, void *hi)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	uintptr_t a = ((uintptr_t)lo + TC_WORD - 1) & ~(uintptr_t)(TC_WORD - 1), b = (uintptr_t)hi & ~(uintptr_t)(TC_WORD - 1);
	if (b <= a)
		return;
	lock(&tc__shim.lock);
	if (L.nroots == L.caproots) {
		size_t cap = L.caproots ? 2 * L.caproots : 16;
		struct range *r = realloc(L.roots, cap * sizeof *r);
		if (r == NULL) {
			unlock(&tc__shim.lock);
			tc__fatal("GC_add_roots: out of memory for the root table: [%p, %p) could not be a root", lo, hi);
		}
		L.roots = r;
		L.caproots = cap;
	}
	L.roots[L.nroots++] = (struct range){a, b};
	tc__root_add_cons(m->h, (void **)a, (b - a) / TC_WORD);
	unlock(&tc__shim.lock);
}

GC_API void GC_remove_roots(void *lo, void *hi)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	lock(&tc__shim.lock);
	for (size_t i = 0; i < L.nroots;) {
		if (L.roots[i].lo >= (uintptr_t)lo && L.roots[i].hi <= (uintptr_t)hi) {
			tc_root_remove(m->h, (void **)L.roots[i].lo);
			L.roots[i] = L.roots[--L.nroots];
			continue;
		}
		i++;
	}
	unlock(&tc__shim.lock);
}

GC_API void GC_clear_roots(void) { GC_remove_roots((void *)0, (void *)UINTPTR_MAX); }
