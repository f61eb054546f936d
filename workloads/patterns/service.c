/*
 * service.c — a service loop timed from the application's side: what a
 * program feels of its collector, pauses, assists, waits and descheduled
 * peers alike.
 *
 * Each of --threads threads keeps a ring of sessions (together --size MiB of
 * live data) and, for --seconds, serves requests: each builds a 32-node list
 * and a 256-byte buffer into a new session and replaces the oldest session of
 * its ring with it. Every iteration is timed with the monotonic clock.
 *
 * Reported (one line on the workload's output): iterations per second, the
 * iteration time's p50/p99/p99.9/max, and the application-side MMU at 1, 10
 * and 100 ms: an iteration that takes more than 4 x the median is taken to
 * have been stalled for its excess over the median, ending when it ended,
 * and MMU(w) is the least share of any window w that no thread's iterations
 * were stalled in, the least over threads. Checks: every session holds its
 * own id in every node and its buffer, at the end.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "histogram.h"
#include "mmu.h"
#include "workloads.h"

enum { LIST = 32, BUF = 256, SLOW_NS = 8000 /* iterations kept for the MMU: at least this long */ };

typedef struct snode {
	struct snode *next;
	uint64_t id, k;
} snode;

typedef struct session {
	snode *list;
	uint64_t *buf; /* BUF bytes, noscan, stamped with id */
	uint64_t id;
} session;

WTYPE(snode_t, snode, offsetof(snode, next));
WTYPE(session_t, session, offsetof(session, list), offsetof(session, buf));

#define SESSION_BYTES (LIST * 32 + BUF + 32)

typedef struct job {
	size_t nsess;
	double seconds;
	session **ring;  /* a root range of nsess slots */
	timehist *hist;  /* iteration times */
	tc__ival *slow;  /* iterations of at least SLOW_NS: [start, end] since t0 */
	size_t nslow, capslow;
	uint64_t t0, iters;
	int tid;
	int bad;
} job;

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static session *new_session(bk_thread *t, uint64_t id)
{
	session *s = bk_alloc(t, &session_t);
	s->id = id;
	bk_write_init(t, (void **)&s->buf, bk_alloc_noscan(t, BUF)); /* s is only on this stack yet */
	wl_stamp(s->buf, BUF, id);
	for (int i = 0; i < LIST; i++) {
		snode *n = bk_alloc(t, &snode_t);
		n->id = id;
		n->k = (uint64_t)i;
		bk_write_init(t, (void **)&n->next, s->list);
		bk_write(t, (void **)&s->list, n); /* not NULL after the first: a plain tc_write */
	}
	return s;
}

static int session_ok(const session *s, uint64_t id)
{
	int n = 0;
	for (const snode *x = s->list; x; x = x->next, n++)
		if (x->id != id || x->k != (uint64_t)(LIST - 1 - n))
			return 0;
	return s->id == id && n == LIST && wl_stamp_ok(s->buf, BUF, id);
}

static void free_session(bk_thread *t, session *s)
{
	for (snode *x = s->list, *next; x; x = next) {
		next = x->next;
		bk_free(t, x, sizeof *x);
	}
	bk_free(t, s->buf, BUF);
	bk_free(t, s, sizeof *s);
}

static void *serve(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	uint64_t id = (uint64_t)j->tid << 40, end = j->t0 + (uint64_t)(j->seconds * 1e9);
	for (size_t i = 0; i < j->nsess; i++)
		bk_write(t, (void **)&j->ring[i], new_session(t, id++));
	uint64_t prev = now_ns();
	for (size_t slot = 0;; slot = slot + 1 == j->nsess ? 0 : slot + 1) {
		session *old = j->ring[slot];
		if (!session_ok(old, old->id))
			j->bad = 1;
		bk_write(t, (void **)&j->ring[slot], new_session(t, id++));
		if (bk_manual)
			free_session(t, old);
		uint64_t now = now_ns(), d = now - prev;
		tc__hist_record(j->hist, d);
		if (d >= SLOW_NS) {
			if (j->nslow == j->capslow) {
				j->capslow = j->capslow ? 2 * j->capslow : 4096;
				j->slow = realloc(j->slow, j->capslow * sizeof *j->slow);
				if (j->slow == NULL)
					bk_die("service: out of memory for the iteration log");
			}
			j->slow[j->nslow++] = (tc__ival){prev - j->t0, now - j->t0};
		}
		j->iters++;
		prev = now;
		if (now >= end)
			break;
	}
	for (size_t i = 0; i < j->nsess; i++)
		if (!session_ok(j->ring[i], j->ring[i]->id))
			j->bad = 1;
	bk_detach(t);
	return NULL;
}

int service_run(const wargs *a)
{
	int n = a->threads < 1 ? 1 : a->threads > 64 ? 64 : a->threads;
	size_t nsess = (size_t)a->size * 1048576 / SESSION_BYTES / (size_t)n;
	if (nsess < 1)
		nsess = 1;
	static job jobs[64];
	session **rings = calloc((size_t)n * nsess, sizeof(session *)); /* global roots */
	timehist *hists = calloc((size_t)n, sizeof *hists);
	if (rings == NULL || hists == NULL)
		bk_die("service: out of memory for %zu sessions", (size_t)n * nsess);
	bk_root_add((void **)rings, (size_t)n * nsess);
	uint64_t t0 = now_ns();
	for (int i = 0; i < n; i++)
		jobs[i] = (job){.tid = i, .nsess = nsess, .seconds = a->seconds, .ring = rings + (size_t)i * nsess,
				.hist = &hists[i], .t0 = t0};
	bk_thread *t = bk_attach();
	wl_run_threads(t, n, serve, jobs, sizeof jobs[0]);
	double wall = (double)(now_ns() - t0) / 1e9;

	/* Iteration times over all threads; the median sets what "stalled" means. */
	timehist all;
	memset(&all, 0, sizeof all);
	uint64_t iters = 0;
	int status = 0;
	for (int i = 0; i < n; i++) {
		for (unsigned b = 0; b < HIST_BUCKETS; b++)
			all.counts[b] += atomic_load(&hists[i].counts[b]);
		all.count += atomic_load(&hists[i].count);
		all.max = atomic_load(&hists[i].max) > all.max ? atomic_load(&hists[i].max) : all.max;
		iters += jobs[i].iters;
		status |= jobs[i].bad;
	}
	uint64_t p50 = tc__hist_quantile(&all, 0.50), span = now_ns() - t0;
	double mmu[3] = {1, 1, 1};
	const uint64_t win[3] = {1000000, 10000000, 100000000};
	for (int i = 0; i < n; i++) {
		job *j = &jobs[i];
		size_t k = 0;
		for (size_t s = 0; s < j->nslow; s++) {
			uint64_t d = j->slow[s].end - j->slow[s].start;
			if (d > 4 * p50) /* the excess over a typical iteration, at its end */
				j->slow[k++] = (tc__ival){j->slow[s].end - (d - p50), j->slow[s].end};
		}
		for (int w = 0; w < 3; w++) {
			tc__ival *copy = malloc((k ? k : 1) * sizeof *copy);
			if (copy == NULL)
				bk_die("service: out of memory");
			memcpy(copy, j->slow, k * sizeof *copy);
			double u = tc__mmu(copy, k, 0, span, win[w]);
			mmu[w] = u < mmu[w] ? u : mmu[w];
			free(copy);
		}
		free(j->slow);
	}
	fprintf(a->out,
		"service: threads=%d live_mib=%ld seconds=%.2f iterations=%llu iter_per_s=%.0f p50_us=%.2f p99_us=%.1f "
		"p999_us=%.1f max_us=%.1f app_mmu_1ms=%.3f app_mmu_10ms=%.3f app_mmu_100ms=%.3f\n",
		n, a->size, wall, (unsigned long long)iters, (double)iters / wall, (double)p50 / 1e3,
		(double)tc__hist_quantile(&all, 0.99) / 1e3, (double)tc__hist_quantile(&all, 0.999) / 1e3,
		(double)all.max / 1e3, mmu[0], mmu[1], mmu[2]);
	if (status)
		fprintf(stderr, "tcbench: service: a session was corrupt\n");
	for (size_t i = 0; bk_manual && i < (size_t)n * nsess; i++)
		free_session(t, rings[i]);
	bk_root_remove((void **)rings);
	free(rings);
	free(hists);
	bk_detach(t);
	return status;
}
