/*
 * atomics.h — the atomic helpers more than one tier needs.
 */
#ifndef TC_ATOMICS_H
#define TC_ATOMICS_H

#include <stdatomic.h>
#include <stdint.h>

/* *p = max(*p, v), with relaxed order: for high-water marks read by metrics. */
static inline void atomic_max_u64(_Atomic uint64_t *p, uint64_t v)
{
	uint64_t cur = atomic_load_explicit(p, memory_order_relaxed);
	while (v > cur && !atomic_compare_exchange_weak_explicit(p, &cur, v, memory_order_relaxed, memory_order_relaxed))
		;
}

/* *p += v for a counter one thread writes and others read: a plain load and
 * store (no locked instruction), atomic only so that readers see whole values. */
static inline void atomic_owner_add_u64(_Atomic uint64_t *p, uint64_t v)
{
	atomic_store_explicit(p, atomic_load_explicit(p, memory_order_relaxed) + v, memory_order_relaxed);
}

/* *p = max(*p, v) for a high-water mark one thread writes and others read. */
static inline void atomic_owner_max_u64(_Atomic uint64_t *p, uint64_t v)
{
	if (v > atomic_load_explicit(p, memory_order_relaxed))
		atomic_store_explicit(p, v, memory_order_relaxed);
}

#endif /* TC_ATOMICS_H */
