/* Spans: allocation order, allocCache across 64-object words with holes, and
 * the pointer bitmap. */
#include <string.h>

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

static void test_fresh_span_hands_out_every_index_in_order(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(24), SK_NOSCAN);
	span *first = NULL, *s;
	uintptr_t base = 0;
	for (uint32_t i = 0;; i++) {
		void *p = mcache_alloc_small(&C, spc, &s);
		assert_non_null(p);
		if (first == NULL) {
			first = s;
			base = s->base;
			assert_int_equal(s->nelems, 341);
		}
		if (s != first) {
			assert_int_equal(i, first->nelems); /* moved on only when full */
			assert_int_equal(first->allocCount, first->nelems);
			break;
		}
		assert_int_equal((uintptr_t)p, base + (uintptr_t)i * 24);
	}
}

/* Lay down an alloc bitmap by hand (as a sweep would), cache the span, and
 * check that allocation visits exactly its clear bits, in order, through
 * runs (the fast path and the slow path, which folds the run and loads the
 * next stretch, alternating); that each slot reads allocated to a marker
 * once published; and that folding leaves the span's own bookkeeping true. */
static void test_runs_visit_exactly_the_free_slots(void **state)
{
	(void)state;
	uint64_t seed = 42;
	spanclass spc = spc_make(1, SK_NOSCAN);
	span *s = tc__mheap_alloc_span(&H, 1, spc); /* 1024 objects */
	assert_non_null(s);
	for (int round = 0; round < 200; round++) {
		int density = round % 5; /* 0: all free ... 4: mostly allocated */
		memset(s->allocbits, 0, sizeof s->bits[0]);
		uint32_t expect[SPAN_MAX_OBJS], nexp = 0, nalloc = 0;
		for (uint32_t i = 0; i < s->nelems; i++) {
			bool taken = (test_rand(&seed) % 5) < (uint64_t)density;
			if (round == 7 && i >= 64 && i < 192)
				taken = true; /* two whole allocated words */
			if (taken) {
				s->allocbits[i / 64] |= (uint64_t)1 << (i % 64);
				nalloc++;
			} else {
				expect[nexp++] = i;
			}
		}
		tc__span_fill_alloc_tail(s->allocbits, s->nelems);
		s->freeindex = 0;
		s->pubfree = 0;
		s->allocCount = nalloc;
		tc__span_refill_alloc_cache(s, 0);
		C.alloc[spc] = s;
		for (uint32_t k = 0; k < nexp; k++) {
			span *sp;
			uint32_t idx;
			uintptr_t p;
			if (k % 2) {
				p = (uintptr_t)mcache_alloc_small(&C, spc, &sp);
				idx = (uint32_t)((p - s->base) / s->elemsize);
			} else {
				p = (uintptr_t)tc__mcache_alloc_small_slow(&C, spc, &sp, &idx);
				span_publish(sp, idx);
			}
			assert_ptr_equal(sp, s);
			assert_int_equal(idx, expect[k]);
			assert_int_equal(p, span_obj_base(s, idx));
			assert_false(span_is_free_published(s, idx));
			if (k + 1 < nexp)
				assert_true(span_is_free_published(s, expect[k + 1]));
		}
		tc__mcache_fold(&C, spc);
		assert_int_equal(tc__span_next_free_index(s), s->nelems);
		assert_int_equal(s->allocCount, s->nelems);
		assert_int_equal(tc__span_count_alloc(s), s->nelems);
		C.alloc[spc] = &tc__emptyspan;
	}
	tc__mheap_free_span(&H, s);
}

static void test_pointer_bitmap_roundtrip(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(48), SK_SCAN);
	span *s;
	uintptr_t objs[200];
	const size_t offs[] = {0, 16, 40};
	const size_t arr_offs[] = {8};
	for (int i = 0; i < 200; i++) {
		objs[i] = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		assert_true(objs[i] != 0);
		if (i % 2 == 0)
			tc__heapbits_write(s, objs[i], 48, offs, 3, 1);
		else
			tc__heapbits_write(s, objs[i], 16, arr_offs, 1, 3); /* array of 3 × {int, ptr} */
	}
	for (int i = 0; i < 200; i++) {
		s = mheap_span_of(&H, objs[i]);
		assert_non_null(s);
		for (uint32_t w = 0; w < 6; w++) {
			bool want = i % 2 == 0 ? (w == 0 || w == 2 || w == 5) : (w % 2 == 1);
			if (tc__heapbits_is_ptr(s, objs[i] + w * 8) != want)
				fail_msg("object %d word %u: bit %d, want %d", i, w, !want, want);
		}
	}
	/* Rewriting an object clears its old bits and leaves neighbours alone. */
	s = mheap_span_of(&H, objs[10]);
	tc__heapbits_write(s, objs[10], 48, NULL, 0, 0);
	for (uint32_t w = 0; w < 6; w++)
		assert_false(tc__heapbits_is_ptr(s, objs[10] + w * 8));
	assert_true(tc__heapbits_is_ptr(mheap_span_of(&H, objs[11]), objs[11] + 8));
	assert_true(tc__heapbits_is_ptr(mheap_span_of(&H, objs[9]), objs[9] + 8));
}

/* The uniform layout: a span of one type writes no bitmap; its first object
 * of another type writes every slot's bits from the mask (objects of 48
 * bytes straddle bitmap words), and from then on each object has its own. */
static void test_uniform_layout_turns_mixed(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(48), SK_SCAN);
	static const int type_a = 0, type_b = 0; /* stand-ins: the tier compares addresses only */
	const size_t offs_a[] = {0, 16, 40}, offs_b[] = {8};
	span *s, *first = NULL;
	uintptr_t objs[120];
	int n = 0;
	for (; n < 100; n++) {
		objs[n] = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		assert_true(objs[n] != 0);
		if (first == NULL)
			first = s;
		assert_ptr_equal(s, first); /* a 48-byte span holds 170 */
		if (n == 0 || s->utype != &type_a)
			tc__heapbits_describe(s, objs[n], &type_a, 48, offs_a, 3, 1);
	}
	assert_int_equal(atomic_load(&s->layout), LAYOUT_UNIFORM);
	assert_int_equal(s->umask, 0x25);
	uint64_t bitmap[16]; /* the span's 1024 words */
	assert_int_equal(s->npages, 1);
	memcpy(bitmap, s->ptrbits, sizeof bitmap);
	for (; n < 120; n++) {
		objs[n] = (uintptr_t)mcache_alloc_small(&C, spc, &s);
		tc__heapbits_describe(s, objs[n], n % 2 ? &type_b : &type_a, n % 2 ? 16 : 48, n % 2 ? offs_b : offs_a,
				      n % 2 ? 1 : 3, n % 2 ? 3 : 1);
	}
	assert_int_equal(atomic_load(&s->layout), LAYOUT_MIXED);
	assert_null(s->utype);
	assert_true(memcmp(bitmap, s->ptrbits, sizeof bitmap) != 0); /* the bitmap was written */
	for (int i = 0; i < 120; i++) {
		bool b = i >= 100 && i % 2;
		for (uint32_t w = 0; w < 6; w++) {
			bool want = b ? w % 2 == 1 : (w == 0 || w == 2 || w == 5);
			if (tc__heapbits_is_ptr(s, objs[i] + w * 8) != want)
				fail_msg("object %d word %u: bit %d, want %d", i, w, !want, want);
		}
	}
	/* An array goes to the bitmap in a fresh span at once. */
	span_reset_layout(s);
	tc__heapbits_describe(s, objs[0], &type_b, 16, offs_b, 1, 3);
	assert_int_equal(atomic_load(&s->layout), LAYOUT_MIXED);
	assert_true(tc__heapbits_is_ptr(s, objs[0] + 8));
	assert_false(tc__heapbits_is_ptr(s, objs[0] + 16));
}

/* Turning MIXED writes the bits of the objects that are allocated: those
 * live since the last sweep (allocbits) and those handed out since
 * (below pubfree), wherever they are in the span. */
static void test_mixed_turn_covers_swept_survivors(void **state)
{
	(void)state;
	spanclass spc = spc_make(sizeclass_of(48), SK_SCAN);
	span *s = tc__mheap_alloc_span(&H, 1, spc);
	assert_non_null(s);
	static const int type_a = 0, type_b = 0;
	const size_t offs_a[] = {0, 16, 40}, offs_b[] = {8};
	memset(s->ptrbits, 0xff, (s->nelems * 6 + 63) / 64 * sizeof(uint64_t)); /* stale bits everywhere */
	const uint32_t survivors[] = {3, 70, 150};
	for (size_t k = 0; k < 3; k++)
		s->allocbits[survivors[k] / 64] |= (uint64_t)1 << (survivors[k] % 64);
	tc__heapbits_describe(s, span_obj_base(s, 3), &type_a, 48, offs_a, 3, 1); /* UNIFORM: nothing written */
	tc__heapbits_describe(s, span_obj_base(s, 5), &type_b, 16, offs_b, 1, 3);
	assert_int_equal(atomic_load(&s->layout), LAYOUT_MIXED);
	for (size_t k = 0; k < 3; k++)
		for (uint32_t w = 0; w < 6; w++)
			if (tc__heapbits_is_ptr(s, span_obj_base(s, survivors[k]) + w * 8) != (w == 0 || w == 2 || w == 5))
				fail_msg("survivor %u word %u", survivors[k], w);
	for (uint32_t w = 0; w < 6; w++)
		assert_int_equal(tc__heapbits_is_ptr(s, span_obj_base(s, 5) + w * 8), w % 2 == 1);
	tc__mheap_free_span(&H, s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_span_hands_out_every_index_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runs_visit_exactly_the_free_slots, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pointer_bitmap_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uniform_layout_turns_mixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mixed_turn_covers_swept_survivors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
