/*
 * finalizers.c — objects with finalizers at a high rate (in the spirit of
 * Whippet's finalizers benchmark). Each thread allocates its share of
 * --size thousand objects, each with a finalizer and a stamped noscan
 * payload, and keeps the newest 1024 in a ring, so objects die a while after
 * they are made. Every finalizer checks that its object and payload are
 * intact and counts its object's run.
 *
 * Checks: no object is finalized twice, ever (the finalizer itself checks);
 * at the end, after the ring is dropped and collections run until nothing
 * more is due, every object was finalized, except at most a few that a stale
 * word on a conservatively scanned stack may keep (reported).
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "workloads.h"

typedef struct fobj {
	uint64_t seq;
	void *payload; /* PAYLOAD bytes, stamped with seq */
	uint64_t stamp; /* ~seq */
} fobj;

WTYPE(fobj_t, fobj, offsetof(fobj, payload));

typedef struct ring {
	void *p;
} ring;

WTYPE(ring_t, ring, offsetof(ring, p));

enum { RING = 1024, PAYLOAD = 48, SLACK = 64 };

static _Atomic uint8_t *runs; /* per object: finalizer runs */
static _Atomic uint64_t ran, twice, damaged;

static void fin(void *obj, void *arg)
{
	(void)arg;
	fobj *o = obj;
	if (o->stamp != ~o->seq || !wl_stamp_ok(o->payload, PAYLOAD, o->seq)) {
		atomic_fetch_add(&damaged, 1);
		return;
	}
	if (atomic_fetch_add(&runs[o->seq], 1) != 0)
		atomic_fetch_add(&twice, 1);
	atomic_fetch_add(&ran, 1);
}

typedef struct job {
	uint64_t first, n;
} job;

static void *fin_thread(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	ring *r = bk_alloc_array(t, &ring_t, RING);
	for (uint64_t i = 0; i < j->n; i++) {
		uint64_t seq = j->first + i;
		fobj *o = bk_alloc(t, &fobj_t);
		o->seq = seq;
		o->stamp = ~seq;
		void *p = bk_alloc_noscan(t, PAYLOAD);
		wl_stamp(p, PAYLOAD, seq);
		bk_write(t, &o->payload, p);
		bk_finalizer(t, o, fin, NULL);
		bk_write(t, &r[i % RING].p, o);
		if ((i & 1023) == 0)
			bk_run_finalizers(t); /* in manual mode this thread runs them; otherwise it helps */
	}
	for (size_t i = 0; i < RING; i++)
		bk_write(t, &r[i].p, NULL);
	bk_detach(t);
	return NULL;
}

int finalizers_run(const wargs *a)
{
	if (!bk_gc) {
		fprintf(stderr, "tcbench: finalizers: backend %s has no collector\n", bk_name);
		return 2;
	}
	int n = a->threads < 1 ? 1 : a->threads > 64 ? 64 : a->threads;
	uint64_t total = (uint64_t)a->size * 1000, per = total / (uint64_t)n;
	total = per * (uint64_t)n;
	runs = calloc(total, 1);
	if (runs == NULL)
		bk_die("finalizers: out of memory for %llu counters", (unsigned long long)total);
	job jobs[64];
	for (int i = 0; i < n; i++)
		jobs[i] = (job){(uint64_t)i * per, per};
	bk_thread *t = bk_attach();
	wl_run_threads(t, n, fin_thread, jobs, sizeof jobs[0]);
	/* Collect until nothing more comes due (a finalizer thread, if the
	 * backend has one, runs them meanwhile). */
	int extra = 0;
	for (uint64_t last = UINT64_MAX; extra < 50 && atomic_load(&ran) < total; extra++) {
		bk_collect(t);
		bk_run_finalizers(t);
		uint64_t now = atomic_load(&ran);
		if (now == last && extra > 8)
			break;
		last = now;
	}
	bk_detach(t);
	uint64_t missing = total - atomic_load(&ran);
	int bad = atomic_load(&twice) != 0 || atomic_load(&damaged) != 0 || missing > SLACK;
	fprintf(a->out, "finalizers: %d thread(s), %llu objects, %llu finalized (%llu never: kept by stale stack words), "
			"%llu twice, %llu damaged, %d collections after the last allocation, %s\n",
		n, (unsigned long long)total, (unsigned long long)atomic_load(&ran), (unsigned long long)missing,
		(unsigned long long)atomic_load(&twice), (unsigned long long)atomic_load(&damaged), extra,
		bad ? "WRONG" : "ok");
	free((void *)runs);
	return bad;
}
