/*
 * gc.c — the collection cycle (Go's mgc.go: gcStart, gcMarkDone,
 * gcMarkTermination, gcSweep).
 *
 *   1. finish sweeping the previous cycle (world running)
 *   2. stop the world — sweep termination: phase = MARK
 *   3. mark: roots, then drain grey work with all mark workers
 *   4. mark termination: flush the mutators' barrier work, confirm no grey
 *      work is left, verify if asked, phase = OFF, release every mcache so
 *      heap.live is exact, sweepgen += 2 (every span becomes unswept)
 *   5. start the world; sweep lazily as spans are needed, and before the next
 *      cycle; tc_collect sweeps everything before it returns
 * Steps 2–5 are one stop-the-world pause in this version: marking runs with
 * the world stopped.
 *
 * Invariants: one cycle at a time (gclock, taken without blocking the world:
 * a mutator waiting for it is in a blocking region, so a cycle already
 * running can stop it); the collecting mutator's own registers and stack are
 * saved like a parked mutator's, so it is scanned like any other.
 */
#include <stdio.h>

#include "gc.h"

static void release_caches(tc_heap *h)
{
	for (tc_mutator *m = h->mutators; m; m = m->next) {
		mcache_release_all(&m->mc);
		gcw_dispose(&m->gcw); /* barrier shading, if any, joins the work */
	}
}

static void reset_flushgen(tc_heap *h)
{
	uint32_t sg = atomic_load(&h->mh.sweepgen);
	for (tc_mutator *m = h->mutators; m; m = m->next)
		m->mc.flushgen = sg;
}

static void cycle(tc_mutator *self, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = self->h;
	stw_save_self(self, regs, sp);
	uint64_t t0 = now_ns();

	/* 1. The previous cycle's sweep must be complete before marking. */
	mheap_sweep_all(&h->mh);
	uint64_t heap0 = atomic_load(&h->mh.live);

	/* 2. Sweep termination. */
	stw_stop(self);
	uint64_t tstop = now_ns();
	atomic_store(&h->phase, GC_MARK);
	atomic_store(&h->bytes_marked, 0);

	/* 3. Mark. */
	uint64_t tmark = now_ns();
	mark_run(h, self);

	/* 4. Mark termination. */
	uint64_t tterm = now_ns();
	release_caches(h);
	pthread_mutex_lock(&h->worklock);
	workbuf *late = h->full;
	pthread_mutex_unlock(&h->worklock);
	if (late != NULL) /* grey work appeared after the drain (barrier): mark again */
		mark_run(h, self);
	if (h->cfg.verify) {
		if (h->after_mark_hook)
			h->after_mark_hook(h, h->after_mark_arg);
		verify_heap(h, self);
	}
	atomic_store(&h->phase, GC_OFF);
	uint64_t marked = atomic_load(&h->bytes_marked);
	atomic_store(&h->mh.live, marked);
	mheap_start_sweep(&h->mh);
	reset_flushgen(h);
	pacer_end_cycle(h, marked);
	atomic_fetch_add(&h->cycles, 1);
	h->last_stw1_ns = tmark - tstop;
	h->last_mark_ns = tterm - tmark;

	/* 5. Restart. */
	uint64_t pause = stw_start(self);
	h->last_stw2_ns = pause;
	atomic_fetch_add(&h->cpu_ns, (tmark - t0) + (now_ns() - tterm));
	if (h->cfg.gctrace)
		gctrace_line(h, heap0, marked);
}

void gc_collect(tc_mutator *m, bool forced)
{
	tc_heap *h = m->h;
	uint64_t c0 = atomic_load(&h->cycles);
	if (pthread_mutex_trylock(&h->gclock) != 0) {
		stw_blocking_enter(m);
		pthread_mutex_lock(&h->gclock);
		stw_blocking_leave(m);
	}
	bool due = forced || (atomic_load(&h->cycles) == c0 && atomic_load(&h->mh.live) >= atomic_load(&h->trigger));
	if (due)
		stw_run_saved(m, cycle);
	pthread_mutex_unlock(&h->gclock);
	if (forced)
		gc_sweep_finish(h);
}

void gc_maybe_trigger(tc_mutator *m)
{
	tc_heap *h = m->h;
	if (h->cfg.gogc >= 0 && atomic_load_explicit(&h->mh.live, memory_order_relaxed) >=
				     atomic_load_explicit(&h->trigger, memory_order_relaxed))
		gc_collect(m, false);
}

void gc_sweep_finish(tc_heap *h)
{
	mheap_sweep_all(&h->mh);
	/* Return free memory beyond what the next cycle needs (Go's scavenger
	 * keeps about 10% over the goal). */
	uint64_t sys = atomic_load(&h->mh.sys), rel = atomic_load(&h->mh.released);
	uint64_t goal = atomic_load(&h->goal), keep = goal + goal / 10;
	if (sys - rel > keep)
		mheap_scavenge(&h->mh, sys - rel - keep);
}

void tc_collect(tc_mutator *m)
{
	if (!mutator_check(m, "tc_collect"))
		return;
	gc_collect(m, true);
}
