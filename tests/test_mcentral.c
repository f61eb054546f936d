/* mcentral refill from several threads at once: every thread has its own
 * mcache, they release spans half-used so that partial spans move between
 * them, and no object may be handed out twice. */
#include <pthread.h>

#include "testutil.h"
#include "alloc.h"

enum { THREADS = 4, PER_THREAD = 60000 };

static mheap H;
static uintptr_t addrs[THREADS][PER_THREAD];

static void *worker(void *arg)
{
	uintptr_t *out = arg;
	mcache c;
	tc__mcache_init(&c, &H);
	static const size_t sizes[] = {16, 48, 512, 3072};
	for (int i = 0; i < PER_THREAD; i++) {
		span *s;
		size_t sz = sizes[i % 4];
		void *p = mcache_alloc_small(&c, spc_make(sizeclass_of(sz), i % 8 < 4 ? SK_SCAN : SK_NOSCAN), &s);
		if (p == NULL)
			return NULL;
		*(uintptr_t *)p = (uintptr_t)p; /* touch: a double hand-out would also race here */
		out[i] = (uintptr_t)p;
		if (i % 5000 == 4999)
			tc__mcache_release_all(&c); /* partial spans go back to mcentral */
	}
	tc__mcache_release_all(&c);
	return out;
}

static void test_concurrent_refill_never_hands_out_twice(void **state)
{
	(void)state;
	assert_int_equal(tc__mheap_init(&H), 0);
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, addrs[i]), 0);
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_non_null(r);
	}
	for (int i = 0; i < THREADS; i++)
		for (int j = 0; j < PER_THREAD; j++) {
			uintptr_t p = addrs[i][j];
			assert_int_equal(*(uintptr_t *)p, p);
			assert_int_equal(tc__mheap_find_object(&H, p, NULL), p);
		}
	assert_all_distinct(&addrs[0][0], (size_t)THREADS * PER_THREAD);
	tc__mheap_destroy(&H);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_refill_never_hands_out_twice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
