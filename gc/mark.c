/*
 * mark.c — tri-color marking (Go's mgcmark.go).
 *
 * White objects have a clear mark bit; grey ones have it set and sit in a
 * work buffer; black ones have it set and have been scanned. Marking greys
 * the roots, then markers pop grey objects and grey what they point to until
 * no grey object is left anywhere. No recursion: a ten-million-node list is
 * ten million pops, not ten million frames.
 *
 * Invariants:
 *  - grey_if_heap accepts any value: it greys only allocated objects of this
 *    heap, resolving interior pointers to the object start through the
 *    page→span map, and pushes an object only when it sets its mark bit, so
 *    each object is scanned at most once per cycle (oblets of a large object
 *    are separate work items).
 *  - Noscan objects are marked but never queued.
 *  - Marking is done when every marker is idle and the global full list is
 *    empty, decided under worklock (nwait == nmarkers).
 *  - bytes_marked adds up elemsize of every object marked: heap.live.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "gc.h"
#include "scan.h"
#include "barrier.h"

/* Grey the object holding p. `conservative`: p may point at a free slot
 * (a stale stack word); heap fields are precise and never do (Go's
 * greyobject checks isFree only for conservative roots). */
static inline __attribute__((always_inline)) void grey(gcwork *w, uintptr_t p, bool conservative)
{
	span *s = mheap_span_of(&w->h->mh, p);
	if (s == NULL)
		return;
	uint32_t idx = s->nelems == 1 ? 0 : span_obj_index(s, p);
	if (conservative && span_is_free(s, idx))
		return;
	if (!span_set_mark(s, idx))
		return;
	w->bytes_marked += s->elemsize;
	if (spc_kind(s->spc) != SK_NOSCAN) {
		uintptr_t obj = s->base + (uintptr_t)idx * s->elemsize;
		__builtin_prefetch((void *)obj); /* LIFO: it is scanned soon */
		gcw_put(w, obj);
	}
}

static inline __attribute__((always_inline)) void grey_val(uintptr_t p, void *ctx) { grey(ctx, p, false); }

bool grey_if_heap(gcwork *w, uintptr_t p)
{
	uint64_t before = w->bytes_marked;
	grey(w, p, true);
	return w->bytes_marked != before;
}

static void grey_cb(uintptr_t p, void *ctx) { grey(ctx, p, true); }

static void push_oblet(uintptr_t p, void *ctx) { gcw_put(ctx, p); }

void scan_object(gcwork *w, uintptr_t obj, span *s)
{
	scan_each(obj, s, grey_val, push_oblet, w);
	w->objs_scanned++;
}

static void drain(tc_heap *h, gcwork *w)
{
	uintptr_t obj;
	unsigned n = 0;
	while ((obj = gcw_tryget(w)) != 0) {
		span *s = mheap_span_of(&h->mh, obj);
		scan_object(w, obj, s);
		if ((++n & 255) == 0 && __atomic_load_n(&h->nwait, __ATOMIC_RELAXED) > 0)
			gcw_balance(w);
	}
}

static uint64_t thread_cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One marker's part: drain, then wait for work or for the end. */
static void mark_loop(tc_heap *h, gcwork *w)
{
	uint64_t cpu0 = thread_cpu_ns();
	for (;;) {
		drain(h, w);
		pthread_mutex_lock(&h->worklock);
		if (h->full) {
			pthread_mutex_unlock(&h->worklock);
			continue;
		}
		__atomic_store_n(&h->nwait, h->nwait + 1, __ATOMIC_RELAXED);
		if (h->nwait == h->nmarkers) {
			h->markdone = 1;
			pthread_cond_broadcast(&h->workcv);
			pthread_mutex_unlock(&h->worklock);
			break;
		}
		while (h->full == NULL && !h->markdone)
			pthread_cond_wait(&h->workcv, &h->worklock);
		if (h->markdone) {
			pthread_mutex_unlock(&h->worklock);
			break;
		}
		__atomic_store_n(&h->nwait, h->nwait - 1, __ATOMIC_RELAXED);
		pthread_mutex_unlock(&h->worklock);
	}
	atomic_fetch_add_explicit(&h->cpu_ns, thread_cpu_ns() - cpu0, memory_order_relaxed);
}

static void *worker_main(void *arg)
{
	tc_heap *h = arg;
	uint64_t gen = 0;
	pthread_mutex_lock(&h->worklock);
	for (;;) {
		while (h->markgen == gen && !h->shutdown)
			pthread_cond_wait(&h->startcv, &h->worklock);
		if (h->shutdown)
			break;
		gen = h->markgen;
		pthread_mutex_unlock(&h->worklock);
		gcwork w;
		gcw_init(&w, h);
		mark_loop(h, &w);
		gcw_dispose(&w);
		pthread_mutex_lock(&h->worklock);
		h->nexited++;
		pthread_cond_broadcast(&h->donecv);
	}
	pthread_mutex_unlock(&h->worklock);
	return NULL;
}

int mark_workers_start(tc_heap *h)
{
	if (h->workers != NULL)
		return 0;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int want = h->cfg.mark_workers > 0 ? h->cfg.mark_workers - 1 : (int)(ncpu > 1 ? ncpu - 1 : 0);
	h->workers = calloc((size_t)want + 1, sizeof(pthread_t));
	if (h->workers == NULL)
		return -1;
	for (int i = 0; i < want; i++) {
		if (pthread_create(&h->workers[i], NULL, worker_main, h) != 0)
			break; /* fewer helpers is slower, not wrong */
		h->nworkers++;
	}
	return 0;
}

void mark_workers_stop(tc_heap *h)
{
	if (h->workers == NULL)
		return;
	pthread_mutex_lock(&h->worklock);
	h->shutdown = 1;
	pthread_cond_broadcast(&h->startcv);
	pthread_mutex_unlock(&h->worklock);
	for (int i = 0; i < h->nworkers; i++)
		pthread_join(h->workers[i], NULL);
	free(h->workers);
	h->workers = NULL;
	h->nworkers = 0;
}

void mark_run(tc_heap *h, tc_mutator *self)
{
	mark_workers_start(h);
	pthread_mutex_lock(&h->worklock);
	h->markgen++;
	h->nmarkers = 1 + h->nworkers;
	h->nwait = 0;
	h->markdone = 0;
	h->nexited = 0;
	pthread_cond_broadcast(&h->startcv);
	pthread_mutex_unlock(&h->worklock);

	gcwork w;
	gcw_init(&w, h);
	roots_each(h, self, grey_cb, &w);
	mark_loop(h, &w);
	gcw_dispose(&w);

	pthread_mutex_lock(&h->worklock);
	while (h->nexited < h->nworkers)
		pthread_cond_wait(&h->donecv, &h->worklock);
	pthread_mutex_unlock(&h->worklock);
}


/* The barrier's view of the collector (barrier/barrier.h). */
bool barrier_enabled(const tc_mutator *m)
{
	return atomic_load_explicit(&m->h->phase, memory_order_relaxed) != GC_OFF;
}

/* The write barrier's slow path, while marking: shade the old and the new
 * value into the mutator's own gcwork. */
void barrier_shade(tc_mutator *m, void *old, void *val)
{
	grey(&m->gcw, (uintptr_t)old, true);
	grey(&m->gcw, (uintptr_t)val, true);
}
