/*
 * pacer.c — when to collect (Go's mgcpacer.go, the GOGC rule).
 *
 *   goal    = max(marked × (1 + GOGC/100), 4 MiB)
 *   trigger = marked + 3/4 × (goal − marked)
 * measured against heap.live (Go's heapLive: bytes in spans handed to mcaches,
 * counted as if full, and large objects, since the last mark). The quarter of
 * the runway left at the trigger is what concurrent marking, with workers and
 * assists, has to finish in. GOGC off (negative) sets both to "never".
 *
 * Invariant: goal and trigger change only at mark termination, with the world
 * stopped; mutators read them with relaxed loads on their slow paths.
 */
#include "gc.h"

#define HEAP_MIN ((uint64_t)4 << 20)

static uint64_t goal_for(const tc_heap *h, uint64_t marked)
{
	if (h->cfg.gogc < 0)
		return UINT64_MAX;
	uint64_t g = marked + marked / 100 * (uint64_t)h->cfg.gogc + marked % 100 * (uint64_t)h->cfg.gogc / 100;
	return g < HEAP_MIN ? HEAP_MIN : g;
}

static uint64_t trigger_for(uint64_t marked, uint64_t goal)
{
	return goal == UINT64_MAX ? UINT64_MAX : marked + (goal - marked) / 4 * 3;
}

void pacer_init(tc_heap *h)
{
	atomic_store(&h->heap_marked, 0);
	atomic_store(&h->goal, goal_for(h, 0));
	atomic_store(&h->trigger, trigger_for(0, atomic_load(&h->goal)));
}

void pacer_end_cycle(tc_heap *h, uint64_t marked)
{
	atomic_store(&h->heap_marked, marked);
	atomic_store(&h->goal, goal_for(h, marked));
	atomic_store(&h->trigger, trigger_for(marked, atomic_load(&h->goal)));
}
