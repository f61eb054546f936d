/*
 * test_final.c — finalizers and cleanups (after Go's finalizer and cleanup
 * tests): they run once, keep what they need until they return, run in
 * order along a chain, allow resurrection and new finalizers, ignore
 * self-pointers, leave cycles alone, refuse bad input without changing
 * anything, and run on the finalizer thread without holding up collection
 * when one blocks. Precise heaps with the verifier on, so that "unreachable"
 * is exact (no stale stack word keeps an object).
 */
#define TC_GRAPH_HELPERS
#include "testutil.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include "tricolor.h"

/* What finalizers saw, in order. */
static node *ran_obj[64];
static void *ran_arg[64];
static int nran;

static void record_fin(void *obj, void *arg)
{
	node *n = obj;
	if (n->magic != NODE_MAGIC)
		fail_msg("finalizer got a corrupt object %p", obj);
	if (n->next != NULL && n->next->magic != NODE_MAGIC)
		fail_msg("finalizer's object %p references a freed object %p", obj, (void *)n->next);
	ran_obj[nran] = n;
	ran_arg[nran] = arg;
	nran++;
}

static void collect_n(tc_mutator *m, int n)
{
	for (int i = 0; i < n; i++)
		tc_collect(m);
}

static void test_runs_once_with_its_referents(void **state)
{
	(void)state;
	nran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *root = NULL;
	tc_roots_push(m, (void **)&root, 1);
	root = new_node(m, 7);
	tc_write(m, (void **)&root->next, new_node(m, 8));
	int arg;
	assert_int_equal(tc_set_finalizer(m, root, record_fin, &arg), 0);
	assert_int_equal(metric(h, "gc.finalizers.registered"), 1);
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 0); /* reachable: not due */
	node *was = root;
	root = NULL;
	/* Due after one cycle, and kept (with its child) however many cycles
	 * pass before it runs. */
	collect_n(m, 4);
	assert_int_equal(metric(h, "gc.finalizers.queued"), 1);
	assert_int_equal(metric(h, "gc.finalizers.pending"), 1);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_int_equal(nran, 1);
	assert_ptr_equal(ran_obj[0], was);
	assert_ptr_equal(ran_arg[0], &arg);
	assert_int_equal(ran_obj[0]->val, 7);
	assert_int_equal(ran_obj[0]->next->val, 8);
	collect_n(m, 3);
	assert_int_equal(tc_run_finalizers(m), 0);
	assert_int_equal(nran, 1);
	assert_int_equal(metric(h, "gc.finalizers.run"), 1);
	assert_int_equal(metric(h, "gc.finalizers.pending"), 0);
	assert_int_equal(metric(h, "gc.finalizers.registered"), 0);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_order_along_a_chain(void **state)
{
	(void)state;
	nran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *root = NULL;
	tc_roots_push(m, (void **)&root, 1);
	build_list(m, &root, 3); /* A -> B -> C */
	node *a = root, *b = a->next, *c = b->next;
	for (node *x = root; x; x = x->next)
		assert_int_equal(tc_set_finalizer(m, x, record_fin, NULL), 0);
	root = NULL;
	node *want[3] = {a, b, c};
	for (int i = 0; i < 3; i++) {
		collect_n(m, 2);
		assert_int_equal(tc_run_finalizers(m), 1);
		assert_int_equal(nran, i + 1);
		assert_ptr_equal(ran_obj[i], want[i]);
	}
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 0);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_self_pointer_ignored_cycle_kept(void **state)
{
	(void)state;
	nran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *r[3] = {0};
	tc_roots_push(m, (void **)r, 3);
	node *self = r[0] = new_node(m, 1), *x = r[1] = new_node(m, 2), *y = r[2] = new_node(m, 3);
	tc_write(m, (void **)&self->other, self);
	tc_write(m, (void **)&x->other, y);
	tc_write(m, (void **)&y->other, x);
	assert_int_equal(tc_set_finalizer(m, self, record_fin, NULL), 0);
	assert_int_equal(tc_set_finalizer(m, x, record_fin, NULL), 0);
	assert_int_equal(tc_set_finalizer(m, y, record_fin, NULL), 0);
	node *was = self;
	r[0] = r[1] = r[2] = x = y = self = NULL;
	collect_n(m, 3);
	/* The self-referencing object is finalized; the cycle of two is not
	 * (documented: as in Go and libgc). */
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_ptr_equal(ran_obj[0], was);
	collect_n(m, 3);
	assert_int_equal(tc_run_finalizers(m), 0);
	assert_int_equal(metric(h, "gc.finalizers.registered"), 2);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* Resurrection: the finalizer stores its object in a root; the object
 * lives on, its finalizer does not run again, and a new one can be set. */
static node *saved;
static tc_mutator *fin_m;

static void resurrect(void *obj, void *arg)
{
	record_fin(obj, arg);
	tc_write(fin_m, (void **)&saved, obj);
	if (arg != NULL) /* set another, which must run once it dies again */
		assert_int_equal(tc_set_finalizer(fin_m, obj, record_fin, NULL), 0);
}

static void test_resurrection_and_new_finalizer(void **state)
{
	(void)state;
	nran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = fin_m = tc_mutator_attach(h);
	saved = NULL;
	tc_root_add(h, (void **)&saved, 1);
	node *root = new_node(m, 42);
	tc_roots_push(m, (void **)&root, 1);
	tc_write(m, (void **)&root->next, new_node(m, 43));
	assert_int_equal(tc_set_finalizer(m, root, resurrect, (void *)1), 0);
	node *was = root;
	root = NULL;
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_ptr_equal(saved, was);
	/* Alive, intact, across cycles; its new finalizer is not due. */
	collect_n(m, 3);
	assert_int_equal(tc_run_finalizers(m), 0);
	assert_int_equal(saved->val, 42);
	assert_int_equal(saved->next->val, 43);
	tc_write(m, (void **)&saved, NULL);
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_int_equal(nran, 2);
	assert_ptr_equal(ran_obj[1], was);
	tc_root_remove(h, (void **)&saved);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static int cleanups_ran;
static void *cleanup_args[8];
static void count_cleanup(void *arg) { cleanup_args[cleanups_ran++] = arg; }

static void test_cleanups(void **state)
{
	(void)state;
	nran = 0;
	cleanups_ran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = fin_m = tc_mutator_attach(h);
	saved = NULL;
	tc_root_add(h, (void **)&saved, 1);
	node *root = new_node(m, 1);
	tc_roots_push(m, (void **)&root, 1);
	int a, b;
	assert_int_equal(tc_add_cleanup(m, root, count_cleanup, &a), 0);
	assert_int_equal(tc_add_cleanup(m, root, count_cleanup, &b), 0);
	/* With a finalizer too: the cleanups wait until the object, resurrected
	 * by its finalizer, is unreachable again. */
	assert_int_equal(tc_set_finalizer(m, root, resurrect, NULL), 0);
	root = NULL;
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_int_equal(cleanups_ran, 0);
	tc_write(m, (void **)&saved, NULL);
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 2);
	assert_int_equal(cleanups_ran, 2);
	assert_true((cleanup_args[0] == &a && cleanup_args[1] == &b) || (cleanup_args[0] == &b && cleanup_args[1] == &a));
	assert_int_equal(metric(h, "gc.finalizers.registered"), 0);
	tc_root_remove(h, (void **)&saved);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* A cleanup's arg is kept alive until the cleanup runs. */
static void check_arg(void *arg)
{
	node *n = arg;
	if (n->magic != NODE_MAGIC || n->val != 99)
		fail_msg("cleanup's arg %p was freed before it ran", arg);
	cleanups_ran++;
}

static void test_cleanup_arg_kept(void **state)
{
	(void)state;
	cleanups_ran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *root = new_node(m, 1);
	tc_roots_push(m, (void **)&root, 1);
	assert_int_equal(tc_add_cleanup(m, root, check_arg, new_node(m, 99)), 0);
	collect_n(m, 2);
	root = NULL;
	collect_n(m, 3);
	/* churn so that a freed arg would be reused */
	for (int i = 0; i < 10000; i++)
		new_node(m, 0);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_int_equal(cleanups_ran, 1);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_bad_input_changes_nothing(void **state)
{
	(void)state;
	nran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *root = new_node(m, 5);
	tc_roots_push(m, (void **)&root, 1);
	static int not_heap;
	assert_int_equal(tc_set_finalizer(m, root, record_fin, NULL), 0);
	assert_int_equal(tc_set_finalizer(m, root, record_fin, NULL), -1);
	assert_non_null(strstr(tc_last_error(), "already has a finalizer"));
	assert_int_equal(tc_set_finalizer(m, (char *)root + 8, record_fin, NULL), -1);
	assert_non_null(strstr(tc_last_error(), "not at its start"));
	assert_int_equal(tc_set_finalizer(m, &not_heap, record_fin, NULL), -1);
	assert_non_null(strstr(tc_last_error(), "not in this heap"));
	assert_int_equal(tc_set_finalizer(m, NULL, record_fin, NULL), -1);
	assert_non_null(strstr(tc_last_error(), "tc_set_finalizer: obj is NULL"));
	assert_int_equal(tc_add_cleanup(m, root, NULL, NULL), -1);
	assert_non_null(strstr(tc_last_error(), "fn is NULL"));
	node *other = new_node(m, 6);
	assert_int_equal(tc_set_finalizer(m, other, NULL, NULL), -1);
	assert_non_null(strstr(tc_last_error(), "has no finalizer"));
	assert_int_equal(tc_run_finalizers(NULL), 0);
	assert_non_null(strstr(tc_last_error(), "tc_run_finalizers: mutator is NULL"));
	/* The one good finalizer is intact: it runs, once. */
	root = NULL;
	collect_n(m, 2);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_int_equal(nran, 1);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* Removing a finalizer: it never runs. */
static void test_remove(void **state)
{
	(void)state;
	nran = 0;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *root = new_node(m, 5);
	tc_roots_push(m, (void **)&root, 1);
	assert_int_equal(tc_set_finalizer(m, root, record_fin, NULL), 0);
	assert_int_equal(tc_set_finalizer(m, root, NULL, NULL), 0);
	root = NULL;
	collect_n(m, 3);
	assert_int_equal(tc_run_finalizers(m), 0);
	assert_int_equal(nran, 0);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- the finalizer thread ---- */

static _Atomic int thread_ran;
static _Atomic int blocker_in;
static pthread_mutex_t block_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t block_cv = PTHREAD_COND_INITIALIZER;
static int release_blocker;
static tc_heap *thread_heap;

static void count_fin(void *obj, void *arg)
{
	(void)arg;
	if (((node *)obj)->magic != NODE_MAGIC)
		fail_msg("finalizer got a corrupt object");
	atomic_fetch_add(&thread_ran, 1);
}

/* Blocks inside a blocking region (as the API asks of code that may block)
 * until released, allocating before it blocks, from the finalizer thread's
 * own mutator. */
static void blocking_fin(void *obj, void *arg)
{
	(void)obj;
	(void)arg;
	tc_mutator *m = tc_mutator_current(thread_heap);
	assert_non_null(m);
	assert_non_null(new_node(m, 3));
	atomic_store(&blocker_in, 1);
	tc_blocking_enter(m);
	pthread_mutex_lock(&block_mu);
	while (!release_blocker)
		pthread_cond_wait(&block_cv, &block_mu);
	pthread_mutex_unlock(&block_mu);
	tc_blocking_leave(m);
	atomic_fetch_add(&thread_ran, 1);
}

static bool wait_for(_Atomic int *v, int want, int seconds)
{
	for (int i = 0; i < seconds * 1000 && atomic_load(v) < want; i++) {
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
	return atomic_load(v) >= want;
}

static void test_thread_mode(void **state)
{
	(void)state;
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.stacks = TC_STACKS_PRECISE;
	c.verify = 1;
	c.finalizers = "thread";
	tc_heap *h = thread_heap = tc_heap_create(&c);
	assert_non_null(h);
	tc_mutator *m = tc_mutator_attach(h);
	node *root = NULL;
	tc_roots_push(m, (void **)&root, 1);
	atomic_store(&thread_ran, 0);
	release_blocker = 0;
	/* A finalizer that blocks first; then many ordinary ones behind it. */
	root = new_node(m, 1);
	assert_int_equal(tc_set_finalizer(m, root, blocking_fin, NULL), 0);
	root = NULL;
	collect_n(m, 2);
	assert_true(wait_for(&blocker_in, 1, 20));
	/* The finalizer thread is stuck in a finalizer: cycles go on, and
	 * this thread runs the finalizers due meanwhile itself. */
	uint64_t c0 = metric(h, "gc.cycles");
	collect_n(m, 5);
	assert_true(metric(h, "gc.cycles") >= c0 + 5);
	for (int i = 0; i < 100; i++) /* unlinked: all due in one cycle */
		assert_int_equal(tc_set_finalizer(m, new_node(m, (uint64_t)i), count_fin, NULL), 0);
	for (int i = 0; i < 10 && atomic_load(&thread_ran) < 100; i++) {
		tc_collect(m);
		tc_run_finalizers(m);
	}
	assert_int_equal(atomic_load(&thread_ran), 100);
	pthread_mutex_lock(&block_mu);
	release_blocker = 1;
	pthread_cond_broadcast(&block_cv);
	pthread_mutex_unlock(&block_mu);
	for (int i = 0; i < 400 && atomic_load(&thread_ran) < 101; i++) {
		tc_collect(m);
		tc_run_finalizers(m);
	}
	assert_int_equal(atomic_load(&thread_ran), 101);
	assert_int_equal(metric(h, "gc.finalizers.pending"), 0);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h); /* stops the finalizer thread */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_once_with_its_referents),
		cmocka_unit_test(test_order_along_a_chain),
		cmocka_unit_test(test_self_pointer_ignored_cycle_kept),
		cmocka_unit_test(test_resurrection_and_new_finalizer),
		cmocka_unit_test(test_cleanups),
		cmocka_unit_test(test_cleanup_arg_kept),
		cmocka_unit_test(test_bad_input_changes_nothing),
		cmocka_unit_test(test_remove),
		cmocka_unit_test(test_thread_mode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
