/* The pacer: goal and trigger arithmetic against hand-computed cases, policy
 * selection and its errors, the goal a real heap reports, and the per-cycle
 * CSV record. */
#define TC_GRAPH_HELPERS
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "gc.h"

#define MiB ((uint64_t)1 << 20)

static pacer_out run(const char *policy, int gogc, tc_pacer_cycle in, pacer_state *st)
{
	pacer_out out;
	tc__pacer_compute(tc__pacer_lookup(policy), gogc, &in, st, &out);
	return out;
}

static void test_go_goal_counts_roots_and_has_a_floor(void **state)
{
	(void)state;
	pacer_state st = {0};
	pacer_out o = run("go", 100, (tc_pacer_cycle){.marked_bytes = 100 * MiB, .roots_bytes = 10 * MiB}, &st);
	assert_int_equal(o.goal, 210 * MiB); /* 100 + (100 + 10) × 100% */
	o = run("go", 50, (tc_pacer_cycle){.marked_bytes = 100 * MiB, .roots_bytes = 10 * MiB}, &st);
	assert_int_equal(o.goal, 155 * MiB);
	o = run("go", 100, (tc_pacer_cycle){.marked_bytes = 1 * MiB}, &st);
	assert_int_equal(o.goal, 4 * MiB); /* the 4 MiB floor */
	o = run("go", -1, (tc_pacer_cycle){.marked_bytes = 100 * MiB}, &st);
	assert_true(o.goal == UINT64_MAX && o.trigger == UINT64_MAX); /* GOGC=off */
}

static void test_go_trigger_from_cons_mark_within_bounds(void **state)
{
	(void)state;
	/* No cons/mark measured yet: no runway asked, trigger at the 0.95 bound. */
	pacer_state st = {0};
	pacer_out o = run("go", 100, (tc_pacer_cycle){.marked_bytes = 100 * MiB}, &st);
	assert_int_equal(o.goal, 200 * MiB);
	assert_int_equal(o.trigger, 195 * MiB);

	/* 18 MiB allocated while scanning 70 MiB with 25% of the CPU:
	 * cons/mark = 18 × 0.25 / (70 × 0.75) = 3/35; runway = 3/35 × 0.7/0.3 ×
	 * 100 MiB = 20 MiB; trigger = 200 − 20 = 180 MiB (inside 170..195). */
	memset(&st, 0, sizeof st);
	tc_pacer_cycle in = {.marked_bytes = 100 * MiB,
			     .heap_at_trigger = 150 * MiB,
			     .heap_at_end = 168 * MiB,
			     .scan_bytes = 70 * MiB,
			     .mark_ns = 1000000,
			     .procs = 2};
	o = run("go", 100, in, &st);
	assert_true(o.trigger > 180 * MiB - 4096 && o.trigger < 180 * MiB + 4096);

	/* A heavy allocator (cons/mark 1) wants more runway than the 0.70 bound. */
	in.heap_at_end = in.heap_at_trigger + 3 * in.scan_bytes;
	o = run("go", 100, in, &st);
	assert_int_equal(o.trigger, 100 * MiB + (uint64_t)(100.0 * MiB * 0.70));

	/* The estimate is the largest of the last four cycles: four light cycles
	 * later the heavy one is forgotten. */
	in.heap_at_end = in.heap_at_trigger + 18 * MiB;
	for (int i = 0; i < 3; i++)
		o = run("go", 100, in, &st);
	assert_int_equal(o.trigger, 170 * MiB);
	o = run("go", 100, in, &st);
	assert_true(o.trigger > 180 * MiB - 4096 && o.trigger < 180 * MiB + 4096);
}

/* eager: go's goal; the trigger's floor falls from 0.70 to 0.30 of the
 * headroom as the share of the last mark run on an idle CPU goes from 0 to
 * 1, and only the floor: a runway that asks less stays go's. */
static void test_eager_lowers_the_floor_by_the_idle_share(void **state)
{
	(void)state;
	/* A heavy allocator (cons/mark 1): the floor binds. */
	tc_pacer_cycle in = {.marked_bytes = 100 * MiB,
			     .heap_at_trigger = 150 * MiB,
			     .heap_at_end = 150 * MiB + 210 * MiB,
			     .scan_bytes = 70 * MiB,
			     .mark_ns = 1000000,
			     .procs = 2};
	const double idle[] = {0, 0.5, 1, 3}; /* 3: idle time over the mark's wall counts as all of it */
	const double floor[] = {0.70, 0.50, 0.30, 0.30};
	for (unsigned i = 0; i < 4; i++) {
		pacer_state st = {0}, gst = {0};
		in.idle_mark_ns = (uint64_t)(idle[i] * (double)in.mark_ns);
		pacer_out o = run("eager", 100, in, &st), g = run("go", 100, in, &gst);
		assert_int_equal(o.goal, g.goal);
		assert_int_equal(o.trigger, 100 * MiB + (uint64_t)(100.0 * MiB * floor[i]));
		assert_true(st.cons_mark == gst.cons_mark);
	}
	/* A light allocator's runway is above every floor: eager triggers
	 * where go does. 6 MiB allocated while scanning 70 MiB with half the
	 * CPU (the idle one): cons/mark = 6 × 0.5 / (70 × 0.5), a runway of
	 * 20 MiB, the trigger at 180 MiB. */
	in.heap_at_end = 156 * MiB;
	in.idle_mark_ns = in.mark_ns;
	pacer_state st = {0}, gst = {0};
	pacer_out o = run("eager", 100, in, &st);
	assert_int_equal(o.trigger, run("go", 100, in, &gst).trigger);
	assert_true(o.trigger > 180 * MiB - 4096 && o.trigger < 180 * MiB + 4096);
	/* GOGC off and a memory limit as go has them. */
	assert_true(run("eager", -1, in, &st).trigger == UINT64_MAX);
	in.memory_limit = 64 * MiB;
	assert_int_equal(run("eager", 100, in, &st).goal, run("go", 100, in, &gst).goal);
}

static void test_fixed_policy(void **state)
{
	(void)state;
	pacer_state st = {0};
	pacer_out o = run("fixed", 100, (tc_pacer_cycle){.marked_bytes = 100 * MiB, .roots_bytes = 10 * MiB}, &st);
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
	tc_pacer_cycle in = {.marked_bytes = 100 * MiB, .memory_limit = 160 * MiB};
	pacer_out o = run("go", 100, in, &st);
	assert_int_equal(o.goal, 155 * MiB); /* 160 - 5: not 200 */
	assert_int_equal(o.trigger, 100 * MiB + (uint64_t)(55.0 * MiB * 0.95));
	o = run("fixed", 100, in, &st);
	assert_int_equal(o.goal, 155 * MiB);
	assert_int_equal(o.trigger, 100 * MiB + 55 * MiB * 3 / 4);
	in.memory_limit = 512 * MiB; /* far above: GOGC decides */
	assert_int_equal(run("go", 100, in, &st).goal, 200 * MiB);
	in.memory_limit = 64 * MiB; /* below the marked heap: the goal is the marked heap */
	o = run("go", 100, in, &st);
	assert_true(o.goal == 100 * MiB && o.trigger == 100 * MiB);
	in = (tc_pacer_cycle){.marked_bytes = 10 * MiB, .memory_limit = 32 * MiB};
	o = run("go", -1, in, &st);
	assert_int_equal(o.goal, 31 * MiB); /* GOGC=off: the limit alone, less 1 MiB (1/32 of 32) */
	assert_true(o.trigger < o.goal && o.trigger >= 10 * MiB + (uint64_t)(21.0 * MiB * 0.70));
	in.memory_limit = 16 * MiB; /* a small limit: the 1 MiB headroom */
	assert_int_equal(run("go", 100, in, &st).goal, 15 * MiB);
}

static void test_unknown_pacer_is_an_error_listing_the_known(void **state)
{
	(void)state;
	setenv("TRICOLOR_PACER", "nosuch", 1);
	tc_clear_error();
	assert_null(tc_heap_create(NULL));
	assert_non_null(strstr(tc_last_error(), "TRICOLOR_PACER=\"nosuch\""));
	assert_non_null(strstr(tc_last_error(), "go, fixed, membalancer, eager"));
	setenv("TRICOLOR_PACER", "fixed", 1);
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	assert_string_equal(c.pacer, "fixed");
	unsetenv("TRICOLOR_PACER");
	c.pacer = "nope";
	assert_null(tc_heap_create(&c));
	assert_non_null(strstr(tc_last_error(), "known: go, fixed, membalancer, eager"));
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

/* ---- pacers from outside the library (tc_pacer) ---- */

static void test_pacer_without_next_is_refused(void **state)
{
	(void)state;
	tc_pacer p = {"halfdone", NULL, NULL, NULL, NULL};
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.pacer_impl = &p;
	tc_clear_error();
	assert_null(tc_heap_create(&c));
	assert_non_null(strstr(tc_last_error(), "pacer \"halfdone\" has no next callback"));
}

/* A pacer that answers nonsense: a trigger above the goal, then NaN, then a
 * goal below the live heap. The heap clamps each and says so once. */
static int bad_calls, warnings;
static void bad_next(void *st, const tc_pacer_cycle *c, tc_pacer_decision *d)
{
	(void)st;
	switch (bad_calls++ % 3) {
	case 0: d->goal_bytes = 8e6; d->trigger_bytes = 9e6; break;
	case 1: d->goal_bytes = NAN; d->trigger_bytes = 1e6; break;
	default: d->goal_bytes = (double)c->marked_bytes / 2; d->trigger_bytes = 0; break;
	}
}

static void count_warnings(const char *line, void *arg)
{
	(void)arg;
	if (strstr(line, "pacer \"bad\" returned") != NULL)
		warnings++;
}

static void test_bad_decisions_are_clamped_and_reported_once(void **state)
{
	(void)state;
	tc_pacer p = {"bad", NULL, bad_next, NULL, NULL};
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.pacer_impl = &p;
	c.stacks = TC_STACKS_PRECISE;
	tc_set_output(count_warnings, NULL);
	tc_heap *h = tc_heap_create(&c);
	assert_non_null(h);
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, keep, 1024);
	for (int i = 0; i < 1024; i++)
		tc_write(m, &keep[i], tc_alloc_noscan(m, 2048));
	for (int k = 0; k < 6; k++) {
		tc_collect(m);
		uint64_t live = metric(h, "heap.live.bytes"), goal = metric(h, "heap.goal.bytes");
		assert_true(goal >= live);
		assert_true(metric(h, "heap.trigger.bytes") <= goal);
	}
	assert_true(bad_calls >= 6);
	assert_int_equal(warnings, 1);
	tc_set_output(NULL, NULL);
	tc_root_remove(h, keep);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* What assists expect of a mark (tc_config.assists, and a pacer's
 * scan_work_bytes): by default the last mark's marked bytes; "scanned", its
 * scan work, which a heap of noscan data makes much smaller; and whatever a
 * pacer says, when it says something. A bad name is refused, naming it. */
static uint64_t seen_scan, seen_marked;
static double say_scan;
static void recording_next(void *st, const tc_pacer_cycle *c, tc_pacer_decision *d)
{
	(void)st;
	seen_scan = c->scan_bytes;
	seen_marked = c->marked_bytes;
	d->goal_bytes = 64e6;
	d->trigger_bytes = 48e6;
	if (say_scan > 0)
		d->scan_work_bytes = say_scan;
}

static uint64_t assists_expect(const char *assists, double said)
{
	tc_pacer p = {"recording", NULL, recording_next, NULL, NULL};
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.pacer_impl = &p;
	c.stacks = TC_STACKS_PRECISE;
	c.assists = assists;
	say_scan = said;
	tc_heap *h = tc_heap_create(&c);
	assert_non_null(h);
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, keep, 1024);
	for (int i = 0; i < 1024; i++)
		tc_write(m, &keep[i], tc_alloc_noscan(m, 4096)); /* 4 MiB live, almost none of it scanned */
	tc_collect(m);
	assert_true(seen_marked >= 1024 * 4096);
	assert_true(seen_scan < seen_marked / 8);
	uint64_t next = h->pacer.scan_next;
	tc_collect(m); /* the next mark starts from it (at least 1 MiB) */
	assert_int_equal(h->pacer.scan_expected, next > (1u << 20) ? next : (1u << 20));
	tc_root_remove(h, keep);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
	return next;
}

static void test_assists_expect_what_they_are_told(void **state)
{
	(void)state;
	uint64_t e = assists_expect(NULL, 0);
	assert_int_equal(e, seen_marked);
	e = assists_expect("marked", 0);
	assert_int_equal(e, seen_marked);
	e = assists_expect("scanned", 0);
	assert_int_equal(e, seen_scan);
	assert_int_equal(assists_expect("scanned", 12345678.0), 12345678);
	assert_int_equal(assists_expect(NULL, 23456789.0), 23456789);

	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	assert_string_equal(c.assists, "marked");
	c.assists = "lazy";
	tc_clear_error();
	assert_null(tc_heap_create(&c));
	assert_non_null(strstr(tc_last_error(), "assists \"lazy\" is unknown"));
	setenv("TRICOLOR_ASSISTS", "sometimes", 1);
	tc_clear_error();
	assert_int_equal(tc_config_init(&c), -1);
	assert_non_null(strstr(tc_last_error(), "TRICOLOR_ASSISTS"));
	assert_non_null(strstr(tc_last_error(), "sometimes"));
	setenv("TRICOLOR_ASSISTS", "scanned", 1);
	assert_int_equal(tc_config_init(&c), 0);
	assert_string_equal(c.assists, "scanned");
	unsetenv("TRICOLOR_ASSISTS");
}

/* MemBalancer: the goal grows with the square root of the live heap. */
static void test_membalancer_square_root_rule(void **state)
{
	(void)state;
	pacer_state st;
	memset(&st, 0, sizeof st);
	tc_pacer_cycle in = {
		.marked_bytes = 64 * MiB, .alloc_bytes = 100 * MiB, .elapsed_ns = 1000000000, .gc_cpu_ns = 640000000};
	/* g = 100 MiB/s, s = 64 MiB / 0.64 s = 100 MiB/s: g = s, and at 64 MiB
	 * live GOGC=100 gives one more live heap, as Go's rule. */
	pacer_out o = run("membalancer", 100, in, &st);
	assert_true(o.goal > 127 * MiB && o.goal < 129 * MiB);
	memset(&st, 0, sizeof st);
	in.marked_bytes = 256 * MiB; /* 4 x live, same rates: only 2 x the room */
	in.gc_cpu_ns = 2560000000;
	o = run("membalancer", 100, in, &st);
	assert_true(o.goal > 256 * MiB + 127 * MiB && o.goal < 256 * MiB + 129 * MiB);
	memset(&st, 0, sizeof st);
	o = run("membalancer", 200, in, &st); /* GOGC 200: c x 4, room x 2 */
	assert_true(o.goal > 256 * MiB + 255 * MiB && o.goal < 256 * MiB + 257 * MiB);
	assert_true(o.trigger <= o.goal && o.trigger >= 256 * MiB);
}

/* What the scavenger keeps after a cycle: 1.1 x the largest goal of the
 * last 4 cycles, or the cycle's in-use peak if more, capped by the memory
 * limit; tc_collect's cycle forgets the past goals. */
static void test_scavenger_keeps_the_recent_goals(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	const uint64_t M = 1u << 20;
	assert_int_equal(tc__scav_keep(h, 100 * M, 0, false), 110 * M);
	assert_int_equal(tc__scav_keep(h, 80 * M, 0, false), 110 * M);  /* a dip: the 100 MB goal kept */
	assert_int_equal(tc__scav_keep(h, 90 * M, 150 * M, false), 150 * M); /* a peak over it */
	assert_int_equal(tc__scav_keep(h, 80 * M, 0, false), 110 * M);  /* the peak is not remembered */
	assert_int_equal(tc__scav_keep(h, 80 * M, 0, false), 99 * M);   /* 100 MB is 4 cycles back: 1.1 x 90 */
	assert_int_equal(tc__scav_keep(h, 60 * M, 0, false), 99 * M);   /* 90 is 3 back */
	assert_int_equal(tc__scav_keep(h, 60 * M, 0, false), 88 * M);   /* now 4 back: 1.1 x 80 */
	assert_int_equal(tc__scav_keep(h, 40 * M, 0, true), 44 * M);    /* tc_collect's cycle: only its own goal */
	h->cfg.memory_limit = 30 * M;
	assert_int_equal(tc__scav_keep(h, 20 * M, 0, false), 30 * M); /* 1.1 x 40 capped */
	h->cfg.memory_limit = 0;
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_go_goal_counts_roots_and_has_a_floor),
		cmocka_unit_test(test_go_trigger_from_cons_mark_within_bounds),
		cmocka_unit_test(test_fixed_policy),
		cmocka_unit_test(test_scavenger_keeps_the_recent_goals),
		cmocka_unit_test(test_limit_caps_the_goal),
		cmocka_unit_test(test_unknown_pacer_is_an_error_listing_the_known),
		cmocka_unit_test(test_heap_goal_and_cycle_record),
		cmocka_unit_test(test_pacer_without_next_is_refused),
		cmocka_unit_test(test_bad_decisions_are_clamped_and_reported_once),
		cmocka_unit_test(test_membalancer_square_root_rule),
		cmocka_unit_test(test_eager_lowers_the_floor_by_the_idle_share),
		cmocka_unit_test(test_assists_expect_what_they_are_told),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
