/*
 * pagealloc.c — free page runs, kept in a treap ordered by (npages, base).
 *
 * Go's page allocator (mpagealloc.go) keeps a radix tree of bitmap summaries;
 * before 1.14 it kept free spans in a treap (mgclarge.go). We keep the treap:
 * best-fit in O(log n) expected, ties broken toward the lowest address so the
 * heap stays compact, and coalescing is done by mheap.c through the page→span
 * map before a run is inserted, so the tree never holds two adjacent runs.
 *
 * Invariants: every node is a span in state SPAN_FREE; keys are unique (bases
 * differ); a node's prio is not greater than its parent's. All calls hold the
 * mheap lock.
 */
#include "alloc.h"

static int key_less(const span *a, const span *b)
{
	return a->npages < b->npages || (a->npages == b->npages && a->base < b->base);
}

static span *rot_right(span *t)
{
	span *l = t->tl;
	t->tl = l->tr;
	l->tr = t;
	return l;
}

static span *rot_left(span *t)
{
	span *r = t->tr;
	t->tr = r->tl;
	r->tl = t;
	return r;
}

static span *insert(span *t, span *n)
{
	if (t == NULL)
		return n;
	if (key_less(n, t)) {
		t->tl = insert(t->tl, n);
		if (t->tl->prio > t->prio)
			t = rot_right(t);
	} else {
		t->tr = insert(t->tr, n);
		if (t->tr->prio > t->prio)
			t = rot_left(t);
	}
	return t;
}

static span *remove_node(span *t, span *n)
{
	if (t == NULL)
		return NULL;
	if (t == n) {
		if (t->tl == NULL)
			return t->tr;
		if (t->tr == NULL)
			return t->tl;
		if (t->tl->prio > t->tr->prio) {
			t = rot_right(t);
			t->tr = remove_node(t->tr, n);
		} else {
			t = rot_left(t);
			t->tl = remove_node(t->tl, n);
		}
		return t;
	}
	if (key_less(n, t))
		t->tl = remove_node(t->tl, n);
	else
		t->tr = remove_node(t->tr, n);
	return t;
}

void tc__pagealloc_insert(mheap *h, span *run)
{
	/* xorshift32: priorities need only be independent of the keys. */
	uint32_t x = h->treeseed;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	h->treeseed = x;
	run->prio = x;
	run->tl = run->tr = NULL;
	h->freetree = insert(h->freetree, run);
	h->nfree_pages += run->npages;
}

void tc__pagealloc_remove(mheap *h, span *run)
{
	h->freetree = remove_node(h->freetree, run);
	run->tl = run->tr = NULL;
	h->nfree_pages -= run->npages;
}

span *tc__pagealloc_best_fit(mheap *h, size_t npages)
{
	span *best = NULL;
	for (span *t = h->freetree; t != NULL;) {
		if (t->npages >= npages) {
			best = t;
			t = t->tl;
		} else {
			t = t->tr;
		}
	}
	return best;
}

static void each(mheap *h, span *t, pagealloc_fn fn, void *arg)
{
	while (t != NULL) {
		each(h, t->tr, fn, arg); /* largest runs first */
		span *l = t->tl;
		fn(h, t, arg);
		t = l;
	}
}

void tc__pagealloc_each(mheap *h, pagealloc_fn fn, void *arg) { each(h, h->freetree, fn, arg); }
