/*
 * pacer.c — when to collect: pacer policies behind one interface (Go's
 * mgcpacer.go for the default).
 *
 * A policy turns what the last cycle measured into the next heap goal and
 * trigger, both in bytes of heap.live (Go's heapLive: bytes of spans handed
 * to mcaches, counted as if full, and large objects, since the last mark).
 *
 *   go     Go 1.18's pacer. goal = marked + (marked + roots) × GOGC/100, at
 *          least 4 MiB. The trigger leaves marking a runway of
 *          cons/mark × (1 − u)/u × scan work, u = 0.30 being the goal
 *          utilisation (25% background plus 5% assists); cons/mark is the
 *          bytes allocated per byte scanned during marking, corrected for
 *          the CPU marking had, the largest of the last four cycles.
 *          The trigger is kept between 0.70 and 0.95 of the way from marked
 *          to goal.
 *   fixed  the pre-1.18 shape: goal = marked × (1 + GOGC/100), at least
 *          4 MiB, trigger at 3/4 of the way from marked to goal.
 * GOGC off (negative) makes goal and trigger "never" for every policy.
 * A memory limit caps the goal of every policy (limit_goal), and the trigger
 * is placed below the capped goal by the policy's own rule.
 *
 * Invariant: goal and trigger change only at mark termination, with the world
 * stopped; mutators read them with relaxed loads on their slow paths. The
 * policies are pure functions of pacer_in, so the arithmetic is tested alone.
 */
#include <string.h>

#include "gc.h"

#define HEAP_MIN ((uint64_t)4 << 20)
#define GOAL_UTIL 0.30
#define BG_UTIL 0.25

static uint64_t headroom_point(uint64_t marked, uint64_t goal, double frac)
{
	return marked + (uint64_t)((double)(goal - marked) * frac);
}

static uint64_t go_goal(int gogc, uint64_t marked, uint64_t roots)
{
	if (gogc < 0)
		return UINT64_MAX;
	uint64_t g = marked + (marked + roots) / 100 * (uint64_t)gogc + (marked + roots) % 100 * (uint64_t)gogc / 100;
	return g < HEAP_MIN ? HEAP_MIN : g;
}

/* Go's memoryLimitHeapGoal, for the heap alone: under a memory limit the
 * goal is at most the limit less a headroom for pacing error (1/32 of the
 * limit, at least 1 MiB), and never below the marked heap (then cycles run
 * back to back and the CPU limiter, limiter.c, keeps them to about half the
 * machine). */
static uint64_t limit_goal(const pacer_in *in, uint64_t goal)
{
	if (in->limit == 0)
		return goal;
	uint64_t head = in->limit / 32 > ((uint64_t)1 << 20) ? in->limit / 32 : (uint64_t)1 << 20;
	uint64_t cap = in->limit > 2 * head ? in->limit - head : in->limit / 2;
	if (cap < in->marked)
		cap = in->marked;
	return goal < cap ? goal : cap;
}

static void policy_go(int gogc, const pacer_in *in, pacer_state *st, pacer_out *out)
{
	out->goal = limit_goal(in, go_goal(gogc, in->marked, in->roots));
	/* This cycle's cons/mark, as Go's endCycle computes it. */
	if (in->heap_end > in->heap_trigger && in->scan_work > 0) {
		/* Background utilisation: the 25% goal, or more where the
		 * controller marked on an idle CPU (Go counts its idle workers
		 * the same way), plus the assists. */
		double u = BG_UTIL, denom = (double)in->mark_ns * (double)in->procs;
		if (denom > 0) {
			double idle = (double)in->idle_ns / denom;
			u = (idle > u ? idle : u) + (double)in->assist_ns / denom;
		}
		if (u > 0.95)
			u = 0.95;
		double cur = (double)(in->heap_end - in->heap_trigger) * u / ((double)in->scan_work * (1 - u));
		st->hist[st->n++ % 4] = cur;
	}
	double cm = 0;
	for (unsigned i = 0; i < 4 && i < st->n; i++)
		cm = st->hist[i] > cm ? st->hist[i] : cm;
	st->cons_mark = cm;
	if (out->goal == UINT64_MAX) {
		out->trigger = UINT64_MAX;
		return;
	}
	double runway = cm * (1 - GOAL_UTIL) / GOAL_UTIL * (double)(in->marked + in->roots);
	uint64_t lo = headroom_point(in->marked, out->goal, 0.70), hi = headroom_point(in->marked, out->goal, 0.95);
	uint64_t t = runway >= (double)out->goal ? 0 : out->goal - (uint64_t)runway;
	out->trigger = t < lo ? lo : t > hi ? hi : t;
}

static void policy_fixed(int gogc, const pacer_in *in, pacer_state *st, pacer_out *out)
{
	(void)st;
	out->goal = limit_goal(in, go_goal(gogc, in->marked, 0));
	out->trigger = out->goal == UINT64_MAX ? UINT64_MAX : headroom_point(in->marked, out->goal, 0.75);
}

/* The one list of policies: names (tc_pacer_list, tc_pacer_names) and
 * functions come from it. */
#define PACERS(X) X("go", policy_go) X("fixed", policy_fixed)

static void (*const policies[])(int gogc, const pacer_in *in, pacer_state *st, pacer_out *out) = {
#define FN(name, fn) fn,
	PACERS(FN)
#undef FN
};

static const char *const names[] = {
#define NAME(name, fn) name,
	PACERS(NAME)
#undef NAME
	NULL};

#define NPOLICIES (sizeof policies / sizeof policies[0])

const char *const *tc_pacer_list(void) { return names; }

static char joined[128];
static pthread_once_t joined_once = PTHREAD_ONCE_INIT;

static void join_names(void)
{
	for (size_t i = 0; i < NPOLICIES; i++) {
		if (i > 0)
			strncat(joined, ", ", sizeof joined - strlen(joined) - 1);
		strncat(joined, names[i], sizeof joined - strlen(joined) - 1);
	}
}

const char *tc_pacer_names(void)
{
	pthread_once(&joined_once, join_names);
	return joined;
}

int tc__pacer_lookup(const char *name)
{
	for (unsigned i = 0; i < NPOLICIES; i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

void tc__pacer_compute(int policy, int gogc, const pacer_in *in, pacer_state *st, pacer_out *out)
{
	tc_assert(policy >= 0 && (size_t)policy < NPOLICIES);
	policies[policy](gogc, in, st, out);
}

void tc__pacer_init(tc_heap *h)
{
	pacer_in in = {.limit = h->cfg.memory_limit};
	pacer_out out;
	memset(&h->pacer.st, 0, sizeof h->pacer.st);
	tc__pacer_compute(h->pacer.policy, h->cfg.gogc, &in, &h->pacer.st, &out);
	atomic_store(&h->pacer.heap_marked, 0);
	atomic_store(&h->pacer.goal, out.goal);
	atomic_store(&h->pacer.trigger, out.trigger);
}

void tc__pacer_end_cycle(tc_heap *h, const pacer_in *in)
{
	pacer_out out;
	tc__pacer_compute(h->pacer.policy, h->cfg.gogc, in, &h->pacer.st, &out);
	atomic_store(&h->pacer.heap_marked, in->marked);
	atomic_store(&h->pacer.goal, out.goal);
	atomic_store(&h->pacer.trigger, out.trigger);
}
