/*
 * largemix.c — large objects among small ones: each thread keeps a table of
 * live objects (its share of --size MiB) and replaces a random one per step,
 * with a small object (16..1024 bytes) nine times in ten and a large one
 * (32 KiB..1 MiB, beyond the size classes) the tenth, for 32 × the table's
 * worth of allocation. Large objects go to the page heap; their memory is
 * returned and reused, so this is the scavenger's and the zeroing's test.
 * Checks: stamps on the first and last word of every object as it dies,
 * and of every survivor at the end. Every object is filled, as a program
 * fills its buffers (so every backend touches the pages it hands out).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workloads.h"

typedef struct lobj {
	size_t size;
	uint64_t key;
} lobj;

typedef struct slot {
	void *p;
} slot;

WTYPE(slot_t, slot, offsetof(slot, p));

enum { ROUNDS = 32 };

typedef struct job {
	size_t bytes; /* live bytes this thread keeps */
	uint64_t seed;
	int bad;
} job;

static size_t pick_size(uint64_t r)
{
	if (r % 10 == 9)
		return ((size_t)32 << 10) + (size_t)(r / 10 % ((1u << 20) - (32u << 10)));
	return 16 + (size_t)(r / 10 % 1009);
}

static void *largemix_thread(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	size_t avg = (9 * 520 + ((32u << 10) + (1u << 20)) / 2) / 10, n = j->bytes / avg + 1;
	slot *tab = bk_alloc_array(t, &slot_t, n); /* the pointers, in the heap */
	lobj *meta = calloc(n, sizeof *meta);    /* sizes and keys, outside it */
	if (meta == NULL)
		bk_die("largemix: out of memory");
	uint64_t seed = j->seed | 1, key = 0;
	for (uint64_t done = 0; done < (uint64_t)j->bytes * ROUNDS && !j->bad; key++) {
		size_t i = (size_t)(wl_rand(&seed) % n), size = pick_size(wl_rand(&seed));
		if (tab[i].p != NULL) {
			if (!wl_stamp_ok(tab[i].p, meta[i].size, meta[i].key)) {
				fprintf(stderr, "tcbench: largemix: a %zu-byte object was damaged\n", meta[i].size);
				j->bad = 1;
			}
			bk_free(t, tab[i].p, meta[i].size);
		}
		void *p = bk_alloc_noscan(t, size);
		memset(p, (int)(key & 0xff), size); /* a program fills its buffers */
		wl_stamp(p, size, key);
		bk_write(t, &tab[i].p, p);
		meta[i] = (lobj){size, key};
		done += size;
	}
	for (size_t i = 0; i < n; i++) {
		if (tab[i].p != NULL && !wl_stamp_ok(tab[i].p, meta[i].size, meta[i].key))
			j->bad = 1;
		if (bk_manual && tab[i].p != NULL)
			bk_free(t, tab[i].p, meta[i].size);
	}
	if (bk_manual)
		bk_free(t, tab, n * sizeof(slot));
	free(meta);
	bk_detach(t);
	return NULL;
}

int largemix_run(const wargs *a)
{
	int n = a->threads < 1 ? 1 : a->threads > 64 ? 64 : a->threads;
	job jobs[64];
	for (int i = 0; i < n; i++)
		jobs[i] = (job){.bytes = (size_t)a->size * 1048576 / (size_t)n, .seed = a->seed * 31 + (uint64_t)i};
	bk_thread *t = bk_attach();
	wl_run_threads(t, n, largemix_thread, jobs, sizeof jobs[0]);
	bk_detach(t);
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad |= jobs[i].bad;
	fprintf(a->out, "largemix: %d thread(s), %ld MiB live, %s\n", n, a->size, bad ? "WRONG" : "ok");
	return bad;
}
