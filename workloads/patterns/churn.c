/*
 * churn.c — a server-like workload: a long-lived cache of --size MiB, and
 * requests that build short-lived graphs (a 20-node list and a 1 KiB noscan
 * buffer) and, one in four, update a cache entry in place, so old objects
 * come to point at new ones. Each of --threads threads serves 200,000
 * requests against its own share of the cache (slot i belongs to thread
 * i % threads), so manual backends can free exactly where things die.
 * Checks: every request list sums right; at the end every cache entry holds
 * its own key and a payload stamped with it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workloads.h"

typedef struct rnode {
	struct rnode *next;
	uint64_t v;
} rnode;

typedef struct entry {
	uint64_t key;
	uint64_t *payload; /* PAYLOAD bytes, noscan, stamped with key */
	struct entry *older; /* the entry this one displaced last, kept one round */
	uint64_t updates;
} entry;

WTYPE(rnode_t, rnode, offsetof(rnode, next));
WTYPE(entry_t, entry, offsetof(entry, payload), offsetof(entry, older));

enum { PAYLOAD = 224, LIST = 20, REQUESTS = 200000 };

static entry **cache;
static size_t nslots;

static uint64_t *new_payload(bk_thread *t, uint64_t key)
{
	uint64_t *p = bk_alloc_noscan(t, PAYLOAD);
	for (size_t i = 0; i < PAYLOAD / 8; i++)
		p[i] = key ^ i;
	return p;
}

typedef struct job {
	int tid, nthreads;
	uint64_t seed;
	int bad;
} job;

static void *serve(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	uint64_t seed = j->seed;
	for (long r = 0; r < REQUESTS; r++) {
		rnode *head = NULL;
		for (int i = 0; i < LIST; i++) {
			rnode *n = bk_alloc(t, &rnode_t);
			n->v = (uint64_t)i;
			bk_write_init(t, (void **)&n->next, head);
			head = n;
		}
		char *buf = bk_alloc_noscan(t, 1024);
		buf[r % 1024] = 1;
		uint64_t sum = 0;
		bk_safepoint(t);
		for (rnode *n = head; n; n = n->next)
			sum += n->v;
		if (sum != LIST * (LIST - 1) / 2)
			j->bad = 1;
		if (wl_rand(&seed) % 4 == 0) {
			size_t i = (size_t)(wl_rand(&seed) % (nslots / (size_t)j->nthreads)) * (size_t)j->nthreads +
				   (size_t)j->tid;
			entry *e = cache[i];
			uint64_t *old = e->payload;
			bk_write(t, (void **)&e->payload, new_payload(t, e->key)); /* old object → new one */
			bk_free(t, old, PAYLOAD);
			e->updates++;
		}
		bk_free(t, buf, 1024);
		while (bk_manual && head) {
			rnode *n = head->next;
			bk_free(t, head, sizeof *head);
			head = n;
		}
	}
	bk_detach(t);
	return NULL;
}

int churn_run(const wargs *a)
{
	int n = a->threads < 1 ? 1 : a->threads > 64 ? 64 : a->threads;
	nslots = (size_t)a->size * 1048576 / (sizeof(entry) + PAYLOAD + 32);
	if (nslots < (size_t)n)
		nslots = (size_t)n;
	bk_thread *t = bk_attach();
	static entry **root;
	cache = calloc(nslots, sizeof(entry *)); /* a global root table, as a runtime's globals would be */
	if (cache == NULL)
		bk_die("churn: out of memory for %zu cache slots", nslots);
	bk_root_add((void **)cache, nslots);
	root = cache;
	for (size_t i = 0; i < nslots; i++) {
		entry *e = bk_alloc(t, &entry_t);
		e->key = i;
		bk_write(t, (void **)&e->payload, new_payload(t, i));
		bk_write(t, (void **)&cache[i], e);
	}
	job jobs[64];
	pthread_t th[64];
	bk_blocking_enter(t);
	for (int i = 0; i < n; i++) {
		jobs[i] = (job){.tid = i, .nthreads = n, .seed = a->seed * 7919 + (uint64_t)i + 1};
		if (pthread_create(&th[i], NULL, serve, &jobs[i]) != 0)
			bk_die("pthread_create failed");
	}
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	bk_blocking_leave(t);
	int status = 0;
	uint64_t updates = 0;
	for (int i = 0; i < n; i++)
		status |= jobs[i].bad;
	for (size_t i = 0; i < nslots; i++) {
		entry *e = cache[i];
		if (i % 1024 == 0)
			bk_safepoint(t);
		updates += e->updates;
		if (e->key != i || e->payload[0] != i || e->payload[PAYLOAD / 8 - 1] != (i ^ (PAYLOAD / 8 - 1))) {
			fprintf(stderr, "tcbench: churn: cache entry %zu is corrupt\n", i);
			status = 1;
			break;
		}
	}
	fprintf(a->out, "churn: %zu cache entries (%ld MiB), %d threads x %d requests, %llu cache updates\n", nslots,
		a->size, n, REQUESTS, (unsigned long long)updates);
	for (size_t i = 0; bk_manual && i < nslots; i++) {
		bk_free(t, cache[i]->payload, PAYLOAD);
		bk_free(t, cache[i], sizeof(entry));
	}
	bk_root_remove((void **)root);
	free(cache);
	bk_detach(t);
	return status;
}
