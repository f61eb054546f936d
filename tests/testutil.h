/* testutil.h — shared helpers for the cmocka tests. */
#ifndef TC_TESTUTIL_H
#define TC_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

static inline int cmp_uptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
	return x < y ? -1 : x > y;
}

/* Sort and assert that no two entries are equal. */
static inline void assert_all_distinct(uintptr_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_uptr);
	for (size_t i = 1; i < n; i++)
		if (v[i] == v[i - 1])
			fail_msg("address %#lx handed out twice", (unsigned long)v[i]);
}

/* Deterministic PRNG (xorshift64*) for reproducible tests. */
static inline uint64_t test_rand(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* Run before() and then, with no address space left to map (RLIMIT_AS at
 * 0), after(), in a child process so the limit does not touch the test
 * runner. Each returns 0, or an exit code naming what failed (11 is taken:
 * setrlimit failed); the test fails on any. */
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
static inline void in_child_without_address_space(int (*before)(void *ctx), int (*after)(void *ctx), void *ctx)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int rc = before(ctx);
		if (rc == 0) {
			struct rlimit rl;
			getrlimit(RLIMIT_AS, &rl);
			rl.rlim_cur = 0; /* every new mapping fails */
			rc = setrlimit(RLIMIT_AS, &rl) != 0 ? 11 : after(ctx);
		}
		_exit(rc);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

/* Stages for tests that choreograph threads. */
#include <pthread.h>
static pthread_mutex_t stage_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stage_cv = PTHREAD_COND_INITIALIZER;
static int stage;

static inline void wait_stage(int s)
{
	pthread_mutex_lock(&stage_mu);
	while (stage < s)
		pthread_cond_wait(&stage_cv, &stage_mu);
	pthread_mutex_unlock(&stage_mu);
}

static inline void set_stage(int s)
{
	pthread_mutex_lock(&stage_mu);
	stage = s;
	pthread_cond_broadcast(&stage_cv);
	pthread_mutex_unlock(&stage_mu);
}

static inline int stage_now(void)
{
	pthread_mutex_lock(&stage_mu);
	int s = stage;
	pthread_mutex_unlock(&stage_mu);
	return s;
}

#endif

/* ---- graph helpers for the collector tests ---- */
#ifdef TC_GRAPH_HELPERS
#include <stddef.h>
#include <string.h>
#include "tricolor.h"

#define NODE_MAGIC 0x6e6f64656e6f6465ull

typedef struct node {
	struct node *next;
	struct node *other;
	uint64_t magic;
	uint64_t val;
} node;

static const size_t node_offs[] = {offsetof(node, next), offsetof(node, other)};
static const tc_type node_t = {"node", sizeof(node), node_offs, 2, NULL};

/* Sizes shrink under TRICOLOR_TORTURE, where every few allocations collect. */
static inline size_t scaled(size_t full, size_t torture_size)
{
	const char *t = getenv("TRICOLOR_TORTURE");
	return t && *t && strcmp(t, "0") ? torture_size : full;
}

static inline node *new_node(tc_mutator *m, uint64_t val)
{
	node *n = tc_alloc(m, &node_t);
	assert_non_null(n);
	n->magic = NODE_MAGIC;
	n->val = val;
	return n;
}

/* A list of n nodes built tail-first; the head is stored in *root with
 * tc_write before each new node is linked, so the list is always reachable. */
static inline void build_list(tc_mutator *m, node **root, size_t n)
{
	tc_write(m, (void **)root, NULL);
	for (size_t i = 0; i < n; i++) {
		node *x = new_node(m, n - 1 - i);
		tc_write(m, (void **)&x->next, *root);
		tc_write(m, (void **)root, x);
	}
}

static inline void check_list(const node *head, size_t n)
{
	size_t i = 0;
	for (const node *x = head; x; x = x->next, i++) {
		if (x->magic != NODE_MAGIC || x->val != i)
			fail_msg("list node %zu at %p is corrupt (magic %#llx, val %llu)", i, (const void *)x,
				 (unsigned long long)x->magic, (unsigned long long)x->val);
	}
	assert_int_equal(i, n);
}

static inline uint64_t metric(tc_heap *h, const char *name)
{
	tc_metric mt = {name, 0};
	assert_int_equal(tc_metrics_read(h, &mt, 1), 1);
	return mt.value;
}

static inline tc_heap *precise_heap(void)
{
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.stacks = TC_STACKS_PRECISE;
	c.verify = 1;
	tc_heap *h = tc_heap_create(&c);
	assert_non_null(h);
	return h;
}

/* precise_heap, with finalizers run only by tc_run_finalizers: the tests
 * say when they run. */
static inline tc_heap *manual_heap(void)
{
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.stacks = TC_STACKS_PRECISE;
	c.verify = 1;
	c.finalizers = "manual";
	tc_heap *h = tc_heap_create(&c);
	assert_non_null(h);
	return h;
}

/* A verifying conservative heap with n dedicated background mark workers
 * (on 2 CPUs Go's 25% rule gives none, only the controller's fraction). */
static inline tc_heap *worker_heap(int n)
{
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.verify = 1;
	c.mark_workers = n;
	tc_heap *h = tc_heap_create(&c);
	assert_non_null(h);
	return h;
}

/* Wait for stage s inside a blocking region: the collector answers for m
 * meanwhile, so a cycle can go on without this thread. */
static inline void wait_stage_blocked(tc_mutator *m, int s)
{
	tc_blocking_enter(m);
	wait_stage(s);
	tc_blocking_leave(m);
}

static inline tc_heap *conservative_heap(void)
{
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.verify = 1;
	tc_heap *h = tc_heap_create(&c);
	assert_non_null(h);
	return h;
}
#endif

/* ---- a lock held by another thread (tests that a path never waits) ---- */
#ifdef TC_HOLDER_HELPERS
#include <stdatomic.h>
#include <unistd.h>
#include "lock.h"
#include "platform.h"

/* A thread holds mu as a holder descheduled inside it would, until told
 * (holder_stop) or max_ns pass. held: 0 not yet, 1 holding, 2 let go (set
 * before the unlock, so that a waiter the unlock wakes sees 2). */
typedef struct holder {
	mutex *mu;
	uint64_t max_ns;
	atomic_int held, release;
	pthread_t t;
} holder;

static void *holder_main(void *arg)
{
	holder *k = arg;
	lock(k->mu);
	atomic_store(&k->held, 1);
	uint64_t t0 = tc__now_ns();
	while (!atomic_load(&k->release) && tc__now_ns() - t0 < k->max_ns)
		usleep(1000);
	atomic_store(&k->held, 2);
	unlock(k->mu);
	return NULL;
}

/* Returns once the holder holds mu. */
static inline void holder_start(holder *k, mutex *mu, uint64_t max_ns)
{
	k->mu = mu;
	k->max_ns = max_ns;
	atomic_store(&k->held, 0);
	atomic_store(&k->release, 0);
	assert_int_equal(pthread_create(&k->t, NULL, holder_main, k), 0);
	while (atomic_load(&k->held) == 0)
		usleep(100);
}

static inline void holder_stop(holder *k)
{
	atomic_store(&k->release, 1);
	pthread_join(k->t, NULL);
}
#endif
