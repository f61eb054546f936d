/*
 * mcentral.c — the central free lists of one span class (Go's mcentral.go).
 *
 * Each mcentral keeps its spans in four lists: partial (has free objects) and
 * full (none), each twice, indexed by sweepgen: partial[sg/2 % 2] holds the
 * swept spans and partial[1 - sg/2 % 2] the unswept ones, so bumping
 * h->sweepgen by 2 turns every swept list into an unswept one at once, with no
 * walk over the spans (the same for full).
 *
 * Invariants: a span is in at most one list, and its `list` field says which;
 * a span in no list is owned by whoever holds it (an mcache, a sweeper, the
 * allocator of a large object). A span popped from an unswept list is swept by
 * the popper, who first moves its sweepgen from sg-2 to sg-1. Lists are guarded
 * by the mcentral's lock; the lock is never held while sweeping or calling
 * into mheap.
 */
#include "alloc.h"

static inline unsigned gen_index(uint32_t sg, bool swept) { return swept ? (sg / 2) % 2 : 1 - (sg / 2) % 2; }

static void list_push(span **head, span *s)
{
	s->prev = NULL;
	s->next = *head;
	if (*head)
		(*head)->prev = s;
	*head = s;
}

static void list_unlink(span **head, span *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		*head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static span **list_head(mcentral *c, uint8_t list)
{
	switch (list) {
	case LIST_PARTIAL0: return &c->partial[0].first;
	case LIST_PARTIAL1: return &c->partial[1].first;
	case LIST_FULL0: return &c->full[0].first;
	default: return &c->full[1].first;
	}
}

static span *pop(mcentral *c, bool partial, unsigned idx)
{
	uint8_t list = (uint8_t)(partial ? LIST_PARTIAL0 + idx : LIST_FULL0 + idx);
	span **head = list_head(c, list);
	span *s = *head;
	if (s) {
		tc_assert(s->list == list);
		list_unlink(head, s);
		s->list = LIST_NONE;
	}
	return s;
}

static span *take(mcentral *c, bool partial, unsigned idx)
{
	lock(&c->lock);
	span *s = pop(c, partial, idx);
	unlock(&c->lock);
	return s;
}

void tc__mcentral_init(mcentral *c, spanclass spc)
{
	lock_init(&c->lock, LR_MCENTRAL);
	c->spc = spc;
	c->partial[0].first = c->partial[1].first = NULL;
	c->full[0].first = c->full[1].first = NULL;
}

void tc__mcentral_push(mcentral *c, mheap *h, span *s, bool swept)
{
	/* The list is chosen by the generation the span was swept for, not by
	 * the heap's: if sweepgen moved on meanwhile (the collector bumps it
	 * without stopping the world), the span lands in what is now the
	 * unswept list, and is swept again with the marks it has to be. */
	uint32_t ssg = atomic_load(&s->sweepgen);
	bool partial = s->allocCount < s->nelems;
	unsigned idx = swept ? gen_index(ssg, true) : gen_index(atomic_load(&h->sweepgen), false);
	uint8_t list = (uint8_t)(partial ? LIST_PARTIAL0 + idx : LIST_FULL0 + idx);
	tc_assert(s->list == LIST_NONE && s->spc == c->spc);
	tc_assert(!swept || ssg == atomic_load(&h->sweepgen) || ssg + 2 == atomic_load(&h->sweepgen));
	lock(&c->lock);
	s->list = list;
	list_push(list_head(c, list), s);
	unlock(&c->lock);
}

void tc__mcentral_remove(mcentral *c, span *s)
{
	lock(&c->lock);
	if (s->list != LIST_NONE) {
		list_unlink(list_head(c, s->list), s);
		s->list = LIST_NONE;
	}
	unlock(&c->lock);
}

/* Prepare a span for an mcache: allocCache at freeindex. */
static span *have_span(span *s)
{
	tc__span_refill_alloc_cache(s, s->freeindex / 64);
	s->allocCache >>= s->freeindex % 64;
	return s;
}

/* Make a span just taken from a list ours and swept for the heap's current
 * generation. The collector bumps sweepgen without stopping the world, so
 * the list a span came from may have turned from unswept into swept (or
 * the other way) between reading sweepgen and taking it: decide by the
 * span's own sweepgen, read again. */
static void claim(mheap *h, span *s)
{
	for (;;) {
		uint32_t sg = atomic_load(&h->sweepgen), ssg = atomic_load(&s->sweepgen);
		if (ssg == sg)
			return; /* swept for now */
		tc_assert(ssg == sg - 2); /* a listed span is never being swept */
		if (tc__span_try_acquire_sweep(h, s)) {
			tc__span_sweep(h, s, true, NULL);
			return;
		}
	}
}

span *tc__mcentral_cache_span(mcentral *c, mheap *h)
{
	/* Swept partial spans first, then up to REFILL_SWEEP_MAX unswept ones,
	 * partial before full (as Go does), before a fresh span. */
	static const struct {
		bool partial, swept;
	} order[] = {{true, true}, {true, false}, {false, false}};
	int budget = REFILL_SWEEP_MAX;
	span *s;
	for (unsigned k = 0; k < sizeof order / sizeof order[0]; k++) {
		while ((order[k].swept || budget > 0) &&
		       (s = take(c, order[k].partial, gen_index(atomic_load(&h->sweepgen), order[k].swept))) != NULL) {
			budget -= !order[k].swept;
			claim(h, s);
			if (s->allocCount < s->nelems)
				return have_span(s);
			tc__mcentral_push(c, h, s, true); /* full once swept */
		}
	}

	unsigned sc = spc_sizeclass(c->spc);
	s = tc__mheap_alloc_span(h, tc_class_to_npages[sc], c->spc);
	if (s == NULL)
		return NULL;
	return have_span(s);
}

void tc__mcentral_uncache_span(mcentral *c, mheap *h, span *s)
{
	uint32_t sg = atomic_load(&h->sweepgen);
	uint32_t ssg = atomic_load(&s->sweepgen);
	tc_chaos();
	if (ssg == sg + 1) {
		/* Cached before this sweep began: we sweep it now. */
		atomic_store(&s->sweepgen, sg - 1);
		tc__span_sweep(h, s, false, NULL);
		return;
	}
	atomic_store(&s->sweepgen, sg);
	tc__mcentral_push(c, h, s, true);
}

span *tc__mcentral_next_unswept(mcentral *c, mheap *h)
{
	for (;;) {
		uint32_t sg = atomic_load(&h->sweepgen);
		lock(&c->lock);
		span *s = pop(c, true, gen_index(sg, false));
		if (s == NULL)
			s = pop(c, false, gen_index(sg, false));
		unlock(&c->lock);
		if (s == NULL)
			return NULL;
		if (tc__span_try_acquire_sweep(h, s))
			return s;
		/* sweepgen moved on after it was read: the list taken from holds
		 * spans swept for the new generation. Put this one back. */
		tc_assert(atomic_load(&s->sweepgen) == atomic_load(&h->sweepgen));
		tc__mcentral_push(c, h, s, true);
	}
}
