/* Size classes: the mapping for every small size, and the waste bounds of the
 * generated table, recomputed here from the table alone. */
#include "testutil.h"
#include "alloc.h"

static void test_every_size_maps_to_smallest_fitting_class(void **state)
{
	(void)state;
	for (size_t size = 1; size <= TC_MAX_SMALL_SIZE; size++) {
		unsigned c = sizeclass_of(size);
		assert_true(c >= 1 && c < TC_NUM_SIZE_CLASSES);
		assert_true(tc_class_to_size[c] >= size);
		if (c > 1 && tc_class_to_size[c - 1] >= size)
			fail_msg("size %zu maps to class %u (%u bytes) but class %u (%u bytes) fits", size, c,
				 tc_class_to_size[c], c - 1, tc_class_to_size[c - 1]);
	}
}

static void test_classes_are_increasing_and_aligned(void **state)
{
	(void)state;
	assert_int_equal(TC_NUM_SIZE_CLASSES, 68);
	assert_int_equal(tc_class_to_size[1], 8);
	assert_int_equal(tc_class_to_size[2], 16);
	assert_int_equal(tc_class_to_size[TC_NUM_SIZE_CLASSES - 1], TC_MAX_SMALL_SIZE);
	for (unsigned c = 1; c < TC_NUM_SIZE_CLASSES; c++) {
		unsigned size = tc_class_to_size[c];
		if (c > 1)
			assert_true(size > tc_class_to_size[c - 1]);
		assert_int_equal(size % 8, 0); /* so each 8-byte bucket of tc_alloc_noscan's inline table is one class */
		if (size >= 32)
			assert_int_equal(size % 16, 0); /* 16-byte alignment from 32 up */
	}
}

static void test_waste_bounds(void **state)
{
	(void)state;
	unsigned prev = 0;
	for (unsigned c = 1; c < TC_NUM_SIZE_CLASSES; c++) {
		unsigned size = tc_class_to_size[c];
		size_t span = (size_t)tc_class_to_npages[c] * TC_PAGE_SIZE;
		size_t objs = span / size, tail = span - objs * size;
		assert_true(objs >= 1);
		/* Tail waste is below 1/8 of the span (the generator's rule). */
		if (tail * 8 > span)
			fail_msg("class %u: tail waste %zu of %zu", c, tail, span);
		/* Worst case: every object one byte above the previous class. */
		double maxw = (double)((size - prev - 1) * objs + tail) / (double)span;
		if (c > 1 && size >= 128 && maxw > 0.17)
			fail_msg("class %u (%u bytes): max waste %.2f%%", c, size, 100 * maxw);
		prev = size;
	}
}

static void test_div_magic_exact_for_every_offset(void **state)
{
	(void)state;
	for (unsigned c = 1; c < TC_NUM_SIZE_CLASSES; c++) {
		uint64_t size = tc_class_to_size[c], magic = tc_class_to_divmagic[c];
		uint64_t span = (uint64_t)tc_class_to_npages[c] * TC_PAGE_SIZE;
		for (uint64_t n = 0; n <= span; n++)
			if (((n * magic) >> 32) != n / size)
				fail_msg("class %u: offset %lu divides wrong", c, (unsigned long)n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size_maps_to_smallest_fitting_class),
		cmocka_unit_test(test_classes_are_increasing_and_aligned),
		cmocka_unit_test(test_waste_bounds),
		cmocka_unit_test(test_div_magic_exact_for_every_offset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
