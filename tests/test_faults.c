/* Fault injection: the OS refuses memory (mmap, metadata mmap) or refuses to
 * take it back (madvise) at chosen points. Each time the failing call returns
 * NULL with a message naming the call and the OS's reason, every object
 * allocated before is intact, and the heap works again once memory returns. */
#define TC_GRAPH_HELPERS
#include <string.h>

#include "alloc.h"
#include "testutil.h"

#define MiB ((size_t)1 << 20)
#define NKEEP 256

static void *keep[NKEEP];

static void fill(tc_mutator *m)
{
	for (size_t i = 0; i < NKEEP; i++) {
		size_t size = i % 16 == 0 ? 100000 : 64 + i; /* some large, most small */
		uint64_t *o = tc_alloc_noscan(m, size);
		assert_non_null(o);
		o[0] = i;
		o[size / 8 - 1] = ~i;
		tc_write(m, &keep[i], o);
	}
}

static void check(void)
{
	for (size_t i = 0; i < NKEEP; i++) {
		size_t size = i % 16 == 0 ? 100000 : 64 + i;
		const uint64_t *o = keep[i];
		if (o[0] != i || o[size / 8 - 1] != ~i)
			fail_msg("object %zu was damaged by a failed allocation", i);
	}
}

static tc_heap *setup(tc_mutator **m)
{
	for (int k = 0; k < OS_FAULT_KINDS; k++)
		tc__os_fault_inject(k, 0, 0); /* a failed test must not leave faults behind */
	tc_heap *h = precise_heap();
	*m = tc_mutator_attach(h);
	tc_root_add(h, keep, NKEEP);
	fill(*m);
	return h;
}

static void teardown(tc_heap *h, tc_mutator *m)
{
	tc_root_remove(h, keep);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_mmap_fails_then_returns(void **state)
{
	(void)state;
	tc_mutator *m;
	tc_heap *h = setup(&m);
	tc__os_fault_inject(OS_FAULT_MAP, 0, 1000000);
	tc_clear_error();
	void *p = NULL;
	for (int i = 0; i < 64 && (p = tc_alloc_noscan(m, 4 * MiB)) != NULL; i++)
		; /* free pages may serve a few first */
	assert_null(p);
	assert_non_null(strstr(tc_last_error(), "tc_alloc_noscan: cannot map"));
	assert_non_null(strstr(tc_last_error(), "Cannot allocate memory"));
	/* Small objects too, once the free spans are used up: a rooted list
	 * grows until a span refill needs memory the OS refuses. */
	static node *list;
	tc_root_add(h, (void **)&list, 1);
	node *q = NULL;
	for (int i = 0; i < 4000000 && (q = tc_alloc(m, &node_t)) != NULL; i++) {
		tc_write(m, (void **)&q->next, list);
		tc_write(m, (void **)&list, q);
	}
	assert_null(q);
	assert_non_null(strstr(tc_last_error(), "tc_alloc: cannot map"));
	check();
	tc_collect(m);
	check();
	tc__os_fault_inject(OS_FAULT_MAP, 0, 0); /* memory returns */
	assert_non_null(tc_alloc_noscan(m, 4 * MiB));
	assert_non_null(tc_alloc(m, &node_t));
	size_t n = 0;
	for (node *x = list; x; x = x->next)
		n++;
	assert_true(n > 0); /* the list built before the failure is whole */
	tc_write(m, (void **)&list, NULL);
	tc_root_remove(h, (void **)&list);
	tc_collect(m);
	check();
	teardown(h, m);
}

/* A new arena needs side metadata: failing that mmap fails the allocation
 * that needed the arena, with the metadata named. */
static void test_metadata_mmap_fails(void **state)
{
	(void)state;
	tc_mutator *m;
	tc_heap *h = setup(&m);
	tc__os_fault_inject(OS_FAULT_META, 0, 1000000);
	tc_clear_error();
	assert_null(tc_alloc_noscan(m, 96 * MiB)); /* beyond the 64 MiB arena */
	assert_non_null(strstr(tc_last_error(), "tc_alloc_noscan: cannot map"));
	assert_non_null(strstr(tc_last_error(), "heap metadata"));
	check();
	tc__os_fault_inject(OS_FAULT_META, 0, 0);
	assert_non_null(tc_alloc_noscan(m, 96 * MiB));
	check();
	teardown(h, m);
}

/* Reserving address space fails: the same, for a heap's first region. */
static void test_reserve_fails(void **state)
{
	(void)state;
	tc_mutator *m;
	tc_heap *h = setup(&m);
	tc__os_fault_inject(OS_FAULT_RESERVE, 0, 1000000);
	tc_clear_error();
	assert_null(tc_alloc_noscan(m, 200 * MiB)); /* needs a region of its own */
	assert_non_null(strstr(tc_last_error(), "cannot reserve"));
	check();
	tc__os_fault_inject(OS_FAULT_RESERVE, 0, 0);
	assert_non_null(tc_alloc_noscan(m, 200 * MiB));
	teardown(h, m);
}

/* madvise fails while the scavenger returns free pages: they stay mapped and
 * reusable, the failure is counted, and the next scavenge succeeds. */
static void test_madvise_fails(void **state)
{
	(void)state;
	tc_mutator *m;
	tc_heap *h = setup(&m);
	static void *big[16];
	tc_root_add(h, big, 16);
	for (int i = 0; i < 16; i++)
		tc_write(m, &big[i], tc_alloc_noscan(m, 4 * MiB));
	for (int i = 0; i < 16; i++)
		tc_write(m, &big[i], NULL); /* 64 MiB free after the next cycle */
	uint64_t rel0 = metric(h, "heap.released.bytes");
	tc__os_fault_inject(OS_FAULT_RELEASE, 0, 1000000);
	/* The first collection frees the 64 MiB, but its scavenge keeps as
	 * many pages as its cycle had in use at the peak (gc.c, tc__scav_keep),
	 * and those 64 MiB were in use until its sweep: whether it tries to
	 * release anything at all depends on a few MiB of slack, which a
	 * concurrent cycle's timing took away once (TSan, CI). The second's
	 * peak is the small heap that is left: it must try, and fail. */
	tc_collect(m);
	tc_collect(m);
	assert_true(metric(h, "heap.scavenge.errors") > 0);
	assert_int_equal(metric(h, "heap.released.bytes"), rel0);
	check();
	assert_non_null(tc_alloc_noscan(m, 8 * MiB)); /* the unreleased pages are reused */
	tc__os_fault_inject(OS_FAULT_RELEASE, 0, 0);
	tc_collect(m);
	tc_collect(m);
	assert_true(metric(h, "heap.released.bytes") > rel0);
	check();
	tc_root_remove(h, big);
	teardown(h, m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mmap_fails_then_returns),
		cmocka_unit_test(test_metadata_mmap_fails),
		cmocka_unit_test(test_reserve_fails),
		cmocka_unit_test(test_madvise_fails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
