/*
 * alloc_micro — ns per object of tricolor's allocator against jemalloc.
 *
 * For each size, R rounds; each round allocates N objects with no frees in
 * between (timed), writes one word into each (so both sides pay for the pages
 * they hand out), then releases everything untimed: jemalloc with dallocx,
 * tricolor with a sweep that finds no marks. So from the second round on both
 * allocators reuse memory they already hold. Rounds interleave the allocators
 * so that machine noise hits them alike; the figure is the median round.
 *
 *   tricolor   the allocator tier (mcache runs, refill, mheap), zeroing
 *              reused memory as tc_alloc must
 *   tc_alloc   the public API as an embedder calls it: tc_alloc of a
 *              pointer-free type of that size, through the header's inline
 *              fast path, on a heap with GOGC off; released by a tc_collect
 *              that finds nothing reachable (untimed)
 *   jemalloc   mallocx(size, 0): malloc, not zeroed
 *   je-zero    mallocx(size, MALLOCX_ZERO): calloc, the same contract as ours
 *   zero floor no allocator at all: the same bytes, in one buffer already
 *              resident, zeroed 64 objects at a time as tc_alloc zeroes a
 *              run, and the same word written into each. What the zeroing
 *              contract costs by itself (memory traffic: the bytes handed
 *              out are written twice over a round's working set), under
 *              tc_alloc's figure; tc_alloc minus it is the allocator's own.
 *
 * Usage: alloc_micro [--rounds R] [--bytes B] [--size S] [--csv FILE]
 *   --size S   run only object size S (for profiling one size)
 */
#include <errno.h>
#include <jemalloc/jemalloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "tricolor.h"

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void *tier_alloc(mcache *c, size_t size)
{
	span *s;
	void *p;
	if (size <= TC_MAX_SMALL_SIZE) {
		p = mcache_alloc_small(c, spc_make(sizeclass_of(size), SK_NOSCAN), &s); /* zeroed with its run */
	} else {
		p = tc__mcache_alloc_large(c, size, true, NULL, 0, &s);
		if (p != NULL && s->needzero)
			memset(p, 0, size);
	}
	return p;
}

static void tier_free_all(mheap *h, mcache *c)
{
	tc__mheap_start_sweep(h);
	tc__mcache_prepare_for_sweep(c);
	tc__mheap_sweep_all(h);
}

static void fail(const char *what)
{
	fprintf(stderr, "alloc_micro: %s: %s\n", what, tc_last_error() ? tc_last_error() : strerror(errno));
	exit(1);
}

static long parse_num(const char *flag, const char *v)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || *end || n <= 0) {
		fprintf(stderr, "alloc_micro: %s wants a positive integer, got '%s'\n", flag, v);
		exit(2);
	}
	return n;
}

int main(int argc, char **argv)
{
	int rounds = 11;
	size_t budget = (size_t)64 << 20;
	const char *csv = NULL;
	size_t only = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = (int)parse_num("--rounds", argv[++i]);
		else if (!strcmp(argv[i], "--bytes") && i + 1 < argc)
			budget = (size_t)parse_num("--bytes", argv[++i]);
		else if (!strcmp(argv[i], "--size") && i + 1 < argc)
			only = (size_t)parse_num("--size", argv[++i]);
		else if (!strcmp(argv[i], "--csv") && i + 1 < argc)
			csv = argv[++i];
		else {
			fprintf(stderr, "alloc_micro: unknown argument '%s'\nusage: alloc_micro [--rounds R] [--bytes B] [--size S] [--csv FILE]\n",
				argv[i]);
			return 2;
		}
	}
	static const size_t sizes[] = {16, 32, 64, 128, 256, 1024, 256 << 10};
	enum { NS = sizeof sizes / sizeof sizes[0] };
	FILE *out = NULL;
	if (csv && !(out = fopen(csv, "w")))
		fail(csv);
	if (out)
		fprintf(out, "size,objects,rounds,tricolor_ns,tc_alloc_ns,jemalloc_ns,je_zero_ns,ratio_vs_jemalloc,"
			     "ratio_vs_je_zero,tc_alloc_vs_jemalloc,zero_floor_ns,floor_vs_jemalloc\n");
	printf("%8s %9s %12s %12s %12s %12s %10s %10s %12s %12s %12s\n", "size", "objects", "tricolor ns", "tc_alloc ns",
	       "jemalloc ns", "je-zero ns", "tc/je", "tc/je-zero", "tc_alloc/je", "floor ns", "floor/je");

	mheap h;
	if (tc__mheap_init(&h) != 0)
		fail("tc__mheap_init");
	tc_config cfg;
	if (tc_config_init(&cfg) != 0)
		fail("tc_config_init");
	cfg.gogc = -1;
	tc_heap *th = tc_heap_create(&cfg);
	tc_mutator *tm = th ? tc_mutator_attach(th) : NULL;
	if (tm == NULL)
		fail("tc_heap_create");
	mcache c;
	tc__mcache_init(&c, &h);
	for (int k = 0; k < NS; k++) {
		size_t size = only ? only : sizes[k], n = budget / size;
		if (only && k > 0)
			break;
		if (n > 2000000)
			n = 2000000;
		void **v = malloc(n * sizeof *v); /* not a root: tc_collect frees the round's objects */
		char *floor_buf = malloc(n * size);
		if (v == NULL || floor_buf == NULL)
			fail("malloc");
		memset(floor_buf, 1, n * size); /* resident, as the allocators' reused memory is */
		const tc_type type = {"micro", size, NULL, 0, NULL};
		double *t[5];
		for (int a = 0; a < 5; a++)
			t[a] = calloc((size_t)rounds, sizeof(double));
		for (int r = 0; r < rounds; r++) {
			for (int a = 0; a < 5; a++) {
				double t0 = now_ns();
				for (size_t i = 0; i < n && a == 4; i++) {
					char *p = floor_buf + i * size;
					if (i % 64 == 0)
						memset(p, 0, (n - i < 64 ? n - i : 64) * size);
					*(volatile size_t *)p = i;
				}
				for (size_t i = 0; i < n && a < 4; i++) {
					void *p = a == 0   ? tier_alloc(&c, size)
						  : a == 3 ? tc_alloc(tm, &type)
							   : mallocx(size, a == 2 ? MALLOCX_ZERO : 0);
					if (p == NULL)
						fail("allocation");
					*(volatile size_t *)p = i;
					v[i] = p;
				}
				t[a][r] = (now_ns() - t0) / (double)n;
				if (a == 4)
					memset(floor_buf, 1, n * size); /* dirty again, untimed: the allocators zero reused memory */
				else if (a == 0)
					tier_free_all(&h, &c);
				else if (a == 3)
					tc_collect(tm);
				else
					for (size_t i = 0; i < n; i++)
						dallocx(v[i], 0);
			}
		}
		double med[5];
		for (int a = 0; a < 5; a++) {
			qsort(t[a], (size_t)rounds, sizeof(double), cmp_double);
			med[a] = t[a][rounds / 2];
			free(t[a]);
		}
		printf("%8zu %9zu %12.2f %12.2f %12.2f %12.2f %10.2f %10.2f %12.2f %12.2f %12.2f\n", size, n, med[0], med[3],
		       med[1], med[2], med[0] / med[1], med[0] / med[2], med[3] / med[1], med[4], med[4] / med[1]);
		if (out)
			fprintf(out, "%zu,%zu,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n", size, n, rounds, med[0], med[3],
				med[1], med[2], med[0] / med[1], med[0] / med[2], med[3] / med[1], med[4], med[4] / med[1]);
		free(v);
		free(floor_buf);
	}
	tc__mcache_release_all(&c);
	tc__mheap_destroy(&h);
	tc_mutator_detach(tm);
	tc_heap_destroy(th);
	if (out)
		fclose(out);
	return 0;
}
