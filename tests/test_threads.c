/* Several mutator threads: allocating and collecting at once, and an object
 * reachable only from the stack of a thread that is blocked. */
#define TC_GRAPH_HELPERS
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "testutil.h"

enum { THREADS = 4 };

static tc_heap *H;

static void *allocate_and_collect(void *arg)
{
	size_t id = (size_t)arg, n = scaled(20000, 500);
	tc_mutator *m = tc_mutator_attach(H);
	node *list[1] = {NULL};
	tc_roots_push(m, (void **)list, 1); /* works for precise and conservative heaps */
	for (int round = 0; round < 5; round++) {
		build_list(m, &list[0], n);
		for (size_t i = 0; i < n; i++) /* garbage */
			new_node(m, id);
		if (round % 2 == (int)(id % 2))
			tc_collect(m);
		check_list(list[0], n);
	}
	tc_roots_pop(m);
	tc_mutator_detach(m);
	return NULL;
}

static void run_threads(tc_heap *h)
{
	H = h;
	pthread_t t[THREADS];
	for (size_t i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, allocate_and_collect, (void *)i), 0);
	for (size_t i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	assert_true(metric(h, "gc.cycles") >= 2); /* concurrent requests may share a cycle */
	tc_heap_destroy(h);
}

static void test_threads_allocate_and_collect_precise(void **state)
{
	(void)state;
	run_threads(precise_heap());
}

static void test_threads_allocate_and_collect_conservative(void **state)
{
	(void)state;
	run_threads(conservative_heap());
}

static void test_threads_with_dedicated_mark_workers(void **state)
{
	(void)state;
	run_threads(worker_heap(3));
}

/* The blocked thread: builds a list held only by its own stack, blocks, and
 * checks the list after the main thread has collected several times. */

__attribute__((noinline)) static node *build_on_stack(tc_mutator *m, size_t n)
{
	node *head = NULL;
	for (size_t i = 0; i < n; i++) {
		node *x = new_node(m, n - 1 - i);
		tc_write(m, (void **)&x->next, head);
		head = x;
	}
	return head;
}

static void *blocked_holder(void *arg)
{
	(void)arg;
	size_t n = scaled(50000, 300);
	tc_mutator *m = tc_mutator_attach(H);
	node *volatile head = build_on_stack(m, n);
	tc_blocking_enter(m);
	set_stage(1);
	wait_stage(2); /* blocked while the main thread collects */
	tc_blocking_leave(m);
	check_list(head, n);
	head = NULL;
	tc_mutator_detach(m);
	return NULL;
}

static void test_object_reachable_only_from_blocked_threads_stack(void **state)
{
	(void)state;
	H = conservative_heap();
	stage = 0;
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, blocked_holder, NULL), 0);
	wait_stage(1);
	tc_mutator *m = tc_mutator_attach(H);
	for (int i = 0; i < 5; i++) {
		for (int j = 0; j < 50000; j++)
			new_node(m, (uint64_t)j); /* reuse any slot that was wrongly freed */
		tc_collect(m);
	}
	assert_true(metric(H, "heap.live.bytes") >= scaled(50000, 300) * 32);
	set_stage(2);
	pthread_join(t, NULL);
	tc_mutator_detach(m);
	tc_heap_destroy(H);
}

/* A mutator that keeps running (polling tc_safepoint) is never scanned by the
 * collector: it scans its own stack each cycle, and that time is a stall, as
 * is each stop it parks in. */
static atomic_int spin_stop;

static void *spinner(void *arg)
{
	tc_mutator *m = tc_mutator_attach(arg);
	set_stage(1);
	while (!atomic_load(&spin_stop))
		tc_safepoint(m);
	tc_mutator_detach(m);
	return NULL;
}

static void test_running_mutator_scans_itself_and_stalls(void **state)
{
	(void)state;
	tc_heap *h = conservative_heap();
	stage = 0;
	atomic_store(&spin_stop, 0);
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, spinner, h), 0);
	wait_stage(1);
	tc_mutator *m = tc_mutator_attach(h);
	for (int i = 0; i < 3; i++)
		tc_collect(m);
	uint64_t stall = metric(h, "gc.stall.max.ns"), total = metric(h, "gc.stall.total.max.ns");
	uint64_t nstalls = metric(h, "gc.stall.ns"), assist = metric(h, "gc.assist.ns");
	atomic_store(&spin_stop, 1);
	pthread_join(t, NULL);
	/* Per cycle the spinner parks in two stops and scans its own stack
	 * once; tc_collect's caller asked for the cycle and is not stalled. */
	assert_true(nstalls >= 3 * 3);
	assert_true(stall > 0 && total >= stall);
	assert_true(assist > 0); /* the own-stack scans */
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_allocate_and_collect_precise),
		cmocka_unit_test(test_threads_allocate_and_collect_conservative),
		cmocka_unit_test(test_threads_with_dedicated_mark_workers),
		cmocka_unit_test(test_running_mutator_scans_itself_and_stalls),
		cmocka_unit_test(test_object_reachable_only_from_blocked_threads_stack),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
