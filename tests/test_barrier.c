/* The write barrier alone (barrier/), built without gc/: the collector's two
 * functions (barrier.h) are this file's fakes, which record what the barrier
 * hands them. Checks Go's hybrid shading (old and new value), the buffer and
 * its flush, turning shading on and off, and the debug slot check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "barrier.h"

struct tc_mutator {
	wbstate wb; /* first, as in gc/gc.h */
	int id;
};

static uintptr_t shaded[4 * WBUF_N];
static size_t nshaded, nflushes;
static void **known_lo, **known_hi; /* the slots the fake collector scans */
static size_t nchecks;

void tc__gc_shade(tc_mutator *m, const uintptr_t *vals, size_t n)
{
	assert_int_equal(m->id, 7);
	assert_true(nshaded + n <= sizeof shaded / sizeof shaded[0]);
	memcpy(shaded + nshaded, vals, n * sizeof *vals);
	nshaded += n;
	nflushes++;
}

static size_t nfull; /* flushes of a full buffer (tc__gc_shade_full) */

void tc__gc_shade_full(tc_mutator *m, const uintptr_t *vals, size_t n)
{
	nfull++;
	tc__gc_shade(m, vals, n);
}

bool tc__gc_slot_known(tc_mutator *m, void **slot)
{
	(void)m;
	nchecks++;
	return slot >= known_lo && slot < known_hi;
}

static void *heap[512]; /* stands for heap objects' slots */
static tc_mutator mut = {.id = 7};

static int setup(void **state)
{
	(void)state;
	memset(heap, 0, sizeof heap);
	nshaded = nflushes = nchecks = nfull = 0;
	known_lo = heap;
	known_hi = heap + 512;
	tc__wb_init(&mut.wb, false);
	return 0;
}

static void test_idle_barrier_only_stores(void **state)
{
	(void)state;
	tc_write(&mut, &heap[0], (void *)0x1000);
	assert_ptr_equal(heap[0], (void *)0x1000);
	assert_int_equal(mut.wb.n, 0);
	tc__wb_flush(&mut);
	assert_int_equal(nflushes, 0); /* an empty buffer is not handed over */
#ifdef TC_DEBUG
	assert_int_equal(nchecks, 1); /* debug builds check every slot */
#else
	assert_int_equal(nchecks, 0);
#endif
}

static void test_marking_shades_old_and_new(void **state)
{
	(void)state;
	heap[1] = (void *)0xa0;
	tc__wb_set_marking(&mut.wb, true);
	tc_write(&mut, &heap[1], (void *)0xb0);
	assert_ptr_equal(heap[1], (void *)0xb0);
	assert_int_equal(mut.wb.n, 2);
	assert_int_equal(nflushes, 0); /* buffered, not yet shaded */
	tc__wb_flush(&mut);
	assert_int_equal(nshaded, 2);
	assert_int_equal(shaded[0], 0xa0); /* Yuasa: the deleted pointer */
	assert_int_equal(shaded[1], 0xb0); /* Dijkstra: the inserted pointer */
	assert_int_equal(mut.wb.n, 0);
	/* Off again: no more shading, and nothing left behind. */
	tc__wb_set_marking(&mut.wb, false);
	tc_write(&mut, &heap[1], (void *)0xc0);
	assert_int_equal(mut.wb.n, 0);
	assert_ptr_equal(heap[1], (void *)0xc0);
}

/* Once the mutator's stack is scanned (black), a store shades only the value
 * it replaces: Go's hybrid barrier needs the new value's shade only while the
 * stack is grey. NULL is never buffered. */
static void test_black_stack_shades_old_only(void **state)
{
	(void)state;
	heap[2] = (void *)0xa0;
	tc__wb_set_marking(&mut.wb, true);
	tc_write(&mut, &heap[3], (void *)0xd0); /* replaces NULL: while grey, only the new value */
	assert_int_equal(mut.wb.n, 1);
	tc__wb_stack_black(&mut.wb);
	assert_true(mut.wb.head.wb_on & WB_MARKING); /* still marking: the slow path still runs */
	tc_write(&mut, &heap[2], (void *)0xb0);
	assert_ptr_equal(heap[2], (void *)0xb0);
	assert_int_equal(mut.wb.n, 2);
	tc_write(&mut, &heap[4], (void *)0xe0); /* replaces NULL: nothing to shade */
	assert_ptr_equal(heap[4], (void *)0xe0);
	assert_int_equal(mut.wb.n, 2);
	tc__wb_flush(&mut);
	assert_int_equal(nshaded, 2);
	assert_int_equal(shaded[0], 0xd0);
	assert_int_equal(shaded[1], 0xa0); /* the deleted pointer, and not 0xb0 */
	/* The next cycle's barrier-on makes the stack grey again. */
	tc__wb_set_marking(&mut.wb, false);
	tc__wb_set_marking(&mut.wb, true);
	tc_write(&mut, &heap[2], (void *)0xc0);
	assert_int_equal(mut.wb.n, 2);
	tc__wb_set_marking(&mut.wb, false);
	tc__wb_discard(&mut);
}

static void test_full_buffer_flushes_in_order(void **state)
{
	(void)state;
	tc__wb_set_marking(&mut.wb, true);
	for (uintptr_t i = 0; i < WBUF_N / 2; i++) {
		heap[i] = (void *)(0x10000 + i);
		tc_write(&mut, &heap[i], (void *)(0x20000 + i));
	}
	assert_int_equal(mut.wb.n, WBUF_N);
	assert_int_equal(nflushes, 0);
	heap[300] = (void *)0x2ffff;
	tc_write(&mut, &heap[300], (void *)0x30000); /* the next store flushes first */
	assert_int_equal(nflushes, 1);
	assert_int_equal(nfull, 1); /* as a full buffer: counted for termination at once */
	assert_int_equal(nshaded, WBUF_N);
	for (uintptr_t i = 0; i < WBUF_N / 2; i++) {
		assert_int_equal(shaded[2 * i], 0x10000 + i);
		assert_int_equal(shaded[2 * i + 1], 0x20000 + i);
	}
	assert_int_equal(mut.wb.n, 2);
	tc__wb_flush(&mut);
	assert_int_equal(nfull, 1); /* an asked-for flush is not */
	assert_int_equal(nshaded, WBUF_N + 2);
	assert_int_equal(shaded[WBUF_N + 1], 0x30000);
	tc__wb_set_marking(&mut.wb, false);
}

static char out[1024];
static void capture(const char *line, void *arg)
{
	(void)arg;
	strncat(out, line, sizeof out - strlen(out) - 1);
}

/* tc_write_init (an initialising store into a fresh NULL slot): shades the
 * new value while the stack is grey, exactly as tc_write would for a NULL
 * slot; once the stack is black it stores and shades nothing, and in a
 * release build it never leaves the inline path then (no slot check). */
static void test_init_store_shades_new_value_only_while_grey(void **state)
{
	(void)state;
	tc_write_init(&mut, &heap[5], (void *)0xf0); /* idle: a store */
	assert_ptr_equal(heap[5], (void *)0xf0);
	assert_int_equal(mut.wb.n, 0);
	tc__wb_set_marking(&mut.wb, true);
	tc_write_init(&mut, &heap[6], (void *)0xf1); /* grey stack: the new value, as tc_write */
	assert_ptr_equal(heap[6], (void *)0xf1);
	assert_int_equal(mut.wb.n, 1);
	tc_write_init(&mut, &heap[7], NULL); /* NULL is no object */
	assert_int_equal(mut.wb.n, 1);
	tc__wb_stack_black(&mut.wb);
	size_t checks = nchecks;
	tc_write_init(&mut, &heap[8], (void *)0xf2); /* black stack: a plain store */
	assert_ptr_equal(heap[8], (void *)0xf2);
	assert_int_equal(mut.wb.n, 1);
#ifdef TC_DEBUG
	assert_int_equal(nchecks, checks + 1);
#else
	assert_int_equal(nchecks, checks); /* the inline path: no call into the library */
#endif
	tc__wb_flush(&mut);
	assert_int_equal(nshaded, 1);
	assert_int_equal(shaded[0], 0xf1);
	tc__wb_set_marking(&mut.wb, false);
}

/* Misuse: an initialising store into a slot that holds a pointer. A debug
 * build says so and stores it as tc_write does (the old value shaded while
 * marking); a release build trusts the caller. */
static void test_init_store_into_a_held_slot(void **state)
{
	(void)state;
	heap[9] = (void *)0xa9;
	out[0] = 0;
	tc_set_output(capture, NULL);
	tc__wb_set_marking(&mut.wb, true);
	tc__wb_stack_black(&mut.wb);
	tc_write_init(&mut, &heap[9], (void *)0xb9);
	tc_set_output(NULL, NULL);
	assert_ptr_equal(heap[9], (void *)0xb9);
#ifdef TC_DEBUG
	assert_non_null(strstr(out, "tricolor: warning: tc_write_init: slot"));
	assert_non_null(strstr(tc_last_error(), "not NULL"));
	assert_int_equal(mut.wb.n, 1); /* the replaced pointer, shaded */
	assert_int_equal(mut.wb.buf[0], 0xa9);
#else
	assert_string_equal(out, "");
	assert_int_equal(mut.wb.n, 0);
#endif
	tc__wb_set_marking(&mut.wb, false);
	tc__wb_discard(&mut);
}

static void test_unknown_slot_is_reported_and_stored(void **state)
{
	(void)state;
	void *loose = NULL;
	out[0] = 0;
	tc_set_output(capture, NULL);
	tc_write(&mut, &loose, (void *)0x40);
	tc_set_output(NULL, NULL);
	assert_ptr_equal(loose, (void *)0x40); /* the program runs as written */
#ifdef TC_DEBUG
	assert_non_null(strstr(out, "tricolor: warning: tc_write: slot"));
	assert_non_null(strstr(tc_last_error(), "neither inside the heap nor in a registered root"));
#else
	assert_string_equal(out, ""); /* release builds do not check */
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_idle_barrier_only_stores, setup),
		cmocka_unit_test_setup(test_marking_shades_old_and_new, setup),
		cmocka_unit_test_setup(test_black_stack_shades_old_only, setup),
		cmocka_unit_test_setup(test_full_buffer_flushes_in_order, setup),
		cmocka_unit_test_setup(test_unknown_slot_is_reported_and_stored, setup),
		cmocka_unit_test_setup(test_init_store_shades_new_value_only_while_grey, setup),
		cmocka_unit_test_setup(test_init_store_into_a_held_slot, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
