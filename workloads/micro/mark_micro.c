/*
 * mark_micro — what the description of small objects costs the marker: the
 * same heap marked with each span's uniform pointer mask, and with the
 * per-object pointer bitmap.
 *
 *   mark_micro [--depth D] [--rounds R]   (default: 20, 9)
 *
 * Builds a complete binary tree of depth D (2^(D+1) - 1 nodes) twice over,
 * in two heaps (one thread is a mutator of each), for 16-byte nodes {left, right} and 48-byte nodes {left, key, right,
 * three data words} (which straddle bitmap words). In "uniform" every node
 * has one tc_type, so every span keeps its layout UNIFORM and the marker
 * reads the span's mask. In "mixed" every 64th allocation is, besides, an
 * unreachable array of two elements of half the node's size (which goes to
 * the same span: arrays share the mcache's first slot of the class), so
 * every span turns MIXED and the marker reads the bitmap: the same graph
 * and layout, only the description differs (and 1/64 more address spread).
 * Two node types of one size no longer make a span MIXED: each keeps a span
 * of its own (alloc/mcache.c). GOGC is off; each round times one tc_collect (a
 * full cycle: the mark dominates, the sweep finds nothing to free). Rounds
 * alternate between the two heaps so that machine noise hits both alike.
 * Prints, per node size and mode, the median ms per collection and ns per
 * marked node, and the ratio mixed/uniform.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "micro.h"
#include "tricolor.h"

typedef struct n16 {
	void *left, *right;
} n16;
typedef struct n48 {
	void *left;
	uint64_t key;
	void *right;
	uint64_t data[3];
} n48;

static const size_t off16[] = {0, 8}, off48[] = {0, 16};
static const size_t off0[] = {0};
static const tc_type t16a = {"n16a", sizeof(n16), off16, 2, NULL}, h16 = {"half16", sizeof(n16) / 2, off0, 1, NULL};
static const tc_type t48a = {"n48a", sizeof(n48), off48, 2, NULL}, h48 = {"half48", sizeof(n48) / 2, off0, 1, NULL};

typedef struct shape {
	const tc_type *ta, *half; /* the node; the element of mixed mode's arrays */
	size_t lo, ro; /* offsets of left and right */
} shape;

static void die(const char *what)
{
	fprintf(stderr, "mark_micro: %s: %s\n", what, tc_last_error() ? tc_last_error() : "failed");
	exit(1);
}

static size_t nalloc;

/* A tree of depth d into *slot (a rooted slot or a field of a rooted node). */
static void build(tc_mutator *m, const shape *sh, bool mixed, void **slot, int d)
{
	if (mixed && nalloc % 64 == 0 && tc_alloc_array(m, sh->half, 2) == NULL)
		die("tc_alloc_array");
	char *n = tc_alloc(m, sh->ta);
	if (n == NULL)
		die("tc_alloc");
	nalloc++;
	tc_write(m, slot, n);
	if (d == 0)
		return;
	build(m, sh, mixed, (void **)(n + sh->lo), d - 1);
	build(m, sh, mixed, (void **)(n + sh->ro), d - 1);
}

static long parse_num(const char *flag, const char *v)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || *end || n <= 0 || n > 30) {
		fprintf(stderr, "mark_micro: %s wants an integer from 1 to 30, got '%s'\n", flag, v);
		exit(2);
	}
	return n;
}

int main(int argc, char **argv)
{
	int depth = 20, rounds = 9;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--depth") && i + 1 < argc)
			depth = (int)parse_num("--depth", argv[++i]);
		else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = (int)parse_num("--rounds", argv[++i]);
		else {
			fprintf(stderr, "mark_micro: unknown argument '%s'\nusage: mark_micro [--depth D] [--rounds R]\n",
				argv[i]);
			return 2;
		}
	}
	static const shape shapes[] = {{&t16a, &h16, 0, 8}, {&t48a, &h48, 0, 16}};
	printf("%6s %8s %9s %10s %12s %8s\n", "node", "mode", "nodes", "ms/cycle", "ns/node", "vs_unif");
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		tc_config cfg;
		if (tc_config_init(&cfg) != 0)
			die("tc_config_init");
		cfg.gogc = -1;
		tc_heap *h[2];
		tc_mutator *m[2];
		void *root[2] = {NULL, NULL};
		size_t nodes = 0;
		for (int mode = 0; mode < 2; mode++) {
			if ((h[mode] = tc_heap_create(&cfg)) == NULL || (m[mode] = tc_mutator_attach(h[mode])) == NULL)
				die("tc_heap_create");
			tc_roots_push(m[mode], &root[mode], 1);
			nalloc = 0;
			build(m[mode], &shapes[k], mode == 1, &root[mode], depth);
			nodes = nalloc;
			tc_collect(m[mode]); /* settle */
		}
		double *t[2] = {calloc((size_t)rounds, sizeof(double)), calloc((size_t)rounds, sizeof(double))};
		for (int r = 0; r < rounds; r++)
			for (int mode = 0; mode < 2; mode++) {
				double t0 = now_ms();
				tc_collect(m[mode]);
				t[mode][r] = now_ms() - t0;
			}
		double med[2];
		for (int mode = 0; mode < 2; mode++) {
			qsort(t[mode], (size_t)rounds, sizeof(double), cmp_d);
			med[mode] = t[mode][rounds / 2];
			printf("%6zu %8s %9zu %10.2f %12.2f %8.3f\n", shapes[k].ta->size, mode ? "mixed" : "uniform", nodes,
			       med[mode], med[mode] * 1e6 / (double)nodes, med[mode] / med[0]);
			tc_roots_pop(m[mode]);
			tc_mutator_detach(m[mode]);
			tc_heap_destroy(h[mode]);
			free(t[mode]);
		}
	}
	return 0;
}
