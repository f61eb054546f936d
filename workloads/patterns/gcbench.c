/*
 * gcbench.c — GCBench (Ellis, Kovac, Boehm): a stretch tree of depth max+2,
 * then a long-lived tree of depth max and a long-lived array of 500,000
 * doubles, then for each depth d from 4 to max in steps of 2,
 * 2 × (2^(max+1) - 1) / (2^(d+1) - 1) trees built top-down (allocate, then
 * fill in children) and as many bottom-up, each dropped at once. The
 * original's max depth is 16 (--size).
 * Checks: every short-lived tree has 2^(d+1) - 1 nodes; at the end the
 * long-lived tree is whole and the array holds what was written.
 */
#include <stdio.h>

#include "workloads.h"

typedef struct gnode {
	struct gnode *left, *right;
	int64_t i, j;
} gnode;

WTYPE(gnode_t, gnode, offsetof(gnode, left), offsetof(gnode, right));

enum { MIN_DEPTH = 4, ARRAY = 500000 };

static long tree_size(int d) { return (1L << (d + 1)) - 1; }
static long num_iters(int d, int max) { return 2 * tree_size(max) / tree_size(d); }

/* Top-down: the parent exists first, and children are stored into it. */
static void populate(bk_thread *t, int depth, gnode *n)
{
	if (depth <= 0)
		return;
	bk_write(t, (void **)&n->left, bk_alloc(t, &gnode_t));
	bk_write(t, (void **)&n->right, bk_alloc(t, &gnode_t));
	populate(t, depth - 1, n->left);
	populate(t, depth - 1, n->right);
}

static gnode *make_tree(bk_thread *t, int depth)
{
	gnode *n = bk_alloc(t, &gnode_t);
	if (depth > 0) {
		bk_write_init(t, (void **)&n->left, make_tree(t, depth - 1)); /* n is only on this stack yet */
		bk_write_init(t, (void **)&n->right, make_tree(t, depth - 1));
	}
	return n;
}

static long count(bk_thread *t, const gnode *n, int depth)
{
	if ((depth & 7) == 6)
		bk_safepoint(t);
	return n == NULL ? 0 : 1 + count(t, n->left, depth - 1) + count(t, n->right, depth - 1);
}

static void drop(bk_thread *t, gnode *n)
{
	if (!bk_manual || n == NULL)
		return;
	drop(t, n->left);
	drop(t, n->right);
	bk_free(t, n, sizeof *n);
}

static int short_lived(bk_thread *t, int d, int max)
{
	long iters = num_iters(d, max);
	for (long i = 0; i < iters; i++) {
		gnode *a = bk_alloc(t, &gnode_t);
		populate(t, d, a);
		gnode *b = make_tree(t, d);
		if (count(t, a, d) != tree_size(d) || count(t, b, d) != tree_size(d)) {
			fprintf(stderr, "tcbench: gcbench: a tree of depth %d lost nodes\n", d);
			return 1;
		}
		drop(t, a);
		drop(t, b);
	}
	return 0;
}

int gcbench_run(const wargs *a)
{
	int max = (int)a->size;
	if (max < MIN_DEPTH || max > 24) {
		fprintf(stderr, "tcbench: gcbench: --size %ld: the maximum tree depth must be 4..24\n", a->size);
		return 2;
	}
	bk_thread *t = bk_attach();
	gnode *stretch = make_tree(t, max + 2);
	int bad = count(t, stretch, max + 2) != tree_size(max + 2);
	drop(t, stretch);
	stretch = NULL;

	static gnode *long_lived;
	static double *array;
	bk_root_add((void **)&long_lived, 1);
	bk_root_add((void **)&array, 1);
	bk_write(t, (void **)&long_lived, bk_alloc(t, &gnode_t));
	populate(t, max, long_lived);
	bk_write(t, (void **)&array, bk_alloc_noscan(t, ARRAY * sizeof(double)));
	for (int i = 0; i < ARRAY / 2; i++)
		array[i] = 1.0 / i;

	for (int d = MIN_DEPTH; d <= max && !bad; d += 2)
		bad = short_lived(t, d, max);

	if (count(t, long_lived, max) != tree_size(max) || array[1000] != 1.0 / 1000) {
		fprintf(stderr, "tcbench: gcbench: the long-lived tree or array is damaged\n");
		bad = 1;
	}
	fprintf(a->out, "gcbench: max depth %d, long-lived tree %ld nodes, %s\n", max, tree_size(max),
		bad ? "WRONG" : "ok");
	drop(t, long_lived);
	if (bk_manual)
		bk_free(t, array, ARRAY * sizeof(double));
	bk_write(t, (void **)&long_lived, NULL);
	bk_write(t, (void **)&array, NULL);
	bk_root_remove((void **)&long_lived);
	bk_root_remove((void **)&array);
	bk_detach(t);
	return bad;
}
