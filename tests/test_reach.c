/* Reachability: everything reachable survives collection, through every kind
 * of root and every way an object can describe its pointers. The verifier is
 * on in every heap here, so a miss aborts with a message. */
#define TC_GRAPH_HELPERS
#include "testutil.h"

static node *groot;

/* Drop the one global root: everything goes; then tear down. */
static void drop_root_and_finish(tc_heap *h, tc_mutator *m)
{
	tc_write(m, (void **)&groot, NULL);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 0);
	tc_root_remove(h, (void **)&groot);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_cycles_survive_and_die_together(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&groot, 1);
	node *f[3] = {0}; /* a precise heap sees locals only through frames */
	tc_roots_push(m, (void **)f, 3);
	for (int i = 0; i < 3; i++)
		f[i] = new_node(m, (uint64_t)i);
	tc_write(m, (void **)&f[0]->next, f[1]);
	tc_write(m, (void **)&f[1]->next, f[2]);
	tc_write(m, (void **)&f[2]->next, f[0]);
	tc_write(m, (void **)&groot, f[0]);
	tc_roots_pop(m);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 3 * 32);
	assert_int_equal(groot->next->next->next, groot);
	assert_int_equal(groot->next->next->val, 2);
	drop_root_and_finish(h, m);
}

static void test_ten_million_node_list(void **state)
{
	(void)state;
#if defined(__SANITIZE_THREAD__)
	size_t n = scaled(2000000, 3000); /* still a long chain; under TSan 10 M nodes took 73 s of this file's 93 */
#else
	size_t n = scaled(10000000, 3000);
#endif
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&groot, 1);
	build_list(m, &groot, n);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), n * 32);
	check_list(groot, n);
	/* Cut the list in half: the tail goes. */
	node *mid = groot;
	for (size_t i = 0; i < n / 2 - 1; i++)
		mid = mid->next;
	tc_write(m, (void **)&mid->next, NULL);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), (n / 2) * 32);
	check_list(groot, n / 2);
	tc_write(m, (void **)&groot, NULL);
	tc_root_remove(h, (void **)&groot);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* One to five types of one size (24 bytes), with their pointer in different
 * words: the first four get a cached span each (alloc/mcache.c's slots of a
 * size class) and the inline path; the fifth mixes into the first's span,
 * which then describes each object in its bitmap (and free slots prepared
 * for a type, gc/malloc.c). A list whose links sit at all three offsets,
 * built with garbage between, must come back whole through collections,
 * concurrent ones included (allocation black into every slot), and then
 * die. */
#define NTRI 5
typedef struct tri {
	uint64_t w[3]; /* type k: the link in word k % 3, k and the index in the two after it */
} tri;
static const size_t tri_offs[3][1] = {{0}, {8}, {16}};
static const tc_type tri_t[NTRI] = {{"tri0", sizeof(tri), tri_offs[0], 1, NULL},
				    {"tri1", sizeof(tri), tri_offs[1], 1, NULL},
				    {"tri2", sizeof(tri), tri_offs[2], 1, NULL},
				    {"tri3", sizeof(tri), tri_offs[0], 1, NULL},
				    {"tri4", sizeof(tri), tri_offs[1], 1, NULL}};

static tri *tri_next(const tri *x, unsigned k) { return (tri *)x->w[k % 3]; }

static void build_tri_list(tc_mutator *m, unsigned ntypes, size_t n)
{
	uint64_t rnd = 42;
	tc_write(m, (void **)&groot, NULL);
	for (size_t i = 0; i < n; i++) {
		unsigned k = (unsigned)(i / (1 + i % 5) % ntypes); /* runs of a type, and turns */
		tri *x = tc_alloc(m, &tri_t[k]);
		assert_non_null(x);
		x->w[(k + 1) % 3] = k;
		x->w[(k + 2) % 3] = i;
		tc_write(m, (void **)&x->w[k % 3], groot);
		tc_write(m, (void **)&groot, (node *)x);
		if (test_rand(&rnd) % 4 == 0)
			assert_non_null(tc_alloc(m, &tri_t[test_rand(&rnd) % ntypes])); /* garbage */
	}
}

static void check_tri_list(size_t n)
{
	size_t i = n;
	for (const tri *x = (const tri *)groot; x != NULL; i--) {
		unsigned k = NTRI; /* the type whose tag and index words match */
		for (unsigned j = 0; j < NTRI; j++)
			if (x->w[(j + 1) % 3] == j && x->w[(j + 2) % 3] == i - 1)
				k = j;
		if (k == NTRI)
			fail_msg("list object %zu at %p is corrupt (%#llx %#llx %#llx)", i - 1, (const void *)x,
				 (unsigned long long)x->w[0], (unsigned long long)x->w[1], (unsigned long long)x->w[2]);
		x = tri_next(x, k);
	}
	assert_int_equal(i, 0);
}

static void test_same_size_types_interleaved(void **state)
{
	(void)state;
	size_t n = scaled(300000, 2000);
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&groot, 1);
	for (unsigned ntypes = 1; ntypes <= NTRI; ntypes++) {
		uint64_t objs0 = metric(h, "heap.alloc.objects"), slow0 = metric(h, "heap.alloc.slowpath");
		build_tri_list(m, ntypes, n);
		tc_collect(m);
		uint64_t objs = metric(h, "heap.alloc.objects") - objs0, slow = metric(h, "heap.alloc.slowpath") - slow0;
		check_tri_list(n);
		assert_int_equal(metric(h, "heap.live.bytes"), n * sizeof(tri));
#if !defined(TC_DEBUG)
		/* Up to four types of one size take the inline path (a run's up
		 * to 64 slots per library call); the fifth mixes in. */
		if (ntypes < NTRI && scaled(1, 0))
			if (slow * 16 > objs)
				fail_msg("%u types of one size: %llu of %llu allocations took the library's path",
					 ntypes, (unsigned long long)slow, (unsigned long long)objs);
#else
		(void)objs;
		(void)slow;
#endif
		tc_collect(m);
		check_tri_list(n);
	}
	drop_root_and_finish(h, m);
}

static const size_t ptr_off[] = {0};
static const tc_type ptr_t = {"ptr", 8, ptr_off, 1, NULL};

static void arrays_of(size_t n)
{
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node **arr = tc_alloc_array(m, &ptr_t, n);
	assert_non_null(arr);
	tc_root_add(h, (void **)&groot, 1);
	tc_write(m, (void **)&groot, (node *)arr); /* the root holds the array */
	for (size_t i = 0; i < n; i++)
		tc_write(m, (void **)&arr[i], new_node(m, i));
	tc_collect(m);
	size_t arrbytes = metric(h, "heap.live.bytes") - n * 32;
	assert_true(arrbytes >= n * 8 && arrbytes < n * 8 + n * 8 / 8 + 8192);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(arr[i]->magic, NODE_MAGIC);
		assert_int_equal(arr[i]->val, i);
		if (i % 2)
			tc_write(m, (void **)&arr[i], NULL);
	}
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), arrbytes + (n + 1) / 2 * 32);
	for (size_t i = 0; i < n; i += 2)
		assert_int_equal(arr[i]->val, i);
	tc_write(m, (void **)&groot, NULL);
	tc_root_remove(h, (void **)&groot);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_small_pointer_arrays(void **state)
{
	(void)state;
	arrays_of(1000);
}

static void test_large_pointer_arrays_split_in_oblets(void **state)
{
	(void)state;
	arrays_of(scaled(200000, 20000)); /* 1.6 MB: 13 oblets */
}

/* A variable layout: a count, then that many pointers, traced by callback. */
typedef struct vec {
	size_t n;
	node *items[];
} vec;

static int traced;

static void vec_trace(void *obj, tc_visit_fn visit, void *ctx)
{
	vec *v = obj;
	traced++;
	for (size_t i = 0; i < v->n; i++)
		visit((void **)&v->items[i], ctx);
}

static void trace_callbacks(size_t n, size_t copies)
{
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	const tc_type vec_t = {"vec", sizeof(vec) + n * sizeof(node *), NULL, 0, vec_trace};
	vec *v = copies == 1 ? tc_alloc(m, &vec_t) : tc_alloc_array(m, &vec_t, copies);
	assert_non_null(v);
	tc_root_add(h, (void **)&groot, 1);
	tc_write(m, (void **)&groot, (node *)v);
	for (size_t c = 0; c < copies; c++) {
		vec *e = (vec *)((char *)v + c * vec_t.size);
		e->n = n;
		for (size_t i = 0; i < n; i++)
			tc_write(m, (void **)&e->items[i], new_node(m, c * n + i));
	}
	traced = 0;
	tc_collect(m);
	assert_true(traced >= (int)copies); /* mark, and the verifier again */
	for (size_t c = 0; c < copies; c++) {
		vec *e = (vec *)((char *)v + c * vec_t.size);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(e->items[i]->val, c * n + i);
	}
	/* Dropping the container frees all nodes. */
	drop_root_and_finish(h, m);
}

static void test_trace_callback_small(void **state)
{
	(void)state;
	trace_callbacks(10, 1);
}

static void test_trace_callback_small_array(void **state)
{
	(void)state;
	trace_callbacks(3, 20);
}

static void test_trace_callback_large(void **state)
{
	(void)state;
	trace_callbacks(scaled(20000, 2000), 1);
}

/* Conservative stacks: an interior pointer held only in a local keeps the
 * object (and what it points to) alive. */
__attribute__((noinline)) static void churn(tc_mutator *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		new_node(m, i);
}

static void test_interior_pointer_on_stack_keeps_object(void **state)
{
	(void)state;
	tc_heap *h = conservative_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *a = new_node(m, 7);
	tc_write(m, (void **)&a->next, new_node(m, 8));
	volatile uintptr_t inner = (uintptr_t)a + 20; /* inside a->val's word */
	a = NULL;
	for (int i = 0; i < 3; i++) {
		tc_collect(m);
		churn(m, 20000); /* would reuse the slots if they had been freed */
	}
	node *back = (node *)(inner - 20);
	assert_int_equal(back->magic, NODE_MAGIC);
	assert_int_equal(back->val, 7);
	assert_int_equal(back->next->val, 8);
	assert_int_equal(back->next->magic, NODE_MAGIC);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_global_roots_added_and_removed(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	static node *globals[4];
	tc_root_add(h, (void **)globals, 4);
	for (int i = 0; i < 4; i++)
		tc_write(m, (void **)&globals[i], new_node(m, (uint64_t)i));
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 4 * 32);
	for (int i = 0; i < 4; i++)
		assert_int_equal(globals[i]->val, i);
	tc_root_remove(h, (void **)globals);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 0);
	tc_clear_error();
	tc_root_remove(h, (void **)globals); /* not registered any more */
	assert_non_null(tc_last_error());
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_precise_frames(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *frame1[2] = {0}, *frame2[1] = {0};
	tc_roots_push(m, (void **)frame1, 2);
	frame1[0] = new_node(m, 1);
	frame1[1] = new_node(m, 2);
	tc_roots_push(m, (void **)frame2, 1);
	frame2[0] = new_node(m, 3);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 3 * 32);
	tc_roots_pop(m);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 2 * 32);
	assert_int_equal(frame1[1]->val, 2);
	tc_roots_pop(m);
	tc_collect(m);
	assert_int_equal(metric(h, "heap.live.bytes"), 0);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cycles_survive_and_die_together),
		cmocka_unit_test(test_ten_million_node_list),
		cmocka_unit_test(test_same_size_types_interleaved),
		cmocka_unit_test(test_small_pointer_arrays),
		cmocka_unit_test(test_large_pointer_arrays_split_in_oblets),
		cmocka_unit_test(test_trace_callback_small),
		cmocka_unit_test(test_trace_callback_small_array),
		cmocka_unit_test(test_trace_callback_large),
		cmocka_unit_test(test_interior_pointer_on_stack_keeps_object),
		cmocka_unit_test(test_global_roots_added_and_removed),
		cmocka_unit_test(test_precise_frames),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
