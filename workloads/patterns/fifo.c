/*
 * fifo.c — a FIFO queue of fixed live size: each thread keeps a ring of
 * objects (16..512 bytes, noscan) totalling its share of --size MiB, and
 * pushes a new object at the head while the oldest dies at the tail, for
 * 16 × the ring's length. Every object lives exactly one trip round the
 * ring: the worst case for a generational guess, the plain case for a
 * non-moving mark-sweep. The ring itself is a heap array of pointers.
 * Checks: every object is stamped with its sequence number and checked as it
 * dies.
 */
#include <stdio.h>

#include "workloads.h"

typedef struct slot {
	void *p;
} slot;

WTYPE(slot_t, slot, offsetof(slot, p));

enum { ROUNDS = 16, MIN_OBJ = 16, MAX_OBJ = 512 };

typedef struct job {
	size_t len; /* ring slots */
	uint64_t seed;
	int bad;
} job;

static size_t obj_size(uint64_t seq) { return MIN_OBJ + (size_t)(seq * 2654435761u % (MAX_OBJ - MIN_OBJ + 1)) / 8 * 8; }

static void *fifo_thread(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	slot *ring = bk_alloc_array(t, &slot_t, j->len);
	uint64_t seq = 0, total = (uint64_t)j->len * ROUNDS;
	for (; seq < total; seq++) {
		size_t i = (size_t)(seq % j->len);
		void *old = ring[i].p;
		if (old != NULL) {
			uint64_t oseq = seq - j->len;
			if (!wl_stamp_ok(old, obj_size(oseq), oseq)) {
				fprintf(stderr, "tcbench: fifo: object %llu was damaged before it died\n",
					(unsigned long long)oseq);
				j->bad = 1;
				break;
			}
			bk_free(t, old, obj_size(oseq));
		}
		size_t size = obj_size(seq);
		void *p = bk_alloc_noscan(t, size);
		wl_stamp(p, size, seq);
		bk_write(t, &ring[i].p, p);
	}
	for (size_t i = 0; bk_manual && i < j->len; i++)
		bk_free(t, ring[i].p, 0);
	if (bk_manual)
		bk_free(t, ring, j->len * sizeof(slot));
	bk_detach(t);
	return NULL;
}

int fifo_run(const wargs *a)
{
	int n = a->threads < 1 ? 1 : a->threads > 64 ? 64 : a->threads;
	size_t len = (size_t)a->size * 1048576 / (size_t)n / ((MIN_OBJ + MAX_OBJ) / 2 + 8);
	if (len < 16)
		len = 16;
	job jobs[64];
	for (int i = 0; i < n; i++)
		jobs[i] = (job){.len = len, .seed = a->seed + (uint64_t)i, .bad = 0};
	bk_thread *t = bk_attach();
	wl_run_threads(t, n, fifo_thread, jobs, sizeof jobs[0]);
	bk_detach(t);
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad |= jobs[i].bad;
	fprintf(a->out, "fifo: %d thread(s) x %zu objects live, %d rounds, %s\n", n, len, ROUNDS, bad ? "WRONG" : "ok");
	return bad;
}
