/*
 * binarytrees.c — the Benchmarks Game's binary-trees: a stretch tree of
 * depth max+1, a long-lived tree of depth max, and for each depth d from 4 to
 * max in steps of 2, 2^(max-d+4) short-lived trees of depth d, each built
 * bottom-up, checked (node count) and dropped. Output matches the published
 * one line for line. --threads spreads the depths over threads, each its own
 * mutator; results print in depth order.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "workloads.h"

typedef struct tnode {
	struct tnode *left, *right;
} tnode;

WTYPE(tnode_t, tnode, offsetof(tnode, left), offsetof(tnode, right));

static tnode *bottom_up(bk_thread *t, int depth)
{
	tnode *n = bk_alloc(t, &tnode_t);
	if (depth > 0) {
		bk_write_init(t, (void **)&n->left, bottom_up(t, depth - 1)); /* n is only on this stack yet */
		bk_write_init(t, (void **)&n->right, bottom_up(t, depth - 1));
	}
	return n;
}

/* Node count. Polls a safepoint every 2^6-node subtree: a walk allocates
 * nothing, and a stop-the-world waits for every mutator. */
static long check(bk_thread *t, const tnode *n, int depth)
{
	if ((depth & 7) == 6)
		bk_safepoint(t);
	return n->left ? 1 + check(t, n->left, depth - 1) + check(t, n->right, depth - 1) : 1;
}

static void drop(bk_thread *t, tnode *n)
{
	if (!bk_manual || n == NULL)
		return;
	drop(t, n->left);
	drop(t, n->right);
	bk_free(t, n, sizeof *n);
}

enum { MIN_DEPTH = 4 };

typedef struct job {
	int depth, max_depth, tid, nthreads;
	long checks[64];
} job;

static void *depth_worker(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	for (int d = MIN_DEPTH, k = 0; d <= j->max_depth; d += 2, k++) {
		if (k % j->nthreads != j->tid)
			continue;
		long iterations = 1L << (j->max_depth - d + MIN_DEPTH), sum = 0;
		for (long i = 0; i < iterations; i++) {
			tnode *tree = bottom_up(t, d);
			sum += check(t, tree, d);
			drop(t, tree);
		}
		j->checks[k] = sum;
	}
	bk_detach(t);
	return NULL;
}

int binarytrees_run(const wargs *a)
{
	int max_depth = (int)a->size < MIN_DEPTH + 2 ? MIN_DEPTH + 2 : (int)a->size;
	if (max_depth > 30) {
		fprintf(stderr, "tcbench: binary-trees: --size %ld is too deep (at most 30)\n", a->size);
		return 2;
	}
	bk_thread *t = bk_attach();
	tnode *stretch = bottom_up(t, max_depth + 1);
	fprintf(a->out, "stretch tree of depth %d\t check: %ld\n", max_depth + 1, check(t, stretch, max_depth + 1));
	drop(t, stretch);
	stretch = NULL;

	static tnode *long_lived;
	bk_root_add((void **)&long_lived, 1);
	bk_write(t, (void **)&long_lived, bottom_up(t, max_depth));

	int n = a->threads < 1 ? 1 : a->threads > 64 ? 64 : a->threads;
	job jobs[64];
	pthread_t th[64];
	bk_blocking_enter(t); /* the main thread waits: it must not hold up a collection */
	for (int i = 0; i < n; i++) {
		jobs[i] = (job){.max_depth = max_depth, .tid = i, .nthreads = n};
		if (pthread_create(&th[i], NULL, depth_worker, &jobs[i]) != 0)
			bk_die("pthread_create failed");
	}
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	bk_blocking_leave(t);

	int status = 0;
	for (int d = MIN_DEPTH, k = 0; d <= max_depth; d += 2, k++) {
		long iterations = 1L << (max_depth - d + MIN_DEPTH), sum = 0;
		for (int i = 0; i < n; i++)
			sum += jobs[i].checks[k];
		fprintf(a->out, "%ld\t trees of depth %d\t check: %ld\n", iterations, d, sum);
		if (sum != iterations * ((1L << (d + 1)) - 1)) {
			fprintf(stderr, "tcbench: binary-trees: wrong check %ld at depth %d\n", sum, d);
			status = 1;
		}
	}
	long ll = check(t, long_lived, max_depth);
	fprintf(a->out, "long lived tree of depth %d\t check: %ld\n", max_depth, ll);
	if (ll != (1L << (max_depth + 1)) - 1) {
		fprintf(stderr, "tcbench: binary-trees: long-lived tree check %ld is wrong\n", ll);
		status = 1;
	}
	drop(t, long_lived);
	bk_write(t, (void **)&long_lived, NULL);
	bk_root_remove((void **)&long_lived);
	bk_detach(t);
	return status;
}
