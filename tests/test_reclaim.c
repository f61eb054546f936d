/* Reclamation and pacing: heap.live.bytes is exactly the class-rounded size
 * of what is kept; churn does not grow heap.sys.bytes; GOGC triggers cycles
 * and GOGC=off never does. */
#define TC_GRAPH_HELPERS
#include <stdio.h>

#include "testutil.h"
#include "alloc.h"

static void *keep[4096];

static void test_live_bytes_equal_class_rounded_kept(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, keep, 4096);
	uint64_t seed = 99, want = 0;
	for (int i = 0; i < 4096; i++) {
		size_t size = 1 + test_rand(&seed) % (i % 64 == 0 ? 200000 : 3000);
		void *p = tc_alloc_noscan(m, size);
		assert_non_null(p);
		if (i % 3 == 0) { /* rooted before the next allocation: the heap is precise */
			tc_write(m, &keep[i], p);
			want += size <= TC_MAX_SMALL_SIZE ? tc_class_to_size[sizeclass_of(size)]
							  : (size + TC_PAGE_SIZE - 1) / TC_PAGE_SIZE * TC_PAGE_SIZE;
		}
		for (int j = 0; j < 3; j++) /* garbage around it */
			assert_non_null(tc_alloc_noscan(m, 1 + test_rand(&seed) % 1000));
	}
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), want);
	/* After tc_collect everything is swept: in-use spans hold at least the
	 * live bytes and not much more than 2× (partly filled spans). */
	uint64_t inuse = metric(h, "heap.inuse.bytes");
	assert_true(inuse >= want);
	tc_root_remove(h, keep);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 0);
	assert_int_equal(metric(h, "heap.inuse.bytes"), 0);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_thousand_cycles_of_churn_do_not_grow_sys(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	static node *ring[512];
	tc_root_add(h, (void **)ring, 512);
	uint64_t seed = 5, sys_at_100 = 0;
	size_t cycles = scaled(1000, 60), warm = cycles / 10;
	for (size_t c = 0; c < cycles; c++) {
		for (int i = 0; i < 300; i++) {
			node *n = new_node(m, c);
			tc_write(m, (void **)&ring[test_rand(&seed) % 512], n);
			assert_non_null(tc_alloc_noscan(m, 1 + test_rand(&seed) % 5000));
			if (i % 100 == 0)
				assert_non_null(tc_alloc_noscan(m, 40000 + test_rand(&seed) % 100000));
		}
		tc_collect(m);
		if (c == warm)
			sys_at_100 = metric(h, "heap.sys.bytes");
		if (c > warm && metric(h, "heap.sys.bytes") > sys_at_100)
			fail_msg("cycle %zu: heap.sys.bytes grew from %llu to %llu", c, (unsigned long long)sys_at_100,
				 (unsigned long long)metric(h, "heap.sys.bytes"));
	}
	for (int i = 0; i < 512; i++)
		assert_true(ring[i] == NULL || ring[i]->magic == NODE_MAGIC);
	assert_true(metric(h, "gc.cycles") >= cycles);
	tc_root_remove(h, (void **)ring);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_gogc_triggers_cycles_and_bounds_the_heap(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	for (int i = 0; i < 200000; i++) /* 100 MB of garbage */
		assert_non_null(tc_alloc_noscan(m, 512));
	uint64_t cycles = metric(h, "gc.cycles");
	assert_true(cycles >= 10);
	assert_true(metric(h, "heap.sys.bytes") <= (uint64_t)32 << 20);
	assert_int_equal(metric(h, "heap.goal.bytes"), 4 << 20); /* the floor: nothing live */
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_gogc_off_never_collects_unless_asked(void **state)
{
	(void)state;
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.gogc = -1;
	c.stacks = TC_STACKS_PRECISE;
	tc_heap *h = tc_heap_create(&c);
	tc_mutator *m = tc_mutator_attach(h);
	for (int i = 0; i < 100000; i++)
		assert_non_null(tc_alloc_noscan(m, 512));
	assert_int_equal(metric(h, "gc.cycles"), 0);
	assert_true(metric(h, "heap.inuse.bytes") >= 100000 * 512);
	tc_collect(m);
	assert_int_equal(metric(h, "gc.cycles"), 1);
	assert_int_equal(metric(h, "heap.inuse.bytes"), 0);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_metrics_known_names_and_pause_histogram(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	for (int i = 0; i < 10; i++) {
		assert_non_null(tc_alloc(m, &node_t));
		tc_collect(m);
	}
	tc_metric all[] = {{"gc.cycles", 0},          {"gc.pause.ns", 0},         {"gc.pause.p50.ns", 0},
			   {"gc.pause.p99.ns", 0},    {"gc.pause.max.ns", 0},     {"gc.cpu.ns", 0},
			   {"gc.assist.ns", 0},       {"heap.alloc.bytes", 0},    {"heap.alloc.objects", 0},
			   {"heap.live.bytes", 0},    {"heap.goal.bytes", 0},     {"heap.trigger.bytes", 0},
			   {"heap.inuse.bytes", 0},   {"heap.sys.bytes", 0},      {"heap.released.bytes", 0},
			   {"no.such.metric", 12345}};
	size_t n = sizeof all / sizeof all[0];
	assert_int_equal(tc_metrics_read(h, all, n), n - 1);
	assert_int_equal(all[n - 1].value, 0);
	assert_int_equal(all[0].value, 10);
	assert_int_equal(all[1].value, 2 * 10); /* two stop-the-world pauses per cycle */
	assert_true(all[2].value > 0 && all[2].value <= all[3].value && all[3].value <= all[4].value);
	assert_int_equal(all[7].value, 10 * 32);
	/* By kind: one sweep termination per cycle, mark terminations make up the rest. */
	tc_metric kinds[] = {{"gc.pause.sweep_term.ns", 0}, {"gc.pause.mark_term.ns", 0},
			     {"gc.pause.mark_term.max.ns", 0}, {"gc.pause.sweep_term.p99.ns", 0}, {"gc.stall.max.ns", 0}};
	assert_int_equal(tc_metrics_read(h, kinds, 5), 5);
	assert_int_equal(kinds[0].value, 10);
	assert_int_equal(kinds[0].value + kinds[1].value, all[1].value);
	assert_true(kinds[2].value <= all[4].value && kinds[3].value > 0);
	assert_int_equal(all[8].value, 10);
	assert_true(all[5].value > 0);
	/* The CSV's counts add up to the pause count. */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(tc_pauses_write_csv(h, f), 0);
	fclose(f);
	unsigned long long lo, hi, cnt, sum = 0;
	char *line = strchr(buf, '\n') + 1;
	while (sscanf(line, "%llu,%llu,%llu", &lo, &hi, &cnt) == 3) {
		assert_true(lo < hi);
		sum += cnt;
		line = strchr(line, '\n') + 1;
	}
	assert_int_equal(sum, 2 * 10);
	free(buf);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_live_bytes_equal_class_rounded_kept),
		cmocka_unit_test(test_thousand_cycles_of_churn_do_not_grow_sys),
		cmocka_unit_test(test_gogc_triggers_cycles_and_bounds_the_heap),
		cmocka_unit_test(test_gogc_off_never_collects_unless_asked),
		cmocka_unit_test(test_metrics_known_names_and_pause_histogram),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
