/* The scavenger returns free pages to the OS: RSS (from /proc/self/statm)
 * drops, heap.released accounts for it, and reused pages come back zeroed. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "alloc.h"

static size_t rss_bytes(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long size = 0, res = 0;
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%lu %lu", &size, &res), 2);
	fclose(f);
	return res * (size_t)sysconf(_SC_PAGESIZE);
}

static void test_scavenger_lowers_rss(void **state)
{
	(void)state;
	mheap h;
	assert_int_equal(tc__mheap_init(&h), 0);
	enum { N = 64, SZ = 2 << 20 };
	span *s[N];
	for (int i = 0; i < N; i++) {
		s[i] = tc__mheap_alloc_span(&h, SZ / TC_PAGE_SIZE, spc_make(0, SK_NOSCAN));
		assert_non_null(s[i]);
		memset((void *)s[i]->base, 0x5a, SZ);
	}
	for (int i = 0; i < N; i++)
		tc__mheap_free_span(&h, s[i]);
	size_t before = rss_bytes();
	size_t got = tc__mheap_scavenge(&h, (size_t)N * SZ);
	size_t after = rss_bytes();
	assert_int_equal(got, (size_t)N * SZ);
	assert_int_equal(atomic_load(&h.released), (uint64_t)N * SZ);
	if (before - after < (size_t)N * SZ * 9 / 10)
		fail_msg("RSS went from %zu to %zu after releasing %zu", before, after, got);
	/* Nothing more to release; reuse takes pages out of the released count
	 * and they read as zero. */
	assert_int_equal(tc__mheap_scavenge(&h, SIZE_MAX), atomic_load(&h.sys) - (uint64_t)N * SZ);
	uint64_t rel = atomic_load(&h.released);
	span *r = tc__mheap_alloc_span(&h, SZ / TC_PAGE_SIZE, spc_make(0, SK_NOSCAN));
	assert_non_null(r);
	assert_int_equal(atomic_load(&h.released), rel - SZ);
	assert_int_equal(r->needzero, 0); /* released whole: the kernel zeroes it, allocation need not */
	const unsigned char *p = (const unsigned char *)r->base;
	for (size_t i = 0; i < SZ; i += 4096)
		assert_int_equal(p[i], 0);
	tc__mheap_destroy(&h);
}

/* A span made of released pages and pages freed since, not released: it
 * must be zeroed on allocation (needzero), and one of released pages
 * alone need not be. */
static void test_released_and_dirty_pages_in_one_span(void **state)
{
	(void)state;
	mheap h;
	assert_int_equal(tc__mheap_init(&h), 0);
	enum { NP = 3 };
	span *a = tc__mheap_alloc_span(&h, NP, spc_make(0, SK_NOSCAN));
	span *b = tc__mheap_alloc_span(&h, NP, spc_make(0, SK_NOSCAN));
	assert_non_null(a);
	assert_non_null(b);
	assert_true(b->base == a->base + (size_t)NP * TC_PAGE_SIZE);
	memset((void *)a->base, 0x5a, (size_t)NP * TC_PAGE_SIZE);
	memset((void *)b->base, 0x5a, (size_t)NP * TC_PAGE_SIZE);
	tc__mheap_free_span(&h, a);
	assert_true(tc__mheap_scavenge(&h, SIZE_MAX) >= (size_t)NP * TC_PAGE_SIZE); /* a's pages, and the rest */
	tc__mheap_free_span(&h, b); /* dirty, coalesced with a's released pages */
	span *c = tc__mheap_alloc_span(&h, 2 * NP, spc_make(0, SK_NOSCAN));
	assert_non_null(c);
	assert_true(c->base == a->base);
	assert_int_equal(c->needzero, 1);
	tc__mheap_free_span(&h, c);
	assert_true(tc__mheap_scavenge(&h, SIZE_MAX) >= (size_t)2 * NP * TC_PAGE_SIZE);
	span *d = tc__mheap_alloc_span(&h, 2 * NP, spc_make(0, SK_NOSCAN));
	assert_non_null(d);
	assert_int_equal(d->needzero, 0);
	const unsigned char *p = (const unsigned char *)d->base;
	for (size_t i = 0; i < (size_t)2 * NP * TC_PAGE_SIZE; i++)
		if (p[i] != 0)
			fail_msg("byte %zu of a span of released pages reads %#x", i, p[i]);
	tc__mheap_destroy(&h);
}

/* Free runs that hold released and unreleased pages side by side, within
 * one word of the released bitmap (3-page spans, every other freed and
 * released, then the rest freed, coalescing with them): the second
 * scavenge finds every unreleased page, skipping the released ones. */
static void test_scavenger_finds_pages_between_released_ones(void **state)
{
	(void)state;
	mheap h;
	assert_int_equal(tc__mheap_init(&h), 0);
	enum { N = 96, NP = 3 };
	const size_t sz = (size_t)NP * TC_PAGE_SIZE;
	span *s[N];
	for (int i = 0; i < N; i++)
		assert_non_null(s[i] = tc__mheap_alloc_span(&h, NP, spc_make(0, SK_NOSCAN)));
	uint64_t untouched = atomic_load(&h.sys) - (uint64_t)N * sz; /* mapped beyond the spans */
	for (int i = 0; i < N; i += 2)
		tc__mheap_free_span(&h, s[i]);
	assert_int_equal(tc__mheap_scavenge(&h, SIZE_MAX), (N / 2) * sz + untouched);
	for (int i = 1; i < N; i += 2)
		tc__mheap_free_span(&h, s[i]);
	assert_int_equal(tc__mheap_scavenge(&h, SIZE_MAX), (N / 2) * sz);
	assert_int_equal(atomic_load(&h.released), atomic_load(&h.sys));
	assert_int_equal(tc__mheap_scavenge(&h, SIZE_MAX), 0);
	tc__mheap_destroy(&h);
}

/* What the collector keeps from the scavenger: the in-use peak since it
 * last asked, not the in-use bytes of the moment. */
static void test_inuse_peak(void **state)
{
	(void)state;
	mheap h;
	assert_int_equal(tc__mheap_init(&h), 0);
	enum { N = 8, NP = 16 };
	span *s[N];
	for (int i = 0; i < N; i++)
		assert_non_null(s[i] = tc__mheap_alloc_span(&h, NP, spc_make(0, SK_NOSCAN)));
	for (int i = 0; i < N; i++)
		tc__mheap_free_span(&h, s[i]);
	assert_int_equal(atomic_load(&h.inuse), 0);
	assert_int_equal(tc__mheap_take_inuse_peak(&h), (uint64_t)N * NP * TC_PAGE_SIZE);
	assert_int_equal(tc__mheap_take_inuse_peak(&h), 0); /* from the call on */
	assert_non_null(s[0] = tc__mheap_alloc_span(&h, NP, spc_make(0, SK_NOSCAN)));
	assert_int_equal(tc__mheap_take_inuse_peak(&h), (uint64_t)NP * TC_PAGE_SIZE);
	tc__mheap_free_span(&h, s[0]);
	tc__mheap_destroy(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scavenger_lowers_rss),
		cmocka_unit_test(test_scavenger_finds_pages_between_released_ones),
		cmocka_unit_test(test_released_and_dirty_pages_in_one_span),
		cmocka_unit_test(test_inuse_peak),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
