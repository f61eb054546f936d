/*
 * test_weak.c — weak references and ephemerons (after Go's weak tests and
 * Whippet's ephemeron test): cleared when, and only when, the target is
 * unreachable; cleared before the target's finalizer runs; ephemeron values
 * kept exactly while their keys are, through chains and cycles; bad handles
 * refused; and readers on several threads while the collector marks, under
 * the verifier (and TSan in CI).
 */
#define TC_GRAPH_HELPERS
#include "testutil.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#include "tricolor.h"
#include "chaos.h"

static void collect_n(tc_mutator *m, int n)
{
	for (int i = 0; i < n; i++)
		tc_collect(m);
}

static const size_t slot_off[] = {0};
static const tc_type slots_t = {"slots", sizeof(void *), slot_off, 1, NULL};

/* Roots of the tests: a precise frame of slots. */
enum { R_OBJ, R_WEAK, R_A, R_B, R_C, R_D, R_E, R_N };

static void test_weak_cleared_when_and_only_when_unreachable(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	void *r[R_N] = {0};
	tc_roots_push(m, r, R_N);
	r[R_OBJ] = new_node(m, 11);
	r[R_WEAK] = tc_weak_new(m, r[R_OBJ]);
	assert_non_null(r[R_WEAK]);
	assert_int_equal(metric(h, "gc.weak.registered"), 1);
	for (int i = 0; i < 5; i++) {
		tc_collect(m);
		assert_ptr_equal(tc_weak_get(m, r[R_WEAK]), r[R_OBJ]);
	}
	r[R_OBJ] = NULL;
	tc_collect(m);
	assert_null(tc_weak_get(m, r[R_WEAK]));
	assert_int_equal(metric(h, "gc.weak.cleared"), 1);
	/* For ever, even when the slot is reused. */
	for (int i = 0; i < 1000; i++)
		new_node(m, 0);
	collect_n(m, 2);
	assert_null(tc_weak_get(m, r[R_WEAK]));
	/* An unreachable weak reference is collected, and leaves the record. */
	r[R_WEAK] = NULL;
	collect_n(m, 2);
	assert_int_equal(metric(h, "gc.weak.registered"), 0);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static tc_heap *fin_heap;
static void *fin_weak;
static int fin_saw_null;

static void check_weak_cleared(void *obj, void *arg)
{
	(void)obj;
	(void)arg;
	tc_mutator *m = tc_mutator_current(fin_heap);
	fin_saw_null = tc_weak_get(m, fin_weak) == NULL;
}

static void test_weak_cleared_before_finalizer(void **state)
{
	(void)state;
	tc_heap *h = fin_heap = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	void *r[R_N] = {0};
	tc_roots_push(m, r, R_N);
	r[R_OBJ] = new_node(m, 1);
	r[R_WEAK] = fin_weak = tc_weak_new(m, r[R_OBJ]);
	assert_int_equal(tc_set_finalizer(m, r[R_OBJ], check_weak_cleared, NULL), 0);
	r[R_OBJ] = NULL;
	collect_n(m, 2);
	fin_saw_null = 0;
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_true(fin_saw_null);
	assert_null(tc_weak_get(m, r[R_WEAK]));
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_ephemeron_value_lives_with_key(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	void *r[R_N] = {0};
	tc_roots_push(m, r, R_N);
	node *key = r[R_OBJ] = new_node(m, 1), *val = r[R_B] = new_node(m, 2);
	tc_write(m, (void **)&val->next, new_node(m, 3));
	tc_write(m, (void **)&val->other, key); /* the value references its own key */
	r[R_A] = tc_ephemeron_new(m, key, val);
	assert_non_null(r[R_A]);
	r[R_WEAK] = tc_weak_new(m, val);
	r[R_B] = val = NULL;
	for (int i = 0; i < 3; i++) {
		collect_n(m, 1);
		for (int k = 0; k < 2000; k++)
			new_node(m, 0); /* a freed value would be reused */
		node *v = tc_ephemeron_value(m, r[R_A]);
		assert_non_null(v);
		assert_int_equal(v->val, 2);
		assert_int_equal(v->next->val, 3);
		assert_ptr_equal(tc_ephemeron_key(m, r[R_A]), key);
	}
	assert_true(metric(h, "gc.ephemerons.traced") >= 3);
	/* The key dies (its value's pointer back to it does not keep it):
	 * both readers say NULL, and the value is collected. */
	r[R_OBJ] = key = NULL;
	tc_collect(m);
	assert_null(tc_ephemeron_key(m, r[R_A]));
	assert_null(tc_ephemeron_value(m, r[R_A]));
	tc_collect(m);
	assert_null(tc_weak_get(m, r[R_WEAK]));
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* A chain: E[i] = (K[i] -> V[i]) with V[i] referencing K[i+1]; only K[0]
 * is a root. The whole chain lives; cut the root and it all dies. Built
 * back to front, so that a scan in array order meets unmarked keys first. */
#define CHAIN 500

static void test_ephemeron_chain(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	void *r[R_N] = {0};
	tc_roots_push(m, r, R_N);
	void **es = tc_alloc_array(m, &slots_t, CHAIN);
	r[R_A] = es;
	for (int i = CHAIN - 1; i >= 0; i--) {
		node *k = r[R_B] = new_node(m, (uint64_t)i);
		node *v = r[R_D] = new_node(m, 1000 + (uint64_t)i);
		tc_write(m, (void **)&v->next, r[R_C]); /* K[i+1] */
		tc_write(m, &es[i], tc_ephemeron_new(m, k, v));
		r[R_C] = k;
	}
	r[R_OBJ] = r[R_C]; /* K[0] */
	r[R_B] = r[R_C] = r[R_D] = NULL;
	r[R_WEAK] = tc_weak_new(m, ((node *)tc_ephemeron_value(m, es[CHAIN - 1])));
	collect_n(m, 2);
	for (int i = 0; i < CHAIN; i++) {
		node *v = tc_ephemeron_value(m, es[i]);
		assert_non_null(v);
		assert_int_equal(v->val, 1000 + (uint64_t)i);
	}
	assert_non_null(tc_weak_get(m, r[R_WEAK]));
	r[R_OBJ] = NULL;
	collect_n(m, 1);
	for (int i = 0; i < CHAIN; i++)
		assert_null(tc_ephemeron_key(m, es[i]));
	collect_n(m, 1);
	assert_null(tc_weak_get(m, r[R_WEAK]));
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* A cycle through ephemerons only: E1 = (K1 -> V1), V1 references K2;
 * E2 = (K2 -> V2), V2 references K1. Nothing else holds the keys: garbage. */
static void test_ephemeron_cycle_is_garbage(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	void *r[R_N] = {0};
	tc_roots_push(m, r, R_N);
	node *k1 = r[R_B] = new_node(m, 1);
	node *k2 = r[R_C] = new_node(m, 2);
	node *v1 = r[R_D] = new_node(m, 3);
	tc_write(m, (void **)&v1->next, k2);
	r[R_A] = tc_ephemeron_new(m, k1, v1);
	node *v2 = r[R_E] = new_node(m, 4);
	tc_write(m, (void **)&v2->next, k1);
	r[R_OBJ] = tc_ephemeron_new(m, k2, v2);
	r[R_WEAK] = tc_weak_new(m, k1);
	r[R_D] = r[R_E] = NULL;
	k1 = k2 = v1 = v2 = NULL;
	collect_n(m, 2);
	assert_non_null(tc_ephemeron_value(m, r[R_A])); /* keys rooted: alive */
	r[R_B] = r[R_C] = NULL;
	tc_collect(m);
	assert_null(tc_ephemeron_key(m, r[R_A]));
	assert_null(tc_ephemeron_key(m, r[R_OBJ]));
	assert_null(tc_weak_get(m, r[R_WEAK]));
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_bad_handles(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	void *r[R_N] = {0};
	tc_roots_push(m, r, R_N);
	node *n = new_node(m, 1);
	r[R_OBJ] = n;
	static int outside;
	assert_null(tc_weak_new(m, NULL));
	assert_non_null(strstr(tc_last_error(), "tc_weak_new: obj is NULL"));
	assert_null(tc_weak_new(m, &outside));
	assert_non_null(strstr(tc_last_error(), "not in this heap"));
	assert_null(tc_weak_new(m, (char *)n + 16));
	assert_non_null(strstr(tc_last_error(), "not at its start"));
	assert_null(tc_weak_get(m, (tc_weak *)n));
	assert_non_null(strstr(tc_last_error(), "not a tc_weak"));
	assert_null(tc_ephemeron_new(m, NULL, n));
	assert_non_null(strstr(tc_last_error(), "tc_ephemeron_new: key is NULL"));
	assert_null(tc_ephemeron_new(m, n, &outside));
	assert_non_null(strstr(tc_last_error(), "value"));
	r[R_WEAK] = tc_weak_new(m, n);
	assert_null(tc_ephemeron_value(m, (tc_ephemeron *)r[R_WEAK]));
	assert_non_null(strstr(tc_last_error(), "not a tc_ephemeron"));
	assert_int_equal(metric(h, "gc.weak.registered"), 1); /* the refusals recorded nothing */
	assert_ptr_equal(tc_weak_get(m, r[R_WEAK]), n);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- readers while marking, on several threads ---- */

#define READERS 3
#define PAIRS 64

typedef struct shared {
	tc_heap *h;
	void **table; /* PAIRS x (weak, ephemeron), a root */
	node **keys;  /* PAIRS keys, a root; the churner drops and replaces them */
	_Atomic int stop;
	_Atomic uint64_t reads, nulls;
} shared;


static void *reader(void *arg)
{
	shared *s = arg;
	tc_mutator *m = tc_mutator_attach(s->h);
	uint64_t seed = (uint64_t)(uintptr_t)&seed, reads = 0, nulls = 0;
	void *held[4] = {0};
	tc_roots_push(m, held, 4);
	while (!atomic_load(&s->stop)) {
		size_t i = test_rand(&seed) % PAIRS;
		held[0] = __atomic_load_n(&s->table[2 * i], __ATOMIC_ACQUIRE);
		held[1] = __atomic_load_n(&s->table[2 * i + 1], __ATOMIC_ACQUIRE);
		if (held[0] == NULL || held[1] == NULL)
			continue;
		node *t = tc_weak_get(m, held[0]);
		node *k = tc_ephemeron_key(m, held[1]);
		node *v = tc_ephemeron_value(m, held[1]);
		held[2] = t;
		held[3] = v;
		/* Whatever a reader gets is intact, and stays so across its
		 * safepoints (it was shaded or found marked). */
		for (int j = 0; j < 3; j++) {
			tc_safepoint(m);
			if (t && (t->magic != NODE_MAGIC || t->val != t->next->val - 1))
				fail_msg("weak target %p corrupt", (void *)t);
			if (v && (v->magic != NODE_MAGIC || v->next->magic != NODE_MAGIC))
				fail_msg("ephemeron value %p corrupt", (void *)v);
		}
		(void)k;
		nulls += t == NULL;
		reads++;
		held[2] = held[3] = NULL;
	}
	atomic_fetch_add(&s->reads, reads);
	atomic_fetch_add(&s->nulls, nulls);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	return NULL;
}

/* A target: t with t->next = u, u->val = t->val + 1. */
static node *target(tc_mutator *m, uint64_t v, node **tmp)
{
	*tmp = new_node(m, v);
	node *u = new_node(m, v + 1);
	tc_write(m, (void **)&(*tmp)->next, u);
	return *tmp;
}

static void readers_while_marking(int stacks)
{
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.stacks = stacks;
	c.verify = 1;
	c.mark_workers = 1;
	shared s = {.h = tc_heap_create(&c)};
	assert_non_null(s.h);
	tc_mutator *m = tc_mutator_attach(s.h);
	void *r[4] = {0};
	tc_roots_push(m, r, 4);
	r[0] = s.table = tc_alloc_array(m, &slots_t, 2 * PAIRS);
	r[1] = s.keys = tc_alloc_array(m, &slots_t, PAIRS);
	uint64_t seed = 7;
	for (size_t i = 0; i < PAIRS; i++) {
		node *t = target(m, 10 * i, (node **)&r[2]);
		tc_write(m, (void **)&s.keys[i], t);
		node *v = target(m, 10 * i + 5, (node **)&r[3]);
		tc_write(m, &s.table[2 * i], tc_weak_new(m, t));
		tc_write(m, &s.table[2 * i + 1], tc_ephemeron_new(m, t, v));
	}
	r[2] = r[3] = NULL;
	pthread_t th[READERS];
	for (int i = 0; i < READERS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, reader, &s), 0);
	/* Churn: drop keys (their weak refs and ephemerons die), make new
	 * pairs, and allocate garbage so that cycles run back to back. */
	/* Under chaos scheduling every protocol step may yield: fewer rounds
	 * keep the test to about a minute under the sanitizers. */
	bool chaos = atomic_load(&tc__chaos_permille) != 0;
	size_t rounds = scaled(chaos ? 1500 : 20000, 40), garbage = scaled(chaos ? 200 : 400, 10);
	for (size_t n = 0; n < rounds; n++) {
		size_t i = test_rand(&seed) % PAIRS;
		if (n % 3 == 0) {
			node *t = target(m, 10 * i, (node **)&r[2]);
			node *v = target(m, 10 * i + 5, (node **)&r[3]);
			tc_write(m, &s.table[2 * i], tc_weak_new(m, t));
			tc_write(m, &s.table[2 * i + 1], tc_ephemeron_new(m, t, v));
			tc_write(m, (void **)&s.keys[i], t);
			r[2] = r[3] = NULL;
		} else if (n % 3 == 1) {
			tc_write(m, (void **)&s.keys[i], NULL);
		}
		for (size_t k = 0; k < garbage; k++)
			new_node(m, 0);
		if (n % (chaos ? 50 : 250) == 0)
			tc_collect(m); /* more cycles for the readers to race with */
	}
	atomic_store(&s.stop, 1);
	tc_blocking_enter(m); /* the readers may need a cycle to detach */
	for (int i = 0; i < READERS; i++)
		pthread_join(th[i], NULL);
	tc_blocking_leave(m);
	/* Every rooted key's pair is intact; every dropped one reads NULL
	 * after a full cycle. */
	tc_collect(m);
	for (size_t i = 0; i < PAIRS; i++) {
		node *t = tc_weak_get(m, s.table[2 * i]);
		if (s.keys[i] != NULL) {
			assert_ptr_equal(t, s.keys[i]);
			node *v = tc_ephemeron_value(m, s.table[2 * i + 1]);
			assert_non_null(v);
			assert_int_equal(v->val, 10 * i + 5);
		} else if (stacks == TC_STACKS_PRECISE) { /* a stale stack word may keep a key */
			assert_null(t);
			assert_null(tc_ephemeron_value(m, s.table[2 * i + 1]));
		}
	}
	assert_true(atomic_load(&s.reads) > 0);
	assert_true(metric(s.h, "gc.cycles") > 2);
	print_message("readers: %llu reads (%llu NULL), %llu cycles, %llu cleared\n",
		      (unsigned long long)atomic_load(&s.reads), (unsigned long long)atomic_load(&s.nulls),
		      (unsigned long long)metric(s.h, "gc.cycles"), (unsigned long long)metric(s.h, "gc.weak.cleared"));
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(s.h);
}

static void test_readers_while_marking(void **state)
{
	(void)state;
	readers_while_marking(TC_STACKS_PRECISE);
}

static void test_readers_while_marking_conservative(void **state)
{
	(void)state;
	readers_while_marking(TC_STACKS_CONSERVATIVE);
}

int main(void)
{
	/* TC_STRESS_CHAOS=N: yield at protocol steps N times in 1000 (chaos.h;
	 * TC_DEBUG builds): the readers' gate, the ephemeron table's races. */
	const char *ch = getenv("TC_STRESS_CHAOS");
	if (ch != NULL)
		atomic_store(&tc__chaos_permille, (unsigned)atoi(ch));
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weak_cleared_when_and_only_when_unreachable),
		cmocka_unit_test(test_weak_cleared_before_finalizer),
		cmocka_unit_test(test_ephemeron_value_lives_with_key),
		cmocka_unit_test(test_ephemeron_chain),
		cmocka_unit_test(test_ephemeron_cycle_is_garbage),
		cmocka_unit_test(test_bad_handles),
		cmocka_unit_test(test_readers_while_marking),
		cmocka_unit_test(test_readers_while_marking_conservative),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
