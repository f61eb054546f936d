/* Minimum mutator utilisation (base/mmu.c) on hand-computed cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_stall_is_full_utilisation),
		cmocka_unit_test(test_one_stall),
		cmocka_unit_test(test_nearby_stalls_share_a_window),
		cmocka_unit_test(test_overlaps_merge_and_edges_clip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
