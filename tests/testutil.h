/* testutil.h — shared helpers for the cmocka tests. */
#ifndef TC_TESTUTIL_H
#define TC_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

static inline int cmp_uptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
	return x < y ? -1 : x > y;
}

/* Sort and assert that no two entries are equal. */
static inline void assert_all_distinct(uintptr_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_uptr);
	for (size_t i = 1; i < n; i++)
		if (v[i] == v[i - 1])
			fail_msg("address %#lx handed out twice", (unsigned long)v[i]);
}

/* Deterministic PRNG (xorshift64*) for reproducible tests. */
static inline uint64_t test_rand(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

#endif
