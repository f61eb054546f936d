/*
 * cputarget_pacer.c — an example pacer, written outside the library on its
 * public API: it holds the collector's CPU share near a target by sizing the
 * heap, instead of fixing the heap's growth as GOGC does.
 *
 * After each cycle it reads the GC CPU and the wall time since the cycle
 * before (tc_pacer_cycle) and moves its growth factor k (goal = live × (1 +
 * k)) by the ratio of the measured share to the target, damped (the square
 * root of the ratio) and bounded to 0.1 .. 16; a cycle that found nothing to
 * measure keeps k. The trigger sits at 80% of the way from live to goal. A
 * researcher's pacer is this size: the library does the rest (assists,
 * the memory limit's cap, clamping a bad decision).
 */
#include "cputarget_pacer.h"

#include <math.h>
#include <stdlib.h>

typedef struct cpustate {
	double target; /* GC CPU share to aim at */
	double k;      /* heap growth: goal = live × (1 + k) */
} cpustate;

static void *cpu_init(void *arg)
{
	cpustate *s = malloc(sizeof *s);
	if (s != NULL)
		*s = (cpustate){*(double *)arg, 1.0};
	return s;
}

static void cpu_next(void *state, const tc_pacer_cycle *c, tc_pacer_decision *d)
{
	cpustate *s = state;
	if (c->elapsed_ns > 0 && c->gc_cpu_ns > 0) {
		double share = (double)c->gc_cpu_ns / ((double)c->elapsed_ns * (c->procs > 0 ? c->procs : 1));
		s->k *= sqrt(share / s->target);
		s->k = s->k < 0.1 ? 0.1 : s->k > 16 ? 16 : s->k;
	}
	double live = (double)c->marked_bytes, floor = 4.0 * 1048576.0;
	d->goal_bytes = live * (1 + s->k) < floor ? floor : live * (1 + s->k);
	d->trigger_bytes = live + 0.8 * (d->goal_bytes - live);
}

static double targets[16];
static int ntargets;

tc_pacer cputarget_pacer(double target)
{
	/* The target must outlive the heaps: kept here (a real pacer would
	 * take it from its own configuration). */
	double *t = ntargets < 16 ? &targets[ntargets++] : &targets[15];
	*t = target < 0.05 ? 0.05 : target > 0.9 ? 0.9 : target;
	return (tc_pacer){"cputarget", cpu_init, cpu_next, free, t};
}
