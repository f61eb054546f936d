/*
 * chaos.c — the slow half of tc_chaos() (chaos.h): with probability
 * tc__chaos_permille / 1000, give the CPU away.
 */
#include <sched.h>
#include <stdint.h>
#include <time.h>

#include "chaos.h"

_Atomic unsigned tc__chaos_permille;

void tc__chaos_point(void)
{
	static _Thread_local uint64_t x;
	if (x == 0)
		x = (uint64_t)(uintptr_t)&x | 1; /* a different sequence per thread */
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	if (x % 1000 >= atomic_load_explicit(&tc__chaos_permille, memory_order_relaxed))
		return;
	if ((x >> 20) % 8 != 0) {
		sched_yield();
		return;
	}
	struct timespec ts = {0, (long)((x >> 24) % 100000)};
	nanosleep(&ts, NULL);
}
