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
 *   membalancer  MemBalancer (Kirisame, Shenoy and Panchekha, OOPSLA 2022):
 *          goal = L + sqrt(L × g / s × c), L the live (marked) bytes, g the
 *          allocation rate (bytes per second of wall time between cycles), s
 *          the collection speed (bytes marked per second of GC CPU), each
 *          smoothed per cycle as the paper does (exponentially, weight 1/2).
 *          c is in bytes (L × g / s is bytes, and the root must be too):
 *          c = (GOGC/100)^2 × 64 MiB, so that GOGC stays the knob, and where
 *          g = s a 64 MiB live heap gets Go's 2 × live at GOGC=100; a smaller
 *          one relatively more room, a larger one less (extra ∝ sqrt(L)).
 *          At least 4 MiB; the trigger by Go's runway rule below that goal.
 *   eager  go's goal and runway, with the trigger's floor lowered from 0.70
 *          towards 0.30 of the way from marked to goal in proportion to the
 *          share of the last mark that the controller ran on an otherwise
 *          idle CPU (idle_mark_ns / mark_ns). There marking costs the program
 *          no CPU, and starting it sooner moves work from the mutators'
 *          assists onto that CPU; where the CPUs are full the floor stays at
 *          Go's, since a mark started sooner costs mutator CPU and cycles.
 *          It trades heap for mutator utilisation: a longer, unassisted mark
 *          allocates more black, the marked heap and so the next goal grow,
 *          most where the live heap is growing (results/README.md, "An eager
 *          trigger on an idle CPU").
 *
 * Every policy, built in or the program's own, is a tc_pacer (tricolor.h):
 * the controller hands it a tc_pacer_cycle after each cycle and checks what
 * comes back (pacer_decide). The built-ins are the pure functions below,
 * wrapped.
 * GOGC off (negative) makes goal and trigger "never" for every policy.
 * A memory limit caps the goal of every policy (limit_goal), and the trigger
 * is placed below the capped goal by the policy's own rule.
 *
 * Invariant: goal and trigger change only at mark termination, with the world
 * stopped; mutators read them with relaxed loads on their slow paths. The
 * policies are pure functions of the cycle's tc_pacer_cycle (the record a
 * researcher's pacer receives too), so the arithmetic is tested alone.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

#define HEAP_MIN ((uint64_t)4 << 20)
#define GOAL_UTIL 0.30
#define BG_UTIL 0.25
#define GO_FLOOR 0.70    /* Go's lowest trigger, as a fraction of the way from marked to goal */
#define EAGER_FLOOR 0.30 /* eager's, when the whole last mark ran on an idle CPU */
#define MB_C0 (64.0 * 1048576.0) /* membalancer's c at GOGC=100, bytes */

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
static uint64_t limit_goal(const tc_pacer_cycle *in, uint64_t goal)
{
	if (in->memory_limit == 0)
		return goal;
	uint64_t head = in->memory_limit / 32 > ((uint64_t)1 << 20) ? in->memory_limit / 32 : (uint64_t)1 << 20;
	uint64_t cap = in->memory_limit > 2 * head ? in->memory_limit - head : in->memory_limit / 2;
	if (cap < in->marked_bytes)
		cap = in->marked_bytes;
	return goal < cap ? goal : cap;
}

/* A trigger t kept between `floor` and 0.95 of the way from marked to goal. */
static uint64_t trigger_within(const tc_pacer_cycle *in, uint64_t goal, uint64_t t, double floor)
{
	uint64_t lo = headroom_point(in->marked_bytes, goal, floor);
	uint64_t hi = headroom_point(in->marked_bytes, goal, 0.95);
	return t < lo ? lo : t > hi ? hi : t;
}

/* Go's trigger rule: a runway of cons/mark × (1 − u)/u × scan work below
 * the goal, kept between `floor` and 0.95 of the way from marked to goal.
 * Updates the cons/mark history from what this cycle measured. */
static void go_trigger(const tc_pacer_cycle *in, pacer_state *st, double floor, pacer_out *out)
{
	/* This cycle's cons/mark, as Go's endCycle computes it. */
	if (in->heap_at_end > in->heap_at_trigger && in->scan_bytes > 0) {
		/* Background utilisation: the 25% goal, or more where the
		 * controller marked on an idle CPU (Go counts its idle workers
		 * the same way), plus the assists. */
		double u = BG_UTIL, denom = (double)in->mark_ns * (double)in->procs;
		if (denom > 0) {
			double idle = (double)in->idle_mark_ns / denom;
			u = (idle > u ? idle : u) + (double)in->assist_ns / denom;
		}
		if (u > 0.95)
			u = 0.95;
		double cur = (double)(in->heap_at_end - in->heap_at_trigger) * u / ((double)in->scan_bytes * (1 - u));
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
	double runway = cm * (1 - GOAL_UTIL) / GOAL_UTIL * (double)(in->marked_bytes + in->roots_bytes);
	uint64_t t = runway >= (double)out->goal ? 0 : out->goal - (uint64_t)runway;
	out->trigger = trigger_within(in, out->goal, t, floor);
}

static void policy_go(int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out)
{
	out->goal = limit_goal(in, go_goal(gogc, in->marked_bytes, in->roots_bytes));
	go_trigger(in, st, GO_FLOOR, out);
}

/* The share of the last mark during which the controller marked on an
 * otherwise idle CPU, 0 to 1. */
static double idle_share(const tc_pacer_cycle *in)
{
	if (in->mark_ns == 0)
		return 0;
	double s = (double)in->idle_mark_ns / (double)in->mark_ns;
	return s > 1 ? 1 : s;
}

static void policy_eager(int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out)
{
	out->goal = limit_goal(in, go_goal(gogc, in->marked_bytes, in->roots_bytes));
	go_trigger(in, st, GO_FLOOR - (GO_FLOOR - EAGER_FLOOR) * idle_share(in), out);
}

static void policy_fixed(int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out)
{
	(void)st;
	out->goal = limit_goal(in, go_goal(gogc, in->marked_bytes, 0));
	out->trigger = out->goal == UINT64_MAX ? UINT64_MAX : headroom_point(in->marked_bytes, out->goal, 0.75);
}

static double smooth(double old, double cur, unsigned n) { return n == 0 ? cur : 0.5 * old + 0.5 * cur; }

static void policy_membalancer(int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out)
{
	if (gogc < 0) {
		out->goal = out->trigger = UINT64_MAX;
		return;
	}
	if (in->elapsed_ns > 0 && in->gc_cpu_ns > 0 && in->marked_bytes > 0) {
		double g = (double)in->alloc_bytes / ((double)in->elapsed_ns / 1e9);
		double sp = (double)in->marked_bytes / ((double)in->gc_cpu_ns / 1e9);
		st->alloc_rate = smooth(st->alloc_rate, g, st->mb_n);
		st->gc_speed = smooth(st->gc_speed, sp, st->mb_n);
		st->mb_n++;
	}
	double c = (double)gogc / 100.0 * (double)gogc / 100.0 * MB_C0, L = (double)in->marked_bytes;
	double extra = st->gc_speed > 0 ? sqrt(L * st->alloc_rate / st->gc_speed * c) : L * (double)gogc / 100.0;
	double g = L + extra;
	uint64_t goal = g >= 1.8e19 ? UINT64_MAX : (uint64_t)g;
	out->goal = limit_goal(in, goal < HEAP_MIN ? HEAP_MIN : goal);
	/* The trigger: Go's runway below this goal (cons/mark kept as the go
	 * policy keeps it). */
	pacer_out go;
	policy_go(gogc, in, st, &go);
	uint64_t runway = go.goal - go.trigger;
	out->trigger = trigger_within(in, out->goal, runway >= out->goal ? 0 : out->goal - runway, GO_FLOOR);
}

/* The one list of policies: names (tc_pacer_list, tc_pacer_names) and
 * functions come from it. */
#define PACERS(X) \
	X("go", policy_go) X("fixed", policy_fixed) X("membalancer", policy_membalancer) X("eager", policy_eager)

static void (*const policies[])(int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out) = {
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

void tc__pacer_compute(int policy, int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out)
{
	tc_assert(policy >= 0 && (size_t)policy < NPOLICIES);
	policies[policy](gogc, in, st, out);
}

/* ---- the built-ins as tc_pacers ---- */

typedef struct builtin {
	int policy;
	pacer_state st;
} builtin;

static void *builtin_init(void *arg)
{
	builtin *b = calloc(1, sizeof *b);
	if (b != NULL)
		b->policy = (int)(intptr_t)arg;
	return b;
}

static void builtin_next(void *state, const tc_pacer_cycle *c, tc_pacer_decision *d)
{
	builtin *b = state;
	pacer_out out;
	tc__pacer_compute(b->policy, c->gogc, c, &b->st, &out);
	d->goal_bytes = out.goal == UINT64_MAX ? INFINITY : (double)out.goal;
	d->trigger_bytes = out.trigger == UINT64_MAX ? INFINITY : (double)out.trigger;
}

static tc_pacer builtins[NPOLICIES];
static pthread_once_t builtins_once = PTHREAD_ONCE_INIT;

static void make_builtins(void)
{
	for (size_t i = 0; i < NPOLICIES; i++)
		builtins[i] = (tc_pacer){names[i], builtin_init, builtin_next, free, (void *)(intptr_t)i};
}

const tc_pacer *tc__pacer_builtin(int policy)
{
	pthread_once(&builtins_once, make_builtins);
	return &builtins[policy];
}

double tc__pacer_cons_mark(tc_heap *h)
{
	return h->pacer.impl->next == builtin_next && h->pacer.state ? ((builtin *)h->pacer.state)->st.cons_mark : 0;
}

/* Take what the pacer decided, clamped into sense; the first bad decision
 * of a heap is reported, naming the pacer. */
static void decide(tc_heap *h, const tc_pacer_cycle *c)
{
	tc_pacer_decision d = {NAN, NAN, 0};
	h->pacer.impl->next(h->pacer.state, c, &d);
	const char *why = NULL;
	double marked = (double)c->marked_bytes;
	if (isnan(d.goal_bytes) || isnan(d.trigger_bytes)) {
		why = "NaN";
		d.goal_bytes = isnan(d.goal_bytes) ? h->pacer.last_goal : d.goal_bytes;
		d.trigger_bytes = isnan(d.trigger_bytes) ? h->pacer.last_trigger : d.trigger_bytes;
	}
	if (d.goal_bytes < marked) {
		why = "a goal below the live heap";
		d.goal_bytes = marked;
	}
	if (d.trigger_bytes > d.goal_bytes) {
		why = "a trigger above the goal";
		d.trigger_bytes = d.goal_bytes;
	}
	if (d.trigger_bytes < 0)
		d.trigger_bytes = 0;
	if (why != NULL && !h->pacer.warned) {
		h->pacer.warned = 1;
		tc__warn("pacer \"%s\" returned %s after cycle %llu (goal %.0f, trigger %.0f bytes); clamped, and not "
			 "reported again for this heap",
			 h->pacer.impl->name ? h->pacer.impl->name : "(unnamed)", why, (unsigned long long)c->cycle,
			 d.goal_bytes, d.trigger_bytes);
	}
	h->pacer.last_goal = d.goal_bytes;
	h->pacer.last_trigger = d.trigger_bytes;
	uint64_t goal = d.goal_bytes >= 1.8e19 ? UINT64_MAX : (uint64_t)d.goal_bytes;
	uint64_t trig = d.trigger_bytes >= 1.8e19 ? UINT64_MAX : (uint64_t)d.trigger_bytes;
	/* The memory limit caps every pacer's goal (the built-ins cap their
	 * own first, placing the trigger below the capped goal). */
	uint64_t capped = limit_goal(c, goal);
	if (capped < goal) {
		goal = capped;
		trig = trig > goal ? headroom_point(c->marked_bytes, goal, 0.75) : trig;
	}
	/* What the assists expect of the next mark: the pacer's word, or as
	 * tc_config.assists says ("scanned": Go's lastHeapScan). */
	bool scanned = h->cfg.assists != NULL && tc__assists_lookup(h->cfg.assists) == 1;
	if (d.scan_work_bytes > 0 && d.scan_work_bytes < 1.8e19)
		h->pacer.scan_next = (uint64_t)d.scan_work_bytes;
	else
		h->pacer.scan_next = scanned ? c->scan_bytes : c->marked_bytes;
	atomic_store(&h->pacer.heap_marked, c->marked_bytes);
	atomic_store(&h->pacer.goal, goal);
	atomic_store(&h->pacer.trigger, trig);
}

int tc__assists_lookup(const char *name)
{
	return strcmp(name, "marked") == 0 ? 0 : strcmp(name, "scanned") == 0 ? 1 : -1;
}

int tc__pacer_init(tc_heap *h, const tc_pacer *p)
{
	h->pacer.impl = p;
	h->pacer.state = p->init ? p->init(p->arg) : p->arg;
	if (p->init && h->pacer.state == NULL) {
		tc__error("tc_heap_create: pacer \"%s\": its init returned NULL", p->name ? p->name : "(unnamed)");
		return -1;
	}
	tc_pacer_cycle c = {.memory_limit = h->cfg.memory_limit, .gogc = h->cfg.gogc, .procs = h->nprocs};
	decide(h, &c);
	return 0;
}

void tc__pacer_destroy(tc_heap *h)
{
	if (h->pacer.impl && h->pacer.impl->destroy && h->pacer.impl->init)
		h->pacer.impl->destroy(h->pacer.state);
	h->pacer.state = NULL;
}

void tc__pacer_end_cycle(tc_heap *h, tc_pacer_cycle *c)
{
	c->gogc = h->cfg.gogc;
	decide(h, c);
}
