/* mheap: large objects, the page allocator under fragmentation, the
 * page→span map for interior and foreign pointers, and clear errors. */
#include <string.h>

#include "testutil.h"
#include "alloc.h"
#include "tricolor.h"

static mheap H;

static int setup(void **state)
{
	(void)state;
	return tc__mheap_init(&H);
}

static int teardown(void **state)
{
	(void)state;
	tc__mheap_destroy(&H);
	return 0;
}

static void count_run(mheap *h, span *run, void *arg)
{
	(void)h;
	(void)run;
	(*(size_t *)arg)++;
}

static size_t free_runs(void)
{
	size_t n = 0;
	tc__pagealloc_each(&H, count_run, &n);
	return n;
}

static void test_large_objects_alloc_and_release(void **state)
{
	(void)state;
	const size_t sizes[] = {32768 + 1, 100 << 10, 1 << 20, (size_t)100 << 20 /* spans two arenas */};
	mcache c;
	tc__mcache_init(&c, &H);
	span *spans[4];
	for (int i = 0; i < 4; i++) {
		char *p = tc__mcache_alloc_large(&c, sizes[i], i % 2, NULL, 0, &spans[i]);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % TC_PAGE_SIZE, 0);
		assert_true(spans[i]->elemsize >= sizes[i]);
		memset(p, 0xab, sizes[i]);
		assert_ptr_equal(tc__mheap_find_object(&H, (uintptr_t)p, NULL), p);
		assert_ptr_equal(tc__mheap_find_object(&H, (uintptr_t)p + sizes[i] - 1, NULL), p);
		assert_ptr_equal(mheap_span_of(&H, (uintptr_t)p + sizes[i] / 2), spans[i]);
	}
	uint64_t inuse = atomic_load(&H.inuse);
	assert_true(inuse >= sizes[0] + sizes[1] + sizes[2] + sizes[3]);
	for (int i = 0; i < 4; i++) {
		uintptr_t base = spans[i]->base;
		tc__mcentral_remove(&H.central[spans[i]->spc], spans[i]);
		tc__mheap_free_span(&H, spans[i]);
		assert_null(mheap_span_of(&H, base));
	}
	assert_int_equal(atomic_load(&H.inuse), 0);
	/* All free pages coalesce into one run per region. */
	size_t regions = 0;
	for (region *r = H.regions; r; r = r->next)
		regions++;
	assert_true(free_runs() <= regions);
	assert_int_equal((uint64_t)H.nfree_pages << TC_PAGE_SHIFT, atomic_load(&H.sys));
}

static void test_page_allocator_under_fragmentation(void **state)
{
	(void)state;
	enum { N = 256 };
	span *runs[N];
	spanclass spc = spc_make(0, SK_NOSCAN);
	for (int i = 0; i < N; i++)
		assert_non_null(runs[i] = tc__mheap_alloc_span(&H, 3, spc));
	uint64_t sys = atomic_load(&H.sys);
	uintptr_t holes[N / 2];
	for (int i = 0; i < N; i += 2) {
		holes[i / 2] = runs[i]->base;
		tc__mheap_free_span(&H, runs[i]);
	}
	/* Same-size requests refill the holes: no growth, same addresses. */
	uintptr_t got[N / 2];
	for (int i = 0; i < N / 2; i++) {
		span *s = tc__mheap_alloc_span(&H, 3, spc);
		assert_non_null(s);
		got[i] = s->base;
		runs[2 * i] = s;
	}
	assert_int_equal(atomic_load(&H.sys), sys);
	qsort(holes, N / 2, sizeof holes[0], cmp_uptr);
	qsort(got, N / 2, sizeof got[0], cmp_uptr);
	assert_memory_equal(holes, got, sizeof holes);
	/* Free every other again, then ask for larger runs: none fits a hole, so
	 * they come from the tail; freeing the neighbours then coalesces. */
	for (int i = 0; i < N; i += 2)
		tc__mheap_free_span(&H, runs[i]);
	span *big[16];
	for (int i = 0; i < 16; i++) {
		assert_non_null(big[i] = tc__mheap_alloc_span(&H, 7, spc));
		for (int j = 0; j < N; j += 2)
			assert_false(big[i]->base == runs[j]->base);
	}
	for (int i = 1; i < N; i += 2)
		tc__mheap_free_span(&H, runs[i]);
	/* Now the first N runs are one free stretch: a 3*N-page request fits
	 * without growing. */
	sys = atomic_load(&H.sys);
	span *all = tc__mheap_alloc_span(&H, 3 * N, spc);
	assert_non_null(all);
	assert_int_equal(atomic_load(&H.sys), sys);
	tc__mheap_free_span(&H, all);
	for (int i = 0; i < 16; i++)
		tc__mheap_free_span(&H, big[i]);
	assert_int_equal(free_runs(), 1);
	assert_int_equal(atomic_load(&H.inuse), 0);
}

static void test_interior_pointers_resolve_to_object_start(void **state)
{
	(void)state;
	mcache c;
	tc__mcache_init(&c, &H);
	const size_t sizes[] = {8, 24, 1024, 5376, 32768};
	for (int k = 0; k < 5; k++) {
		spanclass spc = spc_make(sizeclass_of(sizes[k]), SK_SCAN);
		span *s, *sp[3];
		uintptr_t objs[3];
		for (int i = 0; i < 3; i++)
			objs[i] = (uintptr_t)mcache_alloc_small(&c, spc, &sp[i]);
		s = sp[2];
		for (int i = 0; i < 3; i++) {
			for (size_t b = 0; b < sp[i]->elemsize; b++) {
				span *got = NULL;
				if (tc__mheap_find_object(&H, objs[i] + b, &got) != objs[i])
					fail_msg("size %zu: byte %zu of object %d resolves wrong", sizes[k], b, i);
				assert_ptr_equal(got, sp[i]);
			}
		}
		/* The next, still-free object resolves to nothing. */
		if (span_obj_index(s, objs[2]) + 1 < s->nelems)
			assert_int_equal(tc__mheap_find_object(&H, objs[2] + s->elemsize, NULL), 0);
	}
	int local;
	static int global;
	void *m = malloc(64);
	const uintptr_t foreign[] = {0, 1, (uintptr_t)&local, (uintptr_t)&global, (uintptr_t)m,
				     (uintptr_t)test_interior_pointers_resolve_to_object_start, ~(uintptr_t)0,
				     H.regions->base - 1, H.curend /* mapped end: not yet mapped */};
	for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++)
		assert_int_equal(tc__mheap_find_object(&H, foreign[i], NULL), 0);
	free(m);
	tc__mcache_release_all(&c);
}

static void test_bad_sizes_give_clear_errors(void **state)
{
	(void)state;
	mcache c;
	tc__mcache_init(&c, &H);
	span *s;
	tc_clear_error();
	assert_null(tc__mcache_alloc_large(&c, (size_t)1 << 60, false, NULL, 0, &s));
	assert_non_null(tc_last_error());
	assert_non_null(strstr(tc_last_error(), "beyond the address space"));
	tc_clear_error();
	assert_null(tc__mheap_alloc_span(&H, 0, spc_make(0, SK_SCAN)));
	assert_non_null(strstr(tc_last_error(), "pages"));
}

/* Out of memory: under an address-space limit the heap cannot grow; the
 * allocation fails with a message and the heap keeps what it had. */
#if !defined(TC_SANITIZER) /* the test is skipped there */
static char *oom_keep;

static int oom_before(void *ctx)
{
	mcache *c = ctx;
	span *s;
	tc__mcache_init(c, &H);
	oom_keep = tc__mcache_alloc_large(c, 1 << 20, true, NULL, 0, &s);
	if (oom_keep == NULL)
		return 10;
	memset(oom_keep, 7, 1 << 20);
	return 0;
}

static int oom_after(void *ctx)
{
	span *s;
	tc_clear_error();
	if (tc__mcache_alloc_large(ctx, (size_t)512 << 20, true, NULL, 0, &s) != NULL)
		return 12;
	const char *e = tc_last_error();
	if (e == NULL || strstr(e, "cannot") == NULL)
		return 13;
	return oom_keep[0] != 7 || oom_keep[(1 << 20) - 1] != 7 ? 14 : 0;
}
#endif

static void test_out_of_memory_is_an_error_not_a_crash(void **state)
{
	(void)state;
#if defined(TC_SANITIZER)
	skip(); /* sanitizer runtimes reserve terabytes; RLIMIT_AS breaks them */
#else
	mcache c;
	in_child_without_address_space(oom_before, oom_after, &c);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_large_objects_alloc_and_release, setup, teardown),
		cmocka_unit_test_setup_teardown(test_page_allocator_under_fragmentation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interior_pointers_resolve_to_object_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_sizes_give_clear_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_of_memory_is_an_error_not_a_crash, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
