/*
 * gcwork.c — grey object queues (Go's mgcwork.go).
 *
 * Grey objects are kept in workbufs of WORKBUF_N pointers. Each marker owns a
 * gcwork with two buffers (Go's wbuf1/wbuf2 hysteresis: a marker that
 * alternates between producing and consuming around a buffer boundary does
 * not ping-pong with the global lists). Full buffers go to the heap's global
 * full list, where idle markers take them; empty buffers are recycled through
 * the global empty list.
 *
 * Spans to scan (span-local marking, mark.c) wait in each marker's own
 * FIFO ring, spanq, so that a span gathers marks before it is scanned. The
 * ring is shared the way buffers are: when it is full, when others are idle
 * (tc__gcw_balance), and when the gcwork is disposed, its oldest spans go to
 * the global full list in a buffer of SPAN_ITEM entries, where any marker
 * (a worker, the controller, an assist) takes them. A marker takes work in
 * this order: its own buffers (objects, oblets: LIFO), its own spans (FIFO),
 * the global list.
 *
 * Invariants: a pointer is in at most one buffer or ring; the global lists
 * and the markers' idle count (nwait) change only under h->work.lock, and a
 * marker pushing a full buffer wakes one idle marker. Grey work is never
 * lost: a gcwork that stops being used hands its buffers and its spans to
 * the global list (tc__gcw_dispose) before anyone concludes that marking is
 * done. A mutator's gcwork may keep grey work between its assists, when
 * work.lock was taken as the assist ended (tc__gcw_dispose_try), as it
 * keeps what a full barrier buffer greyed: its greyed count is published at
 * once, and its next answer to a flush round hands the work over. Inside
 * an assist or a full buffer's flush a mutator's gcwork (nowait) never
 * waits for work.lock either: with the lock taken, a full buffer goes onto
 * its own kept list (taken back first, handed over by tc__gcw_dispose), an
 * empty one is malloc'd, a spare one freed, and the global list reads as
 * empty. Only a dispose (an answer, a detach) waits, since it must hand
 * everything over.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"

/* work.has_full follows work.full (work.lock held). */
static void note_full(tc_heap *h)
{
	atomic_store_explicit(&h->work.has_full, h->work.full != NULL, memory_order_relaxed);
}

/* work.lock for w: a gcwork that may not wait (a mutator's) only tries it,
 * unless it must hand its work over (tc__gcw_dispose). */
static bool work_lock(gcwork *w, bool must)
{
	if (must || !w->nowait) {
		lock(&w->h->work.lock);
		return true;
	}
	return lock_try(&w->h->work.lock);
}

/* Take the first buffer of one of the global lists (NULL if empty, or if
 * work.lock is taken and w may not wait). */
static workbuf *pop(gcwork *w, workbuf **list)
{
	if (!work_lock(w, false)) {
		w->missed = true;
		return NULL;
	}
	workbuf *b = *list;
	if (b)
		*list = b->next;
	note_full(w->h);
	unlock(&w->h->work.lock);
	return b;
}

static workbuf *getempty(gcwork *w)
{
	workbuf *b = pop(w, &w->h->work.empty);
	if (b == NULL) {
		b = malloc(sizeof *b);
		if (b == NULL) {
			/* Losing grey work would free live objects: stop here. */
			tc__fatal("out of memory for mark work buffers");
		}
	}
	b->nobj = 0;
	b->next = NULL;
	return b;
}

/* A full buffer to the global list; or, with work.lock taken and w not to
 * wait, onto w->kept, which its next takes use first and its dispose hands
 * over (the greyed count is published as the assist or flush ends, so no
 * flush round passes for clean meanwhile: tc__gcw_dispose_try). */
static void putfull(gcwork *w, workbuf *b, bool must)
{
	tc_heap *h = w->h;
	if (!work_lock(w, must)) {
		b->next = w->kept;
		w->kept = b;
		return;
	}
	b->next = h->work.full;
	h->work.full = b;
	note_full(h);
	if (h->work.nwait > 0)
		pthread_cond_signal(&h->work.workcv);
	if (h->work.nhungry > 0)
		pthread_cond_broadcast(&h->work.hungrycv);
	unlock(&h->work.lock);
}

static void putempty(gcwork *w, workbuf *b, bool must)
{
	if (!work_lock(w, must)) {
		free(b); /* a spare, not work: the lists make more when needed */
		return;
	}
	b->next = w->h->work.empty;
	w->h->work.empty = b;
	unlock(&w->h->work.lock);
}

void tc__gcw_init(gcwork *w, tc_heap *h)
{
	w->h = h;
	w->wbuf1 = w->wbuf2 = NULL;
	w->qhead = w->qtail = 0;
	w->cur = NULL;
	w->nnear = 0;
	w->bytes_marked = 0;
	w->greyed = 0;
	w->scan_bytes = 0;
	w->nowait = false;
	w->kept = NULL;
	w->missed = false;
}

void tc__gcw_put_slow(gcwork *w, uintptr_t obj)
{
	workbuf *b = w->wbuf1;
	if (b == NULL) {
		b = w->wbuf1 = getempty(w);
	} else if (b->nobj == WORKBUF_N) {
		w->wbuf1 = w->wbuf2;
		w->wbuf2 = b;
		b = w->wbuf1;
		if (b == NULL) {
			b = w->wbuf1 = getempty(w);
		} else if (b->nobj == WORKBUF_N) {
			putfull(w, b, false);
			b = w->wbuf1 = getempty(w);
		}
	}
	b->obj[b->nobj++] = obj;
}

static void spill(gcwork *w, uint32_t n, bool must)
{
	while (n > 0 && w->qtail != w->qhead) {
		workbuf *b = getempty(w);
		while (n > 0 && w->qtail != w->qhead && b->nobj < WORKBUF_N) {
			b->obj[b->nobj++] = w->spanq[w->qhead++ % SPANQ_N];
			n--;
		}
		putfull(w, b, must);
	}
}

void tc__gcw_spill(gcwork *w, uint32_t n) { spill(w, n, false); }

uintptr_t tc__gcw_tryget_slow(gcwork *w)
{
	workbuf *b = w->wbuf1;
	if (b == NULL || b->nobj == 0) {
		w->wbuf1 = w->wbuf2;
		w->wbuf2 = b;
		b = w->wbuf1;
		if ((b == NULL || b->nobj == 0) && w->qtail != w->qhead) {
			if (w->qtail - w->qhead > GCW_PREFETCH)
				__builtin_prefetch((void *)(w->spanq[(w->qhead + GCW_PREFETCH) % SPANQ_N] & ~SPAN_ITEM));
			return w->spanq[w->qhead++ % SPANQ_N];
		}
		if (b == NULL || b->nobj == 0) {
			workbuf *full = w->kept;
			if (full != NULL)
				w->kept = full->next;
			else
				full = pop(w, &w->h->work.full);
			if (full == NULL)
				return 0;
			if (b)
				putempty(w, b, false);
			b = w->wbuf1 = full;
		}
	}
	return b->obj[--b->nobj];
}

/* Share: when others are idle, give them the second buffer (Go's balance). */
void tc__gcw_balance(gcwork *w)
{
	/* Sharing is a courtesy: not worth a wait for work.lock, which an
	 * assist (a mutator) would otherwise sleep on. The next balance, 256
	 * objects on, tries again. */
	if (!lock_try(&w->h->work.lock))
		return;
	unlock(&w->h->work.lock);
	workbuf *b = w->wbuf2;
	if (w->qtail - w->qhead > 4) {
		tc__gcw_spill(w, (w->qtail - w->qhead) / 2); /* the oldest spans: they have gathered the most marks */
	} else if (b != NULL && b->nobj > 0) {
		w->wbuf2 = NULL;
		putfull(w, b, false);
	} else if (w->wbuf1 != NULL && w->wbuf1->nobj > 4) {
		/* Split wbuf1: hand over half of it. */
		workbuf *n = getempty(w);
		size_t half = w->wbuf1->nobj / 2;
		for (size_t i = 0; i < half; i++)
			n->obj[n->nobj++] = w->wbuf1->obj[--w->wbuf1->nobj];
		putfull(w, n, false);
	}
}

/* Publish what w has marked and greyed (the termination test reads
 * work.greyed: gc.c, handshake.c). */
static void publish_counts(gcwork *w)
{
	atomic_fetch_add_explicit(&w->h->work.bytes_marked, w->bytes_marked, memory_order_relaxed);
	atomic_fetch_add_explicit(&w->h->work.greyed, w->greyed, memory_order_release);
	w->bytes_marked = 0;
	w->greyed = 0;
}

/* Hand w's work to the global lists; unless must, a nowait gcwork keeps
 * what finds work.lock taken (its kept list, or its buffers). */
static void dispose(gcwork *w, bool must)
{
	while (w->kept != NULL) {
		workbuf *b = w->kept;
		w->kept = b->next;
		putfull(w, b, must); /* back onto kept if the lock is taken */
		if (w->kept == b)
			break;
	}
	workbuf *bs[2] = {w->wbuf1, w->wbuf2};
	w->wbuf1 = w->wbuf2 = NULL;
	for (int i = 0; i < 2; i++) {
		if (bs[i] == NULL)
			continue;
		if (bs[i]->nobj > 0)
			putfull(w, bs[i], must);
		else
			putempty(w, bs[i], must);
	}
	spill(w, SPANQ_N, must);
	tc_chaos();
	publish_counts(w);
}

bool tc__gcw_dispose_try(gcwork *w)
{
	if (!lock_try(&w->h->work.lock)) {
		publish_counts(w);
		return false;
	}
	unlock(&w->h->work.lock);
	dispose(w, false); /* the lock may be taken again meanwhile: what finds it so is kept */
	return true;
}

void tc__gcw_dispose(gcwork *w) { dispose(w, true); }

void tc__work_free_all(tc_heap *h)
{
	workbuf *lists[2] = {h->work.full, h->work.empty};
	for (int i = 0; i < 2; i++)
		for (workbuf *b = lists[i], *n; b; b = n) {
			n = b->next;
			free(b);
		}
	h->work.full = h->work.empty = NULL;
	note_full(h);
}
