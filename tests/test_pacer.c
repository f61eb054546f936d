/* The pacer: goal and trigger arithmetic against hand-computed cases, policy
 * selection and its errors, the goal a real heap reports, and the per-cycle
 * CSV record. */
#define TC_GRAPH_HELPERS
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "gc.h"

#define MiB ((uint64_t)1 << 20)

static pacer_out run(const char *policy, int gogc, pacer_in in, pacer_state *st)
{
	pacer_out out;
	tc__pacer_compute(tc__pacer_lookup(policy), gogc, &in, st, &out);
	return out;
}

static void test_go_goal_counts_roots_and_has_a_floor(void **state)
{
	(void)state;
	pacer_state st = {0};
	pacer_out o = run("go", 100, (pacer_in){.marked = 100 * MiB, .roots = 10 * MiB}, &st);
	assert_int_equal(o.goal, 210 * MiB); /* 100 + (100 + 10) × 100% */
	o = run("go", 50, (pacer_in){.marked = 100 * MiB, .roots = 10 * MiB}, &st);
	assert_int_equal(o.goal, 155 * MiB);
	o = run("go", 100, (pacer_in){.marked = 1 * MiB}, &st);
	assert_int_equal(o.goal, 4 * MiB); /* the 4 MiB floor */
	o = run("go", -1, (pacer_in){.marked = 100 * MiB}, &st);
	assert_true(o.goal == UINT64_MAX && o.trigger == UINT64_MAX); /* GOGC=off */
}

static void test_go_trigger_from_cons_mark_within_bounds(void **state)
{
	(void)state;
	/* No cons/mark measured yet: no runway asked, trigger at the 0.95 bound. */
	pacer_state st = {0};
	pacer_out o = run("go", 100, (pacer_in){.marked = 100 * MiB}, &st);
	assert_int_equal(o.goal, 200 * MiB);
	assert_int_equal(o.trigger, 195 * MiB);

	/* 18 MiB allocated while scanning 70 MiB with 25% of the CPU:
	 * cons/mark = 18 × 0.25 / (70 × 0.75) = 3/35; runway = 3/35 × 0.7/0.3 ×
	 * 100 MiB = 20 MiB; trigger = 200 − 20 = 180 MiB (inside 170..195). */
	memset(&st, 0, sizeof st);
	pacer_in in = {.marked = 100 * MiB, .heap_trigger = 150 * MiB, .heap_end = 168 * MiB, .scan_work = 70 * MiB,
		       .mark_ns = 1000000, .procs = 2};
	o = run("go", 100, in, &st);
	assert_true(o.trigger > 180 * MiB - 4096 && o.trigger < 180 * MiB + 4096);

	/* A heavy allocator (cons/mark 1) wants more runway than the 0.70 bound. */
	in.heap_end = in.heap_trigger + 3 * in.scan_work;
	o = run("go", 100, in, &st);
	assert_int_equal(o.trigger, 100 * MiB + (uint64_t)(100.0 * MiB * 0.70));

	/* The estimate is the largest of the last four cycles: four light cycles
	 * later the heavy one is forgotten. */
	in.heap_end = in.heap_trigger + 18 * MiB;
	for (int i = 0; i < 3; i++)
		o = run("go", 100, in, &st);
	assert_int_equal(o.trigger, 170 * MiB);
	o = run("go", 100, in, &st);
	assert_true(o.trigger > 180 * MiB - 4096 && o.trigger < 180 * MiB + 4096);
}

static void test_fixed_policy(void **state)
{
	(void)state;
	pacer_state st = {0};
	pacer_out o = run("fixed", 100, (pacer_in){.marked = 100 * MiB, .roots = 10 * MiB}, &st);
	assert_int_equal(o.goal, 200 * MiB); /* no roots term */
	assert_int_equal(o.trigger, 175 * MiB);
}

/* A memory limit caps the goal at the limit less 1/32 (at least 1 MiB),
 * never below the marked heap, for every policy; the trigger follows the
 * capped goal; GOGC=off with a limit collects at the limit's goal. */
static void test_limit_caps_the_goal(void **state)
{
	(void)state;
	pacer_state st = {0};
	pacer_in in = {.marked = 100 * MiB, .limit = 160 * MiB};
	pacer_out o = run("go", 100, in, &st);
	assert_int_equal(o.goal, 155 * MiB); /* 160 - 5: not 200 */
	assert_int_equal(o.trigger, 100 * MiB + (uint64_t)(55.0 * MiB * 0.95));
	o = run("fixed", 100, in, &st);
	assert_int_equal(o.goal, 155 * MiB);
	assert_int_equal(o.trigger, 100 * MiB + 55 * MiB * 3 / 4);
	in.limit = 512 * MiB; /* far above: GOGC decides */
	assert_int_equal(run("go", 100, in, &st).goal, 200 * MiB);
	in.limit = 64 * MiB; /* below the marked heap: the goal is the marked heap */
	o = run("go", 100, in, &st);
	assert_true(o.goal == 100 * MiB && o.trigger == 100 * MiB);
	in = (pacer_in){.marked = 10 * MiB, .limit = 32 * MiB};
	o = run("go", -1, in, &st);
	assert_int_equal(o.goal, 31 * MiB); /* GOGC=off: the limit alone, less 1 MiB (1/32 of 32) */
	assert_true(o.trigger < o.goal && o.trigger >= 10 * MiB + (uint64_t)(21.0 * MiB * 0.70));
	in.limit = 16 * MiB; /* a small limit: the 1 MiB headroom */
	assert_int_equal(run("go", 100, in, &st).goal, 15 * MiB);
}

static void test_unknown_pacer_is_an_error_listing_the_known(void **state)
{
	(void)state;
	setenv("TRICOLOR_PACER", "membalancer", 1);
	tc_clear_error();
	assert_null(tc_heap_create(NULL));
	assert_non_null(strstr(tc_last_error(), "TRICOLOR_PACER=\"membalancer\""));
	assert_non_null(strstr(tc_last_error(), "go, fixed"));
	setenv("TRICOLOR_PACER", "fixed", 1);
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	assert_string_equal(c.pacer, "fixed");
	unsetenv("TRICOLOR_PACER");
	c.pacer = "nope";
	assert_null(tc_heap_create(&c));
	assert_non_null(strstr(tc_last_error(), "known: go, fixed"));
}

static void *keep[4096];

/* A real heap: after tc_collect the goal is marked + (marked + roots) ×
 * GOGC/100, roots being the 4096-slot global root table (precise heap, no
 * stacks); the per-cycle CSV has a row for every cycle. */
static void test_heap_goal_and_cycle_record(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, keep, 4096);
	for (int i = 0; i < 4096; i++)
		tc_write(m, &keep[i], tc_alloc_noscan(m, 2048)); /* 8 MiB live */
	for (int i = 0; i < 60000; i++)
		assert_non_null(tc_alloc_noscan(m, 1000)); /* 60 MB of garbage: several cycles of a 16 MiB goal */
	tc_collect(m);
	uint64_t live = metric(h, "heap.live.bytes");
	assert_int_equal(live, 4096 * 2048);
	assert_int_equal(metric(h, "heap.goal.bytes"), live + (live + 4096 * 8));
	uint64_t trig = metric(h, "heap.trigger.bytes");
	assert_true(trig >= live + (metric(h, "heap.goal.bytes") - live) * 7 / 10 - 1);
	assert_true(trig <= metric(h, "heap.goal.bytes"));

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(tc_cycles_write_csv(h, f), 0);
	fclose(f);
	uint64_t rows = 0;
	for (char *p = strchr(buf, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		unsigned long long cyc, trigger, goal, marked;
		double start;
		assert_int_equal(sscanf(p, "%llu,%lf,%llu,%llu,%*u,%*u,%llu", &cyc, &start, &trigger, &goal, &marked), 5);
		assert_int_equal(cyc, ++rows);
		assert_true(trigger <= goal);
	}
	assert_int_equal(rows, metric(h, "gc.cycles"));
	assert_true(rows >= 3);
	free(buf);
	tc_root_remove(h, keep);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_go_goal_counts_roots_and_has_a_floor),
		cmocka_unit_test(test_go_trigger_from_cons_mark_within_bounds),
		cmocka_unit_test(test_fixed_policy),
		cmocka_unit_test(test_limit_caps_the_goal),
		cmocka_unit_test(test_unknown_pacer_is_an_error_listing_the_known),
		cmocka_unit_test(test_heap_goal_and_cycle_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
