/* The sweep entry point, driven by mark bits set by hand: it frees exactly the
 * unmarked objects, hands empty spans back to mheap, frees unmarked large
 * objects, and sweeps spans that were cached when the sweep began. */
#include <string.h>
#include <time.h>

#include "testutil.h"
#include "alloc.h"

static mheap H;
static mcache C;

static int setup(void **state)
{
	(void)state;
	if (tc__mheap_init(&H) != 0)
		return -1;
	tc__mcache_init(&C, &H);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tc__mcache_release_all(&C);
	tc__mheap_destroy(&H);
	return 0;
}

static void mark(uintptr_t p)
{
	span *s;
	assert_int_equal(tc__mheap_find_object(&H, p, &s), p);
	assert_true(span_set_mark(s, s->nelems == 1 ? 0 : span_obj_index(s, p)));
}

/* A GC cycle's end, as the collector will do it: caches flushed, sweepgen
 * bumped, everything swept. */
static void sweep_everything(void)
{
	tc__mheap_start_sweep(&H);
	tc__mcache_prepare_for_sweep(&C);
	tc__mheap_sweep_all(&H);
}

static void test_sweep_frees_exactly_the_unmarked(void **state)
{
	(void)state;
	enum { N = 5000 };
	spanclass spc = spc_make(sizeclass_of(48), SK_SCAN);
	static uintptr_t objs[N], freed[N], again[N];
	static bool kept[N];
	uint64_t seed = 7;
	size_t nfreed = 0;
	for (int i = 0; i < N; i++) {
		span *s;
		objs[i] = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		assert_true(objs[i] != 0);
	}
	tc__mcache_release_all(&C);
	uint64_t inuse = atomic_load(&H.inuse);
	for (int i = 0; i < N; i++) {
		kept[i] = test_rand(&seed) % 2;
		if (kept[i])
			mark(objs[i]);
		else
			freed[nfreed++] = objs[i];
	}
	sweep_everything();
	for (int i = 0; i < N; i++)
		assert_int_equal(tc__mheap_find_object(&H, objs[i], NULL), kept[i] ? objs[i] : 0);
	/* Allocating as many as were freed gives back exactly the freed slots. */
	for (size_t i = 0; i < nfreed; i++) {
		span *s;
		again[i] = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		assert_true(s->needzero);
	}
	assert_int_equal(atomic_load(&H.inuse), inuse);
	qsort(freed, nfreed, sizeof freed[0], cmp_uptr);
	qsort(again, nfreed, sizeof again[0], cmp_uptr);
	assert_memory_equal(freed, again, nfreed * sizeof freed[0]);
}

static void test_empty_spans_go_back_to_mheap(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(1024), SK_NOSCAN);
	uintptr_t first = 0;
	for (int i = 0; i < 8 * 10; i++) { /* ten spans of eight */
		span *s;
		uintptr_t p = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		if (i == 0)
			first = p;
		if (i == 8 * 4)
			mark(first); /* keep one object in the first span only */
	}
	tc__mcache_release_all(&C);
	assert_int_equal(atomic_load(&H.inuse), 10 * TC_PAGE_SIZE);
	sweep_everything();
	assert_int_equal(atomic_load(&H.inuse), 1 * TC_PAGE_SIZE);
	assert_int_equal(tc__mheap_find_object(&H, first, NULL), first);
	sweep_everything(); /* unmarked this time: the last span goes too */
	assert_int_equal(atomic_load(&H.inuse), 0);
	assert_null(mheap_span_of(&H, first));
}

/* After a cycle, a refill sweeps at most REFILL_SWEEP_MAX unswept spans
 * looking for a free slot, then takes a fresh span: its stall is bounded
 * however many full spans the last cycle left. */
static void test_refill_sweeps_a_bounded_number_of_spans(void **state)
{
	(void)state;
	enum { SPANS = 40, PER = 8 }; /* 1 KiB objects: eight to a span */
	spanclass spc = spc_make(sizeclass_of(1024), SK_NOSCAN);
	static uintptr_t objs[SPANS * PER];
	for (int i = 0; i < SPANS * PER; i++) {
		span *s;
		objs[i] = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		assert_true(objs[i] != 0);
	}
	tc__mcache_release_all(&C);
	for (int i = 0; i < SPANS * PER; i++)
		mark(objs[i]); /* all live: every span is full once swept */
	tc__mheap_start_sweep(&H);
	tc__mcache_prepare_for_sweep(&C);
	uint32_t sg = atomic_load(&H.sweepgen);
	span *s;
	uintptr_t p = (uintptr_t)mcache_alloc_small(&C, spc, &s);
	assert_true(p != 0);
	int swept = 0, fresh = 1;
	for (int i = 0; i < SPANS * PER; i += PER) {
		span *o = mheap_span_of(&H, objs[i]);
		swept += atomic_load(&o->sweepgen) == sg;
		fresh &= o != s;
	}
	assert_int_equal(swept, REFILL_SWEEP_MAX);
	assert_true(fresh); /* none had room: a new span */
	assert_int_equal(tc__mheap_sweep_all(&H), SPANS - REFILL_SWEEP_MAX);
	for (int i = 0; i < SPANS * PER; i++)
		assert_int_equal(tc__mheap_find_object(&H, objs[i], NULL), objs[i]);
}

static void test_large_objects_swept_by_mark(void **state)
{
	(void)state;
	span *s[3];
	uintptr_t p[3];
	for (int i = 0; i < 3; i++)
		p[i] = (uintptr_t)tc__mcache_alloc_large(&C, 200 << 10, false, NULL, 0, &s[i]);
	mark(p[1]);
	sweep_everything();
	assert_null(mheap_span_of(&H, p[0]));
	assert_ptr_equal(mheap_span_of(&H, p[1]), s[1]);
	assert_null(mheap_span_of(&H, p[2]));
	assert_false(span_marked(s[1], 0)); /* mark bits cleared for the next cycle */
	sweep_everything();
	assert_null(mheap_span_of(&H, p[1]));
	assert_int_equal(atomic_load(&H.inuse), 0);
}

static void test_span_cached_across_sweep_is_swept_on_release(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(64), SK_NOSCAN);
	span *s;
	uintptr_t a = (uintptr_t)mcache_alloc_small(&C, spc, &s);
	uintptr_t b = (uintptr_t)mcache_alloc_small(&C, spc, &s);
	mark(b);
	assert_int_equal(atomic_load(&s->sweepgen), atomic_load(&H.sweepgen) + 3);
	tc__mheap_start_sweep(&H);
	assert_int_equal(atomic_load(&s->sweepgen), atomic_load(&H.sweepgen) + 1); /* stale */
	tc__mheap_sweep_all(&H); /* the background sweep cannot see a cached span */
	assert_int_equal(tc__mheap_find_object(&H, a, NULL), a);
	tc__mcache_prepare_for_sweep(&C); /* release sweeps it */
	assert_int_equal(atomic_load(&s->sweepgen), atomic_load(&H.sweepgen));
	assert_int_equal(tc__mheap_find_object(&H, a, NULL), 0);
	assert_int_equal(tc__mheap_find_object(&H, b, NULL), b);
	assert_int_equal(s->allocCount, 1);
}

static void test_sweepgen_claims_a_span_once(void **state)
{
	(void)state;
	span *s = tc__mheap_alloc_span(&H, 1, spc_make(sizeclass_of(16), SK_NOSCAN));
	assert_false(tc__span_try_acquire_sweep(&H, s)); /* swept already this cycle */
	tc__mheap_start_sweep(&H);
	assert_true(tc__span_try_acquire_sweep(&H, s));
	assert_false(tc__span_try_acquire_sweep(&H, s));
	assert_int_equal(atomic_load(&s->sweepgen), atomic_load(&H.sweepgen) - 1);
	bool gone;
	tc__span_sweep(&H, s, false, &gone);
	assert_true(gone);
}

/* The libgc shim's GC_base/GC_free race (issue 15): a thread looks up a
 * live object while another sweeps its span. The sweep swaps the span's
 * allocation bits and clears the old ones, so a reader holding the old
 * pointer could read the live object's bit as 0 and call it free. Here the
 * sweep is caught at that moment: acquired (sweepgen sg-1), old bits
 * cleared, not yet swapped. The lookup must wait for the sweep, then find
 * the object; the lookup before the seqlock returned 0 at once. */
static span *torn_span;
static uintptr_t torn_obj, torn_found = 1;
static void *torn_reader(void *arg)
{
	(void)arg;
	set_stage(1);
	uintptr_t r = tc__mheap_find_object(&H, torn_obj, NULL);
	__atomic_store_n(&torn_found, r, __ATOMIC_RELEASE);
	set_stage(2);
	return NULL;
}

static void test_lookup_beside_a_sweep_waits_for_it(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(32), SK_SCAN);
	span *s;
	uintptr_t a = (uintptr_t)mcache_alloc_small(&C, spc, &s), b = (uintptr_t)mcache_alloc_small(&C, spc, &s);
	tc__mcache_release_all(&C);
	mark(a);
	mark(b);
	sweep_everything(); /* both survive: from now on only allocbits say so (pubfree 0) */
	assert_int_equal(__atomic_load_n(&s->pubfree, __ATOMIC_RELAXED), 0);
	mark(a);
	tc__mheap_start_sweep(&H);
	torn_span = tc__mcentral_next_unswept(&H.central[spc], &H);
	assert_ptr_equal(torn_span, s);
	uint32_t ia = span_obj_index(s, a);
	uint64_t saved = s->allocbits[ia / 64];
	__atomic_store_n(&s->allocbits[ia / 64], 0, __ATOMIC_RELAXED); /* what a reader of the old bits sees */
	torn_obj = a;
	stage = 0;
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, torn_reader, NULL), 0);
	wait_stage(1);
	struct timespec ts = {0, 50 * 1000 * 1000};
	nanosleep(&ts, NULL);
	assert_int_equal(stage_now(), 1); /* still waiting for the sweep */
	__atomic_store_n(&s->allocbits[ia / 64], saved, __ATOMIC_RELAXED);
	tc__span_sweep(&H, s, false, NULL);
	pthread_join(t, NULL);
	assert_int_equal(__atomic_load_n(&torn_found, __ATOMIC_ACQUIRE), a);
	assert_int_equal(tc__mheap_find_object(&H, b, NULL), 0); /* unmarked: freed by the sweep */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sweep_frees_exactly_the_unmarked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_spans_go_back_to_mheap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refill_sweeps_a_bounded_number_of_spans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_objects_swept_by_mark, setup, teardown),
		cmocka_unit_test_setup_teardown(test_span_cached_across_sweep_is_swept_on_release, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sweepgen_claims_a_span_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lookup_beside_a_sweep_waits_for_it, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
