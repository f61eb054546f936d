/*
 * mark.c — tri-color marking (Go's mgcmark.go).
 *
 * White objects have a clear mark bit; grey ones have it set and sit in a
 * work buffer; black ones have it set and have been scanned. Marking greys
 * the roots, then markers pop grey objects and grey what they point to until
 * no grey object is left anywhere. No recursion: a ten-million-node list is
 * ten million pops, not ten million frames.
 *
 * Span-local marking (after Go's Green Tea, mgcmark_greenteagc.go). For a
 * small object, greying sets its mark bit and queues its span, not the
 * object, unless the span is queued already; a marker that takes the span
 * scans, in address order, every object of it that is marked and not yet
 * scanned. Spans wait in FIFO order (gcwork.c), so a span gathers several
 * marks before its scan: the objects are near each other, and the span's
 * metadata is read once for all of them. Large objects and their oblets are
 * queued one by one, LIFO, as before.
 *
 * Why no object is left unscanned. Each span has scans bits beside its mark
 * bits and an owned flag. A greyer (1) sets the mark, then (2) tries to
 * acquire the span (span_try_acquire) and queues it if it did. A scanner
 * (a) releases the span (owned = UNOWNED), then (b) reads marks & ~scans and
 * claims those objects by setting their scans bits with one fetch_or per
 * word, scanning only the bits it set. All of these are sequentially
 * consistent. If (1) comes before (b), this scan takes the object. If (1)
 * comes after (b), then (2) comes after (a): the greyer finds the span
 * unowned, or owned by a later acquirer whose scan is still to come, and in
 * both cases a scan after (1) is queued. Two scanners of one span claim
 * disjoint objects (the fetch_or's old value). An object that a scan of
 * span s marks in s itself is not queued: the scanner keeps it (near[]) and
 * claims and scans it before the scan of s returns, so nothing waits on a
 * queue entry that was never made. When the span was acquired
 * with ONE mark and nobody marked it since, the scanner need only claim the
 * object the queue entry names (Go's fast track for sparse spans). Objects
 * allocated black have their scans bit set before their mark bit
 * (span_premark), so no scan takes them, and a slot allocated black but
 * never handed out is unmarked first, unscanned second.
 *
 * Invariants:
 *  - grey() accepts any value: it greys only allocated objects of this
 *    heap, resolving interior pointers to the object start through the
 *    page→span map, and queues an object (or its span) only when it sets
 *    its mark bit, so each object is scanned at most once per cycle (oblets
 *    of a large object are separate work items; an ephemeron whose key is
 *    marked is queued again, weak.c).
 *  - Noscan objects are marked but never queued.
 *  - Marking looks idle when the global full list is empty, every worker
 *    waits (nwait == nworkers) and no mutator is inside an assist
 *    (nassist == 0), decided under work.lock; it is done when a flush round
 *    that began idle greyed nothing (gc.c, handshake.c).
 *  - bytes_marked adds up elemsize of every object marked: heap.live.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gc.h"
#include "scan.h"
#include "barrier.h"

/* Grey the object holding p, in span s (mheap_span_of(p)). `conservative`:
 * p may point at a free slot (a stale stack word); heap fields are precise
 * and never do (Go's greyobject checks isFree only for conservative roots).
 * Returns whether p is an object (marked now or before), false for a free
 * one. */
static inline __attribute__((always_inline)) bool grey_in(gcwork *w, uintptr_t p, span *s, bool conservative)
{
	uint32_t idx = span_obj_index(s, p);
	if (conservative && span_is_free_published(s, idx))
		return false;
	if (!span_set_mark(s, idx))
		return true;
	w->bytes_marked += s->elemsize;
	w->greyed++;
	uintptr_t obj = span_obj_base(s, idx);
	if (spc_kind(s->spc) != SK_NOSCAN) {
		if (spc_sizeclass(s->spc) != 0) {
			if (s == w->cur && w->nnear < sizeof w->near / sizeof w->near[0])
				w->near[w->nnear++] = obj; /* the span this marker is scanning: next */
			else if (span_try_acquire(s))
				gcw_put_span(w, obj);
		} else {
			__builtin_prefetch((void *)obj); /* LIFO: it is scanned soon */
			gcw_put(w, obj);
		}
	}
	/* An ephemeron may wait for this key (weak.c). Sequentially
	 * consistent with the mark above (span_set_mark): either this load
	 * sees the waiting ephemeron's count, or its scanner sees this mark. */
	if (__builtin_expect(atomic_load(&w->h->weak.npending) != 0, 0))
		tc__ephe_key_marked(w, obj);
	return true;
}

/* The same for any value p: false for one that is no heap object. A value
 * inside the span this marker is scanning (w->cur, in use: it holds marked
 * objects, and no span is freed before the sweep) needs no page-map walk. */
static inline __attribute__((always_inline)) bool grey(gcwork *w, uintptr_t p, bool conservative)
{
	span *s = w->cur;
	if (s == NULL || p - s->base >= s->limit - s->base)
		s = mheap_span_of(&w->h->mh, p);
	return s != NULL && grey_in(w, p, s, conservative);
}

bool tc__grey(gcwork *w, uintptr_t p) { return grey(w, p, true); }

/* What a finalizer keeps: the object's referents, not the object itself
 * (then it would never be found unreachable), and not through a pointer into
 * itself (libgc's ignore_self: a self-reference would keep it for ever). */
typedef struct fieldsctx {
	gcwork *w;
	uintptr_t lo, hi;
} fieldsctx;

static void grey_not_self(uintptr_t p, void *ctx)
{
	fieldsctx *c = ctx;
	if (p < c->lo || p >= c->hi)
		grey(c->w, p, false);
}

static void grey_not_self_cons(uintptr_t p, void *ctx)
{
	fieldsctx *c = ctx;
	if (p < c->lo || p >= c->hi)
		grey(c->w, p, true);
}

static void ephe_not_self(uintptr_t e, void *ctx)
{
	tc__ephe_scan(((fieldsctx *)ctx)->w, e);
}

static const scanfns not_self_fns = {grey_not_self, grey_not_self_cons, NULL, ephe_not_self};

void tc__grey_fields(gcwork *w, uintptr_t p)
{
	span *s = mheap_span_of(&w->h->mh, p);
	if (s == NULL || spc_kind(s->spc) == SK_NOSCAN)
		return;
	uintptr_t base = span_obj_base(s, span_obj_index(s, p));
	fieldsctx c = {w, base, base + s->elemsize};
	scan_each(base, s, &not_self_fns, &c);
}

static inline __attribute__((always_inline)) void grey_val(uintptr_t p, void *ctx) { grey(ctx, p, false); }

void tc__grey_conservative(uintptr_t p, void *ctx) { grey(ctx, p, true); }

/* Verify mode: grey, and note in the mutator's snapshot each word the scan
 * took for an object. Not the words it skipped as free: a stale word that
 * aliases a slot allocated after the scan is no root, and the verifier must
 * not take it for one. */
typedef struct snapctx {
	gcwork *w;
	tc_mutator *m;
} snapctx;

static void grey_noted(uintptr_t p, void *ctx)
{
	snapctx *c = ctx;
	if (grey(c->w, p, true))
		tc__roots_note(c->m, p);
}

static void push_oblet(uintptr_t p, void *ctx) { gcw_put(ctx, p); }

static void ephe_val(uintptr_t e, void *ctx) { tc__ephe_scan(ctx, e); }

static inline __attribute__((always_inline)) void grey_cons(uintptr_t p, void *ctx) { grey(ctx, p, true); }

static const scanfns mark_fns = {grey_val, grey_cons, push_oblet, ephe_val};

static void scan_object(gcwork *w, uintptr_t obj, span *s)
{
	scan_each(obj, s, &mark_fns, w);
	w->scan_bytes += spc_sizeclass(s->spc) ? s->elemsize : MAX_OBLET_BYTES;
}

static void no_oblet(uintptr_t p, void *ctx)
{
	(void)p;
	(void)ctx;
}

static const scanfns rescan_fns = {grey_val, grey_cons, no_oblet, ephe_val};

/* Mostly-concurrent marking (dirty.c): scan again what s holds on the page
 * at pg, written since it may have been scanned: each allocated, marked
 * object that overlaps the page; of a large object, the page's words (a
 * conservative one) or the oblet holding the page. */
void tc__mark_rescan_page(gcwork *w, span *s, uintptr_t pg)
{
	uintptr_t end = pg + TC_PAGE_SIZE;
	if (spc_kind(s->spc) == SK_NOSCAN)
		return;
	if (spc_sizeclass(s->spc) == 0) {
		const tc_type *t = s->largetype;
		if (t == NULL || !span_marked(s, 0) || span_is_free_published(s, 0))
			return;
		uintptr_t size = t->size * s->largecount, lo = pg > s->base ? pg : s->base;
		uintptr_t hi = end < s->base + size ? end : s->base + size;
		if (lo >= hi)
			return;
		if (t == &tc__cons_type) {
			scan_cons_words(lo, hi, grey_cons, w);
			w->scan_bytes += hi - lo;
		} else {
			scan_each(s->base + (lo - s->base) / MAX_OBLET_BYTES * MAX_OBLET_BYTES, s, &rescan_fns, w);
			w->scan_bytes += MAX_OBLET_BYTES;
		}
		return;
	}
	uintptr_t lo = pg > s->base ? pg : s->base;
	if (lo >= s->limit)
		return;
	for (uint32_t i = span_obj_index(s, lo); i < s->nelems && span_obj_base(s, i) < end; i++)
		if (span_marked(s, i) && !span_is_free_published(s, i))
			scan_object(w, span_obj_base(s, i), s);
}

/* Scan what a span holds that is marked and not yet scanned (above). An
 * object of this span that the scan itself marks (a parent's children,
 * allocated next to it) is scanned at once, depth first, while the span is
 * in cache (near[]), instead of queueing the span again. Of the objects
 * waiting, the one nearest the last scanned goes next (up to NEAR_PICK of
 * them looked at): a tree allocated parent first, left before right, is
 * then scanned in address order, which the hardware prefetcher follows,
 * where the last pushed (the right child, far past the left subtree) made
 * every object's first load a cache miss; one allocated children first is
 * scanned in descending order. */
#define NEAR_PICK 16
static void scan_near(gcwork *w, span *s, uintptr_t last)
{
	while (w->nnear > 0) {
		uint32_t pick = w->nnear - 1;
		if (w->nnear <= NEAR_PICK) {
			uintptr_t best = w->near[pick] > last ? w->near[pick] - last : last - w->near[pick];
			for (uint32_t i = 0; i < pick; i++) {
				uintptr_t d = w->near[i] > last ? w->near[i] - last : last - w->near[i];
				if (d < best)
					best = d, pick = i;
			}
		}
		uintptr_t o = w->near[pick];
		w->near[pick] = w->near[--w->nnear];
		if (span_claim_scan(s, span_obj_index(s, o))) {
			scan_object(w, o, s);
			last = o;
		}
	}
}

/* A span scan of several objects keeps SCAN_PREFETCH of its claimed objects
 * in flight ahead of the one it scans. */
#define SCAN_PREFETCH 4
static void scan_span(gcwork *w, uintptr_t rep, span *s)
{
	w->cur = s;
	if (span_release(s) == SPANQ_ONE) {
		if (span_claim_scan(s, span_obj_index(s, rep)))
			scan_object(w, rep, s);
		scan_near(w, s, rep);
		w->cur = NULL;
		return;
	}
	for (uint32_t k = 0; k * 64 < s->nelems; k++) {
		uint64_t todo = __atomic_load_n(&s->gcmarkbits[k], __ATOMIC_SEQ_CST) &
				~__atomic_load_n(&s->scans[k], __ATOMIC_RELAXED);
		if (todo == 0)
			continue;
		todo &= ~__atomic_fetch_or(&s->scans[k], todo, __ATOMIC_SEQ_CST);
		uint64_t ahead = todo; /* claimed, not yet prefetched */
		for (unsigned i = 0; i < SCAN_PREFETCH && ahead != 0; i++, ahead &= ahead - 1)
			__builtin_prefetch((void *)span_obj_base(s, k * 64 + (uint32_t)__builtin_ctzll(ahead)));
		for (; todo != 0; todo &= todo - 1) {
			if (ahead != 0) {
				__builtin_prefetch((void *)span_obj_base(s, k * 64 + (uint32_t)__builtin_ctzll(ahead)));
				ahead &= ahead - 1;
			}
			uintptr_t o = span_obj_base(s, k * 64 + (uint32_t)__builtin_ctzll(todo));
			scan_object(w, o, s);
			scan_near(w, s, o);
		}
	}
	w->cur = NULL;
}

uint64_t tc__mark_drain(tc_heap *h, gcwork *w, uint64_t budget)
{
	uintptr_t obj;
	unsigned n = 0;
	uint64_t start = w->scan_bytes;
	while ((budget == 0 || w->scan_bytes - start < budget) && (obj = gcw_tryget(w)) != 0) {
		span *s = mheap_span_of(&h->mh, obj & ~SPAN_ITEM);
		tc_assert(s != NULL); /* grey work is heap objects (or oblets of them), or spans */
		tc_assert_expensive(span_marked(s, span_obj_index(s, obj & ~SPAN_ITEM))); /* and marked */
		if (obj & SPAN_ITEM)
			scan_span(w, obj & ~SPAN_ITEM, s);
		else
			scan_object(w, obj, s);
		if ((n & 63) == 0)
			tc_chaos();
		if ((++n & 255) == 0 && (__atomic_load_n(&h->work.nwait, __ATOMIC_RELAXED) > 0 ||
					 __atomic_load_n(&h->work.nhungry, __ATOMIC_RELAXED) > 0 ||
					 atomic_load_explicit(&h->work.hungry, memory_order_relaxed))) {
			atomic_store_explicit(&h->work.hungry, 0, memory_order_relaxed);
			tc__gcw_balance(w);
		}
	}
	atomic_fetch_add_explicit(&h->work.scan_done, w->scan_bytes - start, memory_order_relaxed);
	return w->scan_bytes - start;
}

/* A dedicated background worker (Go's gcBgMarkWorker in dedicated mode): for
 * each cycle, drain global work; when there is none, publish what it holds and
 * wait for more, until tc__mark_end. */
static void *worker_main(void *arg)
{
	tc_heap *h = arg;
	uint64_t gen = 0;
	int track = TRACK_WORKER0 - atomic_fetch_add(&h->work.worker_ids, 1);
	lock(&h->work.lock);
	for (;;) {
		while (h->work.markgen == gen && !h->work.shutdown)
			lock_wait(&h->work.startcv, &h->work.lock);
		if (h->work.shutdown)
			break;
		gen = h->work.markgen;
		unlock(&h->work.lock);
		gcwork w;
		tc__gcw_init(&w, h);
		uint64_t cpu0 = tc__thread_cpu_ns(), t0 = tc__now_ns();
		for (;;) {
			uint64_t done = tc__mark_drain(h, &w, 0);
			atomic_fetch_add_explicit(&h->pacer.bg_credit, (int64_t)done, memory_order_relaxed);
			tc__gcw_dispose(&w);
			lock(&h->work.lock);
			__atomic_store_n(&h->work.nwait, h->work.nwait + 1, __ATOMIC_RELAXED);
			pthread_cond_broadcast(&h->work.donecv); /* the controller watches for idleness */
			while (h->work.full == NULL && !h->work.markdone)
				lock_wait(&h->work.workcv, &h->work.lock);
			__atomic_store_n(&h->work.nwait, h->work.nwait - 1, __ATOMIC_RELAXED);
			bool over = h->work.markdone && h->work.full == NULL;
			unlock(&h->work.lock);
			if (over)
				break;
		}
		atomic_fetch_add_explicit(&h->obs.cpu_ns, tc__thread_cpu_ns() - cpu0, memory_order_relaxed);
		tc__trace_slice(h, t0, tc__now_ns(), track, TR_WORKER, gen);
		lock(&h->work.lock);
		h->work.nexited++;
		pthread_cond_broadcast(&h->work.donecv);
	}
	unlock(&h->work.lock);
	return NULL;
}

/* Go's startCycle: background marking aims at 25% of the CPUs, as whole
 * dedicated workers plus a fraction the controller runs itself. */
static int mark_workers_start(tc_heap *h)
{
	if (h->work.workers != NULL)
		return 0;
	double goal = 0.25 * (double)h->nprocs;
	int dedicated = h->cfg.mark_workers > 0 ? h->cfg.mark_workers : (int)goal;
	h->work.frac_goal = h->cfg.mark_workers > 0 ? 0 : goal - (double)dedicated;
	if (h->work.frac_goal < 0.05 && dedicated == 0)
		h->work.frac_goal = 0.25;
	h->work.workers = calloc((size_t)dedicated + 1, sizeof(pthread_t));
	if (h->work.workers == NULL)
		return -1;
	for (int i = 0; i < dedicated; i++) {
		if (pthread_create(&h->work.workers[i], NULL, worker_main, h) != 0)
			break; /* fewer workers is slower, not wrong: assists and the controller mark too */
		h->work.nworkers++;
	}
	return 0;
}

void tc__mark_workers_stop(tc_heap *h)
{
	if (h->work.workers == NULL)
		return;
	lock(&h->work.lock);
	h->work.shutdown = 1;
	pthread_cond_broadcast(&h->work.startcv);
	unlock(&h->work.lock);
	for (int i = 0; i < h->work.nworkers; i++)
		pthread_join(h->work.workers[i], NULL);
	free(h->work.workers);
	h->work.workers = NULL;
	h->work.nworkers = 0;
}

void tc__mark_begin(tc_heap *h)
{
	mark_workers_start(h);
	lock(&h->work.lock);
	h->work.markgen++;
	__atomic_store_n(&h->work.nwait, 0, __ATOMIC_RELAXED);
	h->work.markdone = 0;
	h->work.nexited = 0;
	pthread_cond_broadcast(&h->work.startcv);
	unlock(&h->work.lock);
}

void tc__mark_end(tc_heap *h)
{
	lock(&h->work.lock);
	h->work.markdone = 1;
	pthread_cond_broadcast(&h->work.workcv);
	pthread_cond_broadcast(&h->work.hungrycv);
	while (h->work.nexited < h->work.nworkers)
		lock_wait(&h->work.donecv, &h->work.lock);
	unlock(&h->work.lock);
}

bool tc__mark_idle(tc_heap *h)
{
	lock(&h->work.lock);
	bool idle = h->work.full == NULL && h->work.nwait == h->work.nworkers && atomic_load(&h->work.nassist) == 0;
	unlock(&h->work.lock);
	return idle;
}

void tc__mark_scan_roots(tc_heap *h, gcwork *w, tc_mutator *m)
{
	uint64_t bytes = 0;
	for (size_t i = 0; i < m->nframes; i++)
		bytes += m->frames[i].n * TC_WORD;
	if (h->cfg.stacks != TC_STACKS_PRECISE)
		bytes += REGS_N * TC_WORD + (m->stack_hi - atomic_load_explicit(&m->sp, memory_order_relaxed));
	atomic_fetch_add_explicit(&h->work.roots_bytes, bytes, memory_order_relaxed);
	if (!h->cfg.verify) {
		tc__roots_mutator(h, m, tc__grey_conservative, w);
		return;
	}
	m->snapn = 0;
	tc__roots_mutator(h, m, grey_noted, &(snapctx){w, m});
}

/* ---- the write barrier's slow path (barrier/barrier.h) ---- */

/* Shade the buffered old and new values into the mutator's own gcwork. */
/* The barrier's flush (barrier.h): the buffered values go into the
 * mutator's own grey work. Conservatively: a slot's old value may be a
 * pointer to an object that has since been freed and reused. */
void tc__gc_shade(tc_mutator *m, const uintptr_t *vals, size_t n)
{
	tc_heap *h = m->h;
	tc_assert(!h->world.releasing); /* nothing is greyed after the sweepgen bump */
	for (size_t i = 0; i < n; i++) {
		/* A span not yet swept for this generation (or being swept) exists
		 * only before every mutator has answered the barrier-on request:
		 * then nothing is black and no stack is scanned, so the shade is
		 * not owed, and marking in it would race with its sweep. */
		span *s = mheap_span_of(&h->mh, vals[i]);
		if (s == NULL)
			continue;
		uint32_t ssg = atomic_load_explicit(&s->sweepgen, memory_order_acquire);
		uint32_t sg = atomic_load_explicit(&h->mh.sweepgen, memory_order_relaxed);
		if (ssg != sg && ssg != sg + 3)
			continue;
#if defined(TC_DEBUG)
		uint64_t g0 = m->gcw.greyed;
#endif
		grey_in(&m->gcw, vals[i], s, true);
#if defined(TC_DEBUG)
		if (m->gcw.greyed != g0 && atomic_load_explicit(&h->work.complete, memory_order_relaxed))
			tc__fatal("barrier: mutator %d's buffer entry %zu of %zu, %#lx, was white after marking was "
				  "found complete (span sweepgen %u, heap %u)",
				  (int)m->id, i, n, (unsigned long)vals[i], ssg, sg);
#endif
	}
}

/* A barrier buffer that filled between safepoints. Its owner may have
 * answered the current flush round already, and another mutator's buffer,
 * not yet flushed, may hold the same white object: if this flush greys it
 * into the owner's gcwork, unseen, the other flush greys nothing and the
 * round passes for clean (work.greyed unchanged) with the object grey and
 * its referents white. So the flush runs inside work.nassist, as an assist
 * does (mark_idle is false meanwhile), and its greyed count is published
 * before nassist drops: a test that sees nassist == 0 sees the count
 * (ragged_flush reads mark_idle, then greyed). The grey objects stay in
 * the gcwork, published at the owner's next answer, which the changed
 * count makes the controller wait for. Found by the model
 * (verify/handshake.pml, MUT_FULL_FLUSH_UNCOUNTED from INIT=4). */
void tc__gc_shade_full(tc_mutator *m, const uintptr_t *vals, size_t n)
{
	tc_heap *h = m->h;
	atomic_fetch_add(&h->work.nassist, 1);
	tc_chaos();
	tc__gc_shade(m, vals, n);
	atomic_fetch_add(&h->work.greyed, m->gcw.greyed);
	m->gcw.greyed = 0;
	tc_chaos();
	atomic_fetch_sub(&h->work.nassist, 1);
}

/* ---- assists (Go's gcAssistAlloc) ---- */

/* Scan bytes per assist step: about 10 µs of marking on cache-missing
 * objects, the most an assist adds to a pause's time-to-safepoint. */
#define ASSIST_STEP ((uint64_t)8 << 10)
/* Past the hard goal an allocation's slow path marks at least this much
 * (about 80 µs), a bounded stall each time, instead of waiting for the
 * mark to end. */
#define HARD_ASSIST ((int64_t)64 << 10)

/* An assist found nothing to mark. Markers: share (mark_drain). A napping
 * controller: see whether marking is done (gc.c, mark_nap; sequentially
 * consistent with its napping flag and its look at hungry). */
static void say_hungry(tc_heap *h)
{
	atomic_store(&h->work.hungry, 1);
	if (atomic_load(&h->work.napping)) {
		/* Never wait for work.lock here: its holder may be off its CPU
		 * (on the service loop, two mutators on two CPUs slept on it up
		 * to 2.9 ms). Without the lock the broadcast may come before the
		 * controller waits, and its nap then runs out instead (NAP_MAX). */
		bool locked = lock_try(&h->work.lock);
		pthread_cond_broadcast(&h->work.donecv);
		if (locked)
			unlock(&h->work.lock);
	}
}

/* Scan up to debt bytes from m's own gcwork and the global lists, in steps
 * of ASSIST_STEP, giving way at once to a world stop or a handshake
 * request: a pause or a handshake must not wait for an assist to finish
 * (the caller answers it, alloc_poll; what is left of the debt is paid at
 * the next slow path). When it gave way to stops alone, a handshake could
 * wait for a whole HARD_ASSIST: binary-trees' longest handshake, 5 runs
 * against 5, 48 us (18-56) then, 25 us (11-35) now. While it holds grey
 * work the assist counts in work.nassist, so that the controller never
 * takes marking for idle meanwhile (mark_idle). Returns the bytes scanned,
 * credited to m. */
static uint64_t assist_drain(tc_mutator *m, int64_t debt)
{
	tc_heap *h = m->h;
	uint64_t t0 = tc__now_ns(), done = 0, step;
	atomic_fetch_add(&h->work.nassist, 1);
	m->gcw.missed = false;
	do {
		step = tc__mark_drain(h, &m->gcw, ASSIST_STEP);
		done += step;
	} while (step > 0 && (int64_t)done < debt && !mutator_poll_due(h, m));
#if defined(TC_DEBUG)
	if (done > 0 && atomic_load_explicit(&h->work.complete, memory_order_relaxed))
		tc__fatal("assist: mutator %d found grey work after marking was found complete", (int)m->id);
#endif
	/* Grey work left over goes to the global list, unless work.lock is
	 * taken: then the assist keeps it and goes on, its greyed count
	 * published before nassist drops, as a full barrier buffer's flush
	 * does (tc__gc_shade_full), so a flush round running meanwhile is not
	 * taken for clean; the mutator's next assist or answer hands the work
	 * on. On the service loop with two mutators, the assists' disposes
	 * slept on work.lock 370 times in 2 s, up to 2.2 ms, while its holder
	 * was off its CPU. */
	tc__gcw_dispose_try(&m->gcw);
	tc_chaos();
	atomic_fetch_sub(&h->work.nassist, 1);
	m->assist_credit += (int64_t)done;
	/* Nothing to do: forgive, rather than stall, and ask the markers to
	 * share. Not when the global list only looked empty because work.lock
	 * was taken (gcwork.c, nowait): the debt stays, paid at the next slow
	 * path. */
	if (done == 0 && !m->gcw.missed) {
		if (m->assist_credit < 0)
			m->assist_credit = 0;
		say_hungry(h);
	}
	tc__mutator_stall(m, t0, IV_ASSIST);
	return done;
}

/* A mutator that allocated more than its credit covers first takes credit
 * the background workers banked, then does the scan work itself. Below the
 * hard goal it never waits: with no grey work to take, it goes on (the
 * pacer's margin absorbs it). Past the hard goal it waits for work to take
 * (below). */
void tc__gc_assist(tc_mutator *m, bool hard)
{
	tc_heap *h = m->h;
	int64_t debt = -m->assist_credit;
	if (hard && debt < HARD_ASSIST)
		debt = HARD_ASSIST; /* past the hard goal: mark alongside, whatever the credit says */
	if (debt <= 0)
		return;
	if (limiter_on(h)) {
		m->assist_credit = 0; /* the GC CPU limiter is on: no assists (Go's limiter does the same) */
		return;
	}
	int64_t bg = hard ? 0 : atomic_load_explicit(&h->pacer.bg_credit, memory_order_relaxed);
	while (bg > 0) {
		int64_t take = bg < debt ? bg : debt;
		if (atomic_compare_exchange_weak(&h->pacer.bg_credit, &bg, bg - take)) {
			m->assist_credit += take;
			debt -= take;
			break;
		}
	}
	if (debt <= 0)
		return;
	/* No grey work to take: every grey object is in some marker's own
	 * queue. Below the hard goal, say so and go on, forgiven, without an
	 * assist that would find nothing: on binary-trees most of 350,000
	 * assists a run did, each taking work.lock, the clock and the
	 * interval log's lock. (has_full is a hint: a buffer pushed just now
	 * is taken at the next slow path.) */
	if (!hard && m->gcw.wbuf1 == NULL && m->gcw.wbuf2 == NULL && m->gcw.qhead == m->gcw.qtail &&
	    !atomic_load_explicit(&h->work.has_full, memory_order_relaxed)) {
		m->assist_credit = 0;
		say_hungry(h);
		return;
	}
	/* At most HARD_ASSIST bytes of scanning per call, so that one assist is
	 * a bounded stall: what is left stays owed, paid at the next slow path. */
	if (debt > HARD_ASSIST)
		debt = HARD_ASSIST;
	for (;;) {
		uint64_t done = assist_drain(m, debt);
		/* Past the hard goal with nothing to mark: the markers hold the
		 * rest, or the mark is ending. Only here does a mutator wait
		 * without a memory limit (the heap must not run away from a
		 * starved collector), and only until a marker shares its work
		 * (hungry, nhungry), then it marks alongside; or, when the mark
		 * has ended, until the cycle's mark is over. Waiting for the
		 * whole mark instead, binary-trees' mutator stalled 1-10 ms a
		 * cycle while one marker finished alone. */
		if (!hard || done > 0 || !tc__gc_wait_work(m))
			return;
	}
}
