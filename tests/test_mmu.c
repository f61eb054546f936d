/* Minimum mutator utilisation (base/mmu.c) on hand-computed cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "mmu.h"

#define MS 1000000ull

static void test_no_stall_is_full_utilisation(void **state)
{
	(void)state;
	assert_true(tc__mmu(NULL, 0, 0, 100 * MS, 10 * MS) == 1.0);
	tc__ival outside[] = {{200 * MS, 210 * MS}};
	assert_true(tc__mmu(outside, 1, 0, 100 * MS, 10 * MS) == 1.0);
}

static void test_one_stall(void **state)
{
	(void)state;
	/* 5 ms stalled in a 100 ms span. */
	tc__ival a[] = {{40 * MS, 45 * MS}};
	assert_float_equal(tc__mmu(a, 1, 0, 100 * MS, 1 * MS), 0.0, 1e-9);
	tc__ival b[] = {{40 * MS, 45 * MS}};
	assert_float_equal(tc__mmu(b, 1, 0, 100 * MS, 10 * MS), 0.5, 1e-9);
	tc__ival c[] = {{40 * MS, 45 * MS}};
	assert_float_equal(tc__mmu(c, 1, 0, 100 * MS, 100 * MS), 0.95, 1e-9);
	/* A window longer than the span is the span. */
	tc__ival d[] = {{40 * MS, 45 * MS}};
	assert_float_equal(tc__mmu(d, 1, 0, 100 * MS, 1000 * MS), 0.95, 1e-9);
}

static void test_nearby_stalls_share_a_window(void **state)
{
	(void)state;
	/* 2 ms, a 3 ms gap, 2 ms: a 10 ms window holds both (4 ms). */
	tc__ival a[] = {{52 * MS, 54 * MS}, {10 * MS, 11 * MS}, {47 * MS, 49 * MS}};
	assert_float_equal(tc__mmu(a, 3, 0, 100 * MS, 10 * MS), 0.6, 1e-9);
	/* A 6 ms window: the best is 2 ms stall + 3 ms gap + 1 ms of the next. */
	tc__ival b[] = {{52 * MS, 54 * MS}, {10 * MS, 11 * MS}, {47 * MS, 49 * MS}};
	assert_float_equal(tc__mmu(b, 3, 0, 100 * MS, 6 * MS), 0.5, 1e-9);
}

static void test_overlaps_merge_and_edges_clip(void **state)
{
	(void)state;
	/* Overlapping stalls count once: [10, 16) ms. */
	tc__ival a[] = {{10 * MS, 14 * MS}, {12 * MS, 16 * MS}, {11 * MS, 13 * MS}};
	assert_float_equal(tc__mmu(a, 3, 0, 100 * MS, 20 * MS), 0.7, 1e-9);
	/* A stall running past the span's end is clipped to it. */
	tc__ival b[] = {{95 * MS, 130 * MS}};
	assert_float_equal(tc__mmu(b, 1, 0, 100 * MS, 10 * MS), 0.5, 1e-9);
}

/* The running form against the batch one, on random stalls: short and
 * long ones, dense and sparse, and spans shorter and longer than the
 * windows; checked after every 97th stall and at the end, and at a "now"
 * past the last stall. */
static uint64_t rnd(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static void check_against_batch(tc__mmu_run *r, const tc__ival *all, size_t n, uint64_t now)
{
	tc__ival *copy = malloc((n ? n : 1) * sizeof *copy);
	assert_non_null(copy);
	for (int i = 0; i < TC__MMU_NW; i++) {
		for (size_t k = 0; k < n; k++)
			copy[k] = all[k];
		double batch = tc__mmu(copy, n, r->t0, now, r->w[i]);
		double run = tc__mmu_run_get(r, i, now);
		if (batch - run > 1e-9 || run - batch > 1e-9)
			fail_msg("MMU(%llu ns) after %zu stalls, now %llu: running %.9f, batch %.9f",
				 (unsigned long long)r->w[i], n, (unsigned long long)now, run, batch);
	}
	free(copy);
}

static void test_running_mmu_equals_batch(void **state)
{
	(void)state;
	static const uint64_t w[TC__MMU_NW] = {1 * MS, 10 * MS, 100 * MS};
	uint64_t x = 88172645463325252ull;
	for (int trial = 0; trial < 40; trial++) {
		size_t n = 1 + rnd(&x) % (trial < 20 ? 300 : 20000);
		tc__ival *all = malloc(n * sizeof *all);
		assert_non_null(all);
		tc__mmu_run r;
		tc__mmu_run_init(&r, trial % 3 == 0 ? 0 : 5 * MS, w);
		uint64_t t = r.t0 + rnd(&x) % (3 * MS);
		uint64_t maxlen = trial % 4 == 0 ? 5 * MS : trial % 4 == 1 ? 200000 : 20000, maxgap = trial % 5 == 0 ? 20 * MS : 300000;
		for (size_t k = 0; k < n; k++) {
			uint64_t gap = rnd(&x) % maxgap, len = 1 + rnd(&x) % maxlen;
			all[k] = (tc__ival){t + gap, t + gap + len};
			t = all[k].end;
			tc__mmu_run_add(&r, all[k].start, all[k].end);
			if (k % 97 == 0)
				check_against_batch(&r, all, k + 1, t);
		}
		check_against_batch(&r, all, n, t);
		check_against_batch(&r, all, n, t + rnd(&x) % (200 * MS));
		assert_int_equal(r.merged, 0);
		/* The ring held the widest window's stalls, not the run's. */
		if (n > 5000 && maxgap == 300000)
			assert_true(r.cap < n);
		tc__mmu_run_free(&r);
		free(all);
	}
}

/* One long stall early, then more stalls than the library's interval log
 * keeps: the running form still sees the early one. */
static void test_running_mmu_remembers_the_start(void **state)
{
	(void)state;
	static const uint64_t w[TC__MMU_NW] = {1 * MS, 10 * MS, 100 * MS};
	tc__mmu_run r;
	tc__mmu_run_init(&r, 0, w);
	tc__mmu_run_add(&r, 10 * MS, 15 * MS); /* 5 ms: MMU(1 ms) 0, MMU(10 ms) at most 0.5 */
	uint64_t t = 20 * MS;
	for (int k = 0; k < 100000; k++, t += 100000)
		tc__mmu_run_add(&r, t, t + 1000); /* 1 us stalls, 100 us apart */
	assert_float_equal(tc__mmu_run_get(&r, 0, t), 0.0, 1e-9);
	assert_float_equal(tc__mmu_run_get(&r, 1, t), 0.5 - 0.0001 * 5, 0.001);
	assert_true(r.cap <= 2048); /* 1,000 stalls in 100 ms */
	tc__mmu_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_stall_is_full_utilisation),
		cmocka_unit_test(test_one_stall),
		cmocka_unit_test(test_nearby_stalls_share_a_window),
		cmocka_unit_test(test_overlaps_merge_and_edges_clip),
		cmocka_unit_test(test_running_mmu_equals_batch),
		cmocka_unit_test(test_running_mmu_remembers_the_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
