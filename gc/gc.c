/*
 * gc.c — the collection cycle, run by one controller thread per heap (Go's
 * mgc.go: gcStart, gcBgMarkWorker, gcMarkDone, gcMarkTermination, gcSweep),
 * with handshakes where Go stops the world (handshake.c argues why each is
 * safe):
 *
 *   0. finish sweeping the last cycle
 *   1. cycle start: counters reset; handshake BARRIER_ON; phase = MARK;
 *      every stack due a scan (each mutator scans its own at its next
 *      safepoint, and allocates black from then on)
 *   2. concurrent mark: the controller greys the global roots and scans the
 *      stacks of blocked mutators; dedicated workers and the controller (as
 *      Go's fractional worker, or flat out on an idle CPU) drain grey work;
 *      allocating mutators assist
 *   3. termination: rounds of the ragged barrier (every mutator flushes its
 *      buffers at a safepoint; the controller flushes blocked ones) until a
 *      round that begins with no grey work greys nothing: marking is then
 *      complete. Verify mode stops the world here to check and verify.
 *      Weak references to white objects cleared, due finalizers queued
 *      (weak.c, final.c). Handshake BARRIER_OFF; heap.live = marked; sweepgen += 2; pacer;
 *      handshake RELEASE (mcaches released); phase = OFF
 *   4. concurrent sweep by the controller, and lazily by allocation
 *
 * Under the libgc shim (tc_heap.stw_mark) the same cycle runs with every
 * mutator blocked from its barrier-on answer to the end of the mark
 * (tc__gc_collect_stw, tc__gc_stw_hold, mutator_held in stw.c): a program
 * with no write barrier is marked as a still heap. Or mostly concurrently
 * (dirty_mark, dirty.c): mutators run through the mark with their writes
 * caught by page, and are held from the first idle point to its end.
 *
 * Invariants: only the controller changes phase, the handshake generations
 * and sweepgen. Termination happens only when every stack has been scanned
 * this cycle and a clean flush round found no grey work in the global lists,
 * any worker, or any mutator's buffers. A tc_collect that asks for a cycle
 * gets one that starts after it asked, and returns once it is swept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gc.h"


static bool gcw_empty(const gcwork *w)
{
	return (w->wbuf1 == NULL || w->wbuf1->nobj == 0) && (w->wbuf2 == NULL || w->wbuf2->nobj == 0);
}

static int running_mutators(tc_heap *h)
{
	int n = 0;
	lock(&h->world.lock);
	for (tc_mutator *m = h->world.mutators; m; m = m->next)
		n += atomic_load_explicit(&m->status, memory_order_relaxed) == M_RUNNING;
	unlock(&h->world.lock);
	return n;
}

/* No CPU left for the controller: the running mutators fill them. */
bool tc__cpus_full(tc_heap *h) { return running_mutators(h) + h->work.nworkers + 1 > h->nprocs; }

/* A CPU for the controller to spin or nap short on, taking it from nobody. */
bool tc__cpu_free(tc_heap *h) { return h->nprocs > 1 && !tc__cpus_full(h); }

/* With no CPU free, the controller's own work (its share of marking, the
 * sweep after a cycle) goes in bursts of at most BURST_NS, each followed by
 * a rest of REST_NS, so that the kernel hands a mutator's CPU back within
 * one burst. Run without rests, the controller kept a mutator off its CPU
 * for a scheduler tick (4 ms) at a time: on the service loop with two
 * mutators on two CPUs, the mutators' longest iterations were 5-6 ms. */
#define BURST_NS 200000
#define REST_NS 50000
/* A burst's length is timed, not counted in bytes or spans: 64 KiB of
 * scanning was meant to be one burst and took 0.2-2 ms (cache misses), 64
 * spans of sweeping up to 1 ms (the page allocator's inserts, the mheap
 * lock), and perf sched timehist showed the controller running 0.5-8 ms
 * without a rest, a third of its runs, on the service loop with two
 * mutators. Marking goes in steps of DRAIN_STEP, sweeping SWEEP_STEP spans,
 * the clock read between (vDSO, about 20 ns). */
#define DRAIN_STEP ((uint64_t)8 << 10)	 /* scan bytes */
#define IDLE_DRAIN ((uint64_t)256 << 10) /* scan bytes of one look at the mark on an idle CPU */
#define SWEEP_STEP 8			 /* spans */

static void rest(void)
{
	struct timespec ts = {0, REST_NS};
	nanosleep(&ts, NULL);
}

/* One burst of the controller's marking: until there is no work, or
 * BURST_NS has passed; on an idle CPU, IDLE_DRAIN in one call (a mutator
 * that wants the CPU back preempts the controller; looking for one between
 * steps, through tc__cpus_full and world.lock, cost the one-thread service
 * loop 7% of its iterations/s). */
static uint64_t drain_burst(tc_heap *h, gcwork *w, bool idle)
{
	if (idle)
		return tc__mark_drain(h, w, IDLE_DRAIN);
	uint64_t t0 = tc__now_ns(), done = 0, step;
	do {
		step = tc__mark_drain(h, w, DRAIN_STEP);
		done += step;
	} while (step > 0 && tc__now_ns() - t0 < BURST_NS);
	return done;
}

static void rest_if_due(tc_heap *h, uint64_t *since)
{
	uint64_t now = tc__now_ns();
	if (now - *since < BURST_NS)
		return;
	if (tc__cpus_full(h))
		rest();
	*since = tc__now_ns();
}

/* The global roots, in bursts: ROOT_STEP slots per step. */
#define ROOT_STEP 4096

static void scan_globals(tc_heap *h, gcwork *w)
{
	rootcursor c = {0};
	uint64_t since = tc__now_ns(), got;
	while ((got = tc__roots_globals_step(h, &c, ROOT_STEP, tc__grey_conservative, w)) > 0) {
		atomic_fetch_add(&h->work.roots_bytes, got);
		rest_if_due(h, &since);
	}
}

static void set_assist_ratio(tc_heap *h)
{
	uint64_t done = atomic_load(&h->work.scan_done), exp = h->pacer.scan_expected;
	uint64_t work = exp > done ? exp - done : exp / 10;
	uint64_t goal = atomic_load(&h->pacer.goal), live = atomic_load(&h->mh.live);
	/* Past the goal, the work left is spread over the way to the hard goal
	 * (Go's 1.1 x goal) instead, and past that over 64 KiB: the assists
	 * steepen, and do the marking the background could not. */
	uint64_t hard = hard_goal(goal), room;
	if (live < goal)
		room = goal - live;
	else
		room = hard > live ? hard - live : 0;
	if (room < (64u << 10))
		room = 64u << 10;
	atomic_store(&h->pacer.assist_ratio, work * 1024 / room);
}

/* A phase change by handshake counts as the cycle's synchronisation with
 * the mutators in gc.pause.ns (and by kind), from request to last answer. */
static void record_pause(tc_heap *h, int kind, uint64_t ns)
{
	tc__hist_record(&h->obs.pauses, ns);
	tc__hist_record(&h->obs.pauses_kind[kind], ns);
}

static void record_sync(tc_heap *h, int kind, uint64_t ns)
{
	/* Under stw_mark the pause is the mutators' whole wait (stw_wait); in
	 * a mostly-concurrent mark, barrier-on is a handshake like any other. */
	if (!h->stw_mark || (atomic_load_explicit(&h->dirty_mark, memory_order_relaxed) && kind == PAUSE_SWEEP_TERM))
		record_pause(h, kind, ns);
}

/* Step 1 (Go's sweep termination, with no stop): every barrier on, then
 * marking begins. Sweeping is finished: the controller swept every span, and
 * a mutator that was sweeping one answered the handshake only afterwards. */
static void cycle_start(tc_heap *h)
{
	atomic_store(&h->work.bytes_marked, 0);
	atomic_store(&h->work.complete, 0);
	atomic_store(&h->work.scan_done, 0);
	atomic_store(&h->work.roots_bytes, 0);
	atomic_store(&h->pacer.bg_credit, 0);
	uint64_t next = h->pacer.scan_next;
	h->pacer.scan_expected = next > ((uint64_t)1 << 20) ? next : (uint64_t)1 << 20;
	set_assist_ratio(h);
	lock(&h->world.lock);
	atomic_store(&h->world.black_sg, atomic_load(&h->mh.sweepgen) + 3);
	h->world.barrier_on = true;
	unlock(&h->world.lock);
	h->obs.last_stw1_ns = tc__handshake(h, HS_BARRIER_ON);
	record_sync(h, PAUSE_SWEEP_TERM, h->obs.last_stw1_ns);
	atomic_store_explicit(&h->phase, GC_MARK, memory_order_release);
	tc__hs_request_scan(h); /* every stack is due a scan */
	lock(&h->ctrl.lock);
	pthread_cond_broadcast(&h->ctrl.progress); /* triggering mutators may go on */
	unlock(&h->ctrl.lock);
}

/* Go's gcMarkDone ragged barrier: ask every mutator to flush its barrier
 * buffer and grey work at its next safepoint (the controller flushes blocked
 * ones), without stopping the world. True when the round found no new work:
 * only then is stopping the world for termination worth it. */
static bool ragged_flush(tc_heap *h)
{
	/* Begins with no grey work anywhere the controller can see. The round
	 * is clean when nothing was greyed from here until every mutator
	 * flushed (work.greyed unchanged): then marking is complete (the
	 * argument is handshake.c's). A round that greyed something is followed
	 * by more marking and another round. */
	uint64_t greyed0 = atomic_load(&h->work.greyed);
	tc_chaos();
	if (!tc__mark_idle(h)) /* after reading greyed0: work published before it is seen here */
		return false;
	tc_chaos();
	tc__hs_request_flush(h);
	if (h->hs_hook)
		h->hs_hook(h, HS_FLUSH, h->hs_hook_arg);
	long nap = 0;
	bool cpu_free = tc__cpu_free(h);
	for (;;) {
		tc__hs_flush_blocked(h);
		tc_chaos();
		if (tc__hs_all_flushed(h)) {
			tc_chaos();
			/* Weak readers shade outside the flush rounds: hold them
			 * off while deciding, so that each shade is either counted
			 * here or made after, against complete (weak.c). */
			tc__weak_gate_close(h);
			bool clean = tc__mark_idle(h) && atomic_load(&h->work.greyed) == greyed0;
			if (clean)
				atomic_store(&h->work.complete, 1);
			tc__weak_gate_open(h);
			if (clean)
				return true;
			h->ctrl.mark_loops++;
			atomic_fetch_add(&h->obs.late_work, 1);
			return false;
		}
		if (!tc__mark_idle(h)) {
			h->ctrl.mark_loops++;
			atomic_fetch_add(&h->obs.late_work, 1);
			return false; /* the flush produced work: go and mark it */
		}
		tc__hs_nap(&nap, cpu_free);
	}
}

/* The controller's wait between its looks at the mark: ns at most, woken
 * early by a worker going idle or an assist that found no work (donecv),
 * either of which may mean the mark is done. A mark that the assists keep
 * at or above the controller's share naps up to NAP_MAX: polled every
 * 50-100 us instead, the service loop's controller woke 5,000 times a
 * second, each time taking a CPU from one of two mutators (perf sched:
 * 9,561 preemptions of one mutator in 2 s). */
#define NAP_MIN 100000
#define NAP_MAX 1000000

static void mark_nap(tc_heap *h, uint64_t ns)
{
	lock(&h->work.lock);
	atomic_store(&h->work.napping, 1);
	if (!atomic_exchange(&h->work.hungry, 0)) /* an assist found nothing since the last look: look again now */
		lock_wait_ns(&h->work.donecv, &h->work.lock, (long)ns);
	atomic_store(&h->work.napping, 0);
	unlock(&h->work.lock);
}

/* Concurrent mark until there seems to be nothing left (step 2). */
static void mark_concurrent(tc_heap *h, gcwork *w, uint64_t mark0)
{
	uint64_t cpu0 = tc__thread_cpu_ns(), assist0 = atomic_load(&h->obs.assist_ns);
	for (bool first = true;; first = false) {
		tc__hs_scan_blocked(h, w);
		if (first && h->ctrl.mark_loops == 0 && h->mark_hook)
			h->mark_hook(h, h->mark_hook_arg);
		uint64_t done = 0;
		/* Go's fractional worker: hold to frac_goal of one CPU while
		 * mutators run, the mutators' assists counted towards it (a mark
		 * the assists already pace at that share needs no more of the
		 * CPUs they would run on), in bursts with rests (BURST_NS). Go's
		 * idle worker: when the running mutators and the dedicated workers
		 * leave a CPU free, mark flat out on it; that CPU time is not
		 * charged to the GC CPU limiter (it was idle). */
		bool idle = !tc__cpus_full(h);
		uint64_t share = tc__thread_cpu_ns() - cpu0 + (atomic_load(&h->obs.assist_ns) - assist0);
		uint64_t elapsed = tc__now_ns() - mark0, nap = NAP_MIN;
		bool throttle = !idle && (double)share > h->work.frac_goal * (double)elapsed;
		if (throttle) { /* until the controller's share is back at its goal */
			double due = h->work.frac_goal > 0 ? (double)share / h->work.frac_goal : (double)(elapsed + NAP_MAX);
			nap = due - (double)elapsed > NAP_MAX ? NAP_MAX : due - (double)elapsed < NAP_MIN ? NAP_MIN : (uint64_t)(due - (double)elapsed);
		}
		if (!throttle) {
			uint64_t c0 = idle ? tc__thread_cpu_ns() : 0;
			done = drain_burst(h, w, idle);
			if (!idle)
				rest();
			atomic_fetch_add_explicit(&h->pacer.bg_credit, (int64_t)done, memory_order_relaxed);
			if (idle)
				atomic_fetch_add_explicit(&h->obs.idle_mark_ns, tc__thread_cpu_ns() - c0,
							  memory_order_relaxed);
		}
		set_assist_ratio(h);
		tc__limiter_tick(h, true);
		if (done == 0 || gcw_empty(w)) {
			tc__gcw_dispose(w);
			/* A mostly-concurrent mark pre-cleans at its first idle
			 * points once every stack is scanned, then holds every
			 * mutator and marks on, still (dirty.c). */
			bool idle = tc__mark_idle(h);
			if (idle && tc__dirty_final(h, w))
				continue;
			if (idle && tc__hs_all_stacks_scanned(h) && ragged_flush(h))
				return; /* work.complete is set */
			mark_nap(h, nap);
		}
	}
}

/* Verify mode only: stop the world, flush every buffer, check that the
 * handshake termination left no grey work (it would be a protocol bug:
 * fatal), and run the heap verifier on the still heap. Returns the pause. */
static uint64_t verify_stop(tc_heap *h, gcwork *w)
{
	tc__stw_stop(h, NULL);
	char why[256] = "";
	for (tc_mutator *m = h->world.mutators; m; m = m->next) {
		if (why[0] == 0)
			tc__verify_describe_white(h, m, why, sizeof why);
		tc__wb_flush(m);
		tc__gcw_dispose(&m->gcw);
	}
	tc__gcw_dispose(w);
	if (!tc__mark_idle(h) || !tc__hs_all_stacks_scanned(h))
		tc__fatal("verify: marking was found complete, but a stop found grey work left after cycle %llu (%s)",
			  (unsigned long long)atomic_load(&h->ctrl.cycles) + 1,
			  why[0] ? why : tc__hs_all_stacks_scanned(h) ? "in no barrier buffer" : "a stack not scanned");
	if (h->after_mark_hook)
		h->after_mark_hook(h, h->after_mark_arg);
	tc__verify_heap(h);
	return tc__stw_start(h);
}

/* Step 3 (Go's mark termination, with no stop): barriers off, the sweep
 * begins, every mcache released. */
static void cycle_end(tc_heap *h, gcwork *w, uint64_t heap0, uint64_t assist0, uint64_t idle0, uint64_t cpu0,
		      tc_pacer_cycle *in)
{
	uint64_t sync = h->cfg.verify ? verify_stop(h, w) : 0; /* workers still waiting for work: mark_idle holds */
	tc__mark_end(h);
	/* Weak references and ephemerons to white objects cleared, then
	 * finalizers due queued, their objects kept (Go's order): both before
	 * the barrier-off handshake, so before any span is swept with these
	 * marks, and while weak readers still answer from them (weak.c). */
	tc__weak_sweep(h);
	if (h->cleared_hook)
		h->cleared_hook(h, h->roots_hook_arg); /* the shim's disappearing links (compat/) */
	tc__fin_sweep(h);
	lock(&h->world.lock);
	h->world.barrier_on = false;
	unlock(&h->world.lock);
	sync += tc__handshake(h, HS_BARRIER_OFF);
	uint64_t marked = atomic_load(&h->work.bytes_marked);
	uint64_t roots = atomic_load(&h->work.roots_bytes);
	*in = (tc_pacer_cycle){.cycle = atomic_load(&h->ctrl.cycles) + 1,
			       .marked_bytes = marked,
			       .roots_bytes = roots,
			       .heap_at_trigger = heap0,
			       .heap_at_end = atomic_load(&h->mh.live),
			       .scan_bytes = atomic_load(&h->work.scan_done) + roots,
			       .mark_ns = h->obs.last_mark_ns,
			       .assist_ns = atomic_load(&h->obs.assist_ns) - assist0,
			       .idle_mark_ns = atomic_load(&h->obs.idle_mark_ns) - idle0,
			       .memory_limit = h->cfg.memory_limit,
			       .procs = h->nprocs};
	/* Since the last cycle ended: GC CPU (this cycle's controller time
	 * is added to obs.cpu_ns only when it ends), allocation, wall time. */
	tc_metric ab = {"heap.alloc.bytes", 0};
	tc_metrics_read(h, &ab, 1);
	uint64_t now = tc__now_ns();
	uint64_t cpu = atomic_load(&h->obs.cpu_ns) + atomic_load(&h->obs.assist_ns) + (tc__thread_cpu_ns() - cpu0);
	in->gc_cpu_ns = cpu - h->pacer.end_cpu;
	in->alloc_bytes = ab.value - h->pacer.end_alloc;
	in->elapsed_ns = now - h->pacer.end_ns;
	h->pacer.end_ns = now;
	h->pacer.end_alloc = ab.value;
	h->pacer.end_cpu = cpu;
	/* The bump: spans cached before it are swept, with these marks, when
	 * their mcache releases them; mcache.c does not take their unused room
	 * off heap.live, which starts again from the bytes marked. */
	lock(&h->world.lock);
	h->world.releasing = true;
	atomic_store(&h->mh.live, marked);
	tc__mheap_start_sweep(&h->mh);
	unlock(&h->world.lock);
	tc__pacer_end_cycle(h, in);
	atomic_fetch_add(&h->ctrl.cycles, 1);
	lock(&h->ctrl.lock);
	pthread_cond_broadcast(&h->ctrl.progress); /* mutators waiting for the mark to end */
	unlock(&h->ctrl.lock);
	sync += tc__handshake(h, HS_RELEASE);
	lock(&h->world.lock);
	h->world.releasing = false;
	atomic_store_explicit(&h->phase, GC_OFF, memory_order_release);
	unlock(&h->world.lock);
	h->obs.last_stw2_ns = sync;
	record_sync(h, PAUSE_MARK_TERM, sync);
	if (h->cfg.gctrace)
		tc__gctrace_line(h, heap0, in->heap_at_end, marked);
}

/* What the next cycle needs, and under a memory limit no more than the
 * limit. What it needs: about 10% over the goal (Go's scavenger's retained
 * goal), or the pages the last cycle had in use at its peak, if more:
 * largemix's cycles use 1.5x their goal (large objects, fragmented runs),
 * and released at each cycle's end, 15-95 MiB were faulted in again by the
 * next. The goal is the largest of the last 4 cycles': goals move 20-30%
 * from cycle to cycle (fifo: 132-167 MB), and following each dip released
 * pages that the next cycle faulted in again (perf: 2% of fifo's samples in
 * the TLB shootdowns of those madvise calls alone). The peak is the last
 * cycle's only: keeping largemix's past peaks as well cost it 12% of peak
 * RSS. A collection the program asked for (tc_collect) forgets the past
 * goals: it returns what the heap does not need now. Not below the limit:
 * the goal sits 1/32 under it (pacer.c), and pages released only to be
 * faulted in again would cost more than they save. */
uint64_t tc__scav_keep(tc_heap *h, uint64_t goal, uint64_t peak, bool asked)
{
	if (asked)
		memset(h->ctrl.goals, 0, sizeof h->ctrl.goals);
	h->ctrl.goals[h->ctrl.ngoals++ % 4] = goal;
	for (unsigned i = 0; i < 4; i++)
		goal = h->ctrl.goals[i] > goal ? h->ctrl.goals[i] : goal;
	uint64_t keep = goal + goal / 10, lim = h->cfg.memory_limit;
	if (peak > keep)
		keep = peak;
	return lim != 0 && keep > lim ? lim : keep;
}

/* Scavenging's step: the mheap lock is held for one step's madvise calls,
 * about 100 us (8.5 ms for 76 MiB at once on largemix, every mutator that
 * needed a span or a large object waiting on the lock meanwhile). */
#define SCAV_STEP ((size_t)1 << 20)

static void gc_sweep_finish(tc_heap *h, bool asked)
{
	unsigned cls = 0;
	uint64_t since = tc__now_ns();
	while (tc__mheap_sweep_some(&h->mh, &cls, SWEEP_STEP) > 0)
		rest_if_due(h, &since);
	/* Return free memory beyond what the next cycle needs (tc__scav_keep). */
	uint64_t keep = tc__scav_keep(h, atomic_load(&h->pacer.goal), tc__mheap_take_inuse_peak(&h->mh), asked);
	uint64_t ready = mheap_ready(&h->mh);
	for (uint64_t left = ready > keep ? ready - keep : 0; left > 0;) {
		size_t got = tc__mheap_scavenge(&h->mh, left < SCAV_STEP ? left : SCAV_STEP);
		if (got == 0)
			break;
		left -= got < left ? got : left;
		rest_if_due(h, &since);
	}
}

static void run_cycle(tc_heap *h, bool asked)
{
	uint64_t cpu0 = tc__thread_cpu_ns(), t0 = tc__now_ns(), gccpu0 = atomic_load(&h->obs.cpu_ns);
	uint64_t assist0 = atomic_load(&h->obs.assist_ns), trigger = atomic_load(&h->pacer.trigger), goal = atomic_load(&h->pacer.goal);
	uint64_t idle0 = atomic_load(&h->obs.idle_mark_ns);
	tc__limiter_tick(h, false);
	tc__mheap_sweep_all(&h->mh); /* 0 */
	uint64_t heap0 = atomic_load(&h->mh.live), ts0 = tc__now_ns();
	tc__dirty_cycle_start(h);
	cycle_start(h); /* 1 */
	uint64_t mark0 = tc__now_ns();
	tc__mark_begin(h);
	gcwork w;
	tc__gcw_init(&w, h);
	if (h->roots_hook)
		h->roots_hook(h, h->roots_hook_arg);
	scan_globals(h, &w);
	tc__fin_mark_roots(h, &w); /* after phase = MARK: a record made later is greyed by its maker */
	h->ctrl.mark_loops = 0;
	mark_concurrent(h, &w, mark0); /* 2, and 3's termination */
	uint64_t markend = tc__now_ns();
	h->obs.last_mark_ns = markend - mark0;
	tc_pacer_cycle in;
	cycle_end(h, &w, heap0, assist0, idle0, cpu0, &in); /* 3 */
	tc__dirty_cycle_end(h); /* the mutators run again meanwhile */
	uint64_t te = tc__now_ns();
	gc_sweep_finish(h, asked); /* 4 */
	uint64_t tend = tc__now_ns(), cycle = atomic_load(&h->ctrl.cycles);
	tc__trace_slice(h, t0, tend, TRACK_CONTROLLER, TR_CYCLE, cycle);
	tc__trace_slice(h, t0, ts0, TRACK_CONTROLLER, TR_SWEEP0, cycle);
	tc__trace_slice(h, ts0, mark0, TRACK_CONTROLLER, TR_BARRIER_ON, cycle);
	tc__trace_slice(h, mark0, markend, TRACK_CONTROLLER, TR_MARK, cycle);
	tc__trace_slice(h, markend, te, TRACK_CONTROLLER, TR_TERMINATE, cycle);
	tc__trace_slice(h, te, tend, TRACK_CONTROLLER, TR_SWEEP, cycle);
	tc__limiter_tick(h, false);
	atomic_fetch_add(&h->obs.cpu_ns, tc__thread_cpu_ns() - cpu0);
	cyclerec r = {.cycle = atomic_load(&h->ctrl.cycles),
		      .start_ns = t0 - h->obs.start_ns,
		      .trigger = trigger,
		      .goal = goal,
		      .heap_trigger = heap0,
		      .heap_peak = in.heap_at_end,
		      .marked = in.marked_bytes,
		      .roots = in.roots_bytes,
		      .stw1_ns = h->obs.last_stw1_ns,
		      .stw2_ns = h->obs.last_stw2_ns,
		      .mark_ns = h->obs.last_mark_ns,
		      .assist_ns = in.assist_ns,
		      .cpu_ns = atomic_load(&h->obs.cpu_ns) - gccpu0,
		      .wall_ns = tend - t0,
		      .mark_end_ns = markend - t0,
		      .sys = atomic_load(&h->mh.sys) - atomic_load(&h->mh.released),
		      .loops = (unsigned)h->ctrl.mark_loops,
		      .cons_mark = tc__pacer_cons_mark(h)};
	tc__cycle_record(h, &r);
}

static uint64_t request(tc_heap *h);

static void *controller_main(void *arg)
{
	tc_heap *h = arg;
	tc__thread_fine_sleeps(); /* its rests and handshake waits are tens of microseconds */
	lock(&h->ctrl.lock);
	for (;;) {
		while (!h->ctrl.requested && !h->ctrl.stop)
			lock_wait(&h->ctrl.wake, &h->ctrl.lock);
		if (h->ctrl.stop)
			break;
		h->ctrl.requested = 0;
		h->ctrl.cycles_started++;
		bool asked = h->ctrl.collect_asked;
		h->ctrl.collect_asked = 0;
		unlock(&h->ctrl.lock);
		uint64_t cpu0 = tc__thread_cpu_ns();
		run_cycle(h, asked);
		lock(&h->ctrl.lock);
		h->ctrl.cycles_swept++;
		pthread_cond_broadcast(&h->ctrl.progress);
		if (limiter_on(h)) {
			/* Back-to-back cycles under a too-small limit: rest as long
			 * as the cycle took of this thread, so the controller's own
			 * share stays at half a CPU (the limiter stops assists and
			 * waits; this is the rest of the GC's time). */
			uint64_t ns = tc__thread_cpu_ns() - cpu0;
			ns = ns > 20000000 ? 20000000 : ns;
			unlock(&h->ctrl.lock);
			struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
			nanosleep(&ts, NULL);
			tc__limiter_tick(h, false);
			lock(&h->ctrl.lock);
		}
	}
	unlock(&h->ctrl.lock);
	return NULL;
}

/* Ask for a cycle (ctrllock held). Returns the number it will have. */
static uint64_t request(tc_heap *h)
{
	if (!h->ctrl.running) {
		if (pthread_create(&h->ctrl.thread, NULL, controller_main, h) != 0) {
			tc__fatal("cannot start the collector thread");
		}
		h->ctrl.running = 1;
	}
	h->ctrl.requested = 1;
	pthread_cond_signal(&h->ctrl.wake);
	return h->ctrl.cycles_started + 1;
}

static void wait_collect(tc_mutator *m, void *arg)
{
	(void)arg;
	tc_heap *h = m->h;
	lock(&h->ctrl.lock);
	uint64_t target = request(h);
	h->ctrl.collect_asked = 1;
	while (h->ctrl.cycles_swept < target)
		lock_wait(&h->ctrl.progress, &h->ctrl.lock);
	unlock(&h->ctrl.lock);
}

void tc__gc_collect(tc_mutator *m)
{
	tc__stw_block_while(m, wait_collect, NULL); /* stopped, as far as the cycle is concerned */
}

/* Marking without a barrier (stw_mark, the libgc shim): the allocating
 * mutator asks for a cycle and waits, blocked, until its mark has ended; a
 * mutator that answers the cycle's barrier-on handshake at a safepoint waits
 * likewise (tc__gc_stw_hold). So no mutator runs from the barrier-on
 * handshake to mark termination, and the tri-colour invariant needs no
 * barrier: marking sees a still heap. The sweep runs beside the mutators,
 * as always (it needs no barrier). The wait is the pause. */
static void gc_wait(tc_mutator *m, void (*wait)(tc_mutator *m, void *arg), void *arg);

static void wait_marked(tc_mutator *m, void *arg)
{
	tc_heap *h = m->h;
	uint64_t *target = arg;
	lock(&h->ctrl.lock);
	if (*target == 0)
		*target = request(h); /* a cycle that starts after this call */
	while (atomic_load(&h->ctrl.cycles) < *target)
		lock_wait(&h->ctrl.progress, &h->ctrl.lock);
	unlock(&h->ctrl.lock);
}

static void stw_wait(tc_mutator *m, uint64_t target)
{
	uint64_t t0 = tc__now_ns();
	gc_wait(m, wait_marked, &target);
	uint64_t ns = tc__now_ns() - t0;
	record_pause(m->h, PAUSE_MARK_TERM, ns);
	atomic_fetch_add(&m->h->obs.stw_ns, ns);
}

void tc__gc_collect_stw(tc_mutator *m) { stw_wait(m, 0); }

void tc__gc_stw_hold(tc_mutator *m)
{
	if (!mutator_held(m))
		return;
	/* Answered barrier-on: the cycle under way ends its mark at cycles + 1
	 * (it cannot end before this mutator blocks). */
	stw_wait(m, atomic_load(&m->h->ctrl.cycles) + 1);
}

static void wait_mark(tc_mutator *m, void *arg)
{
	tc_heap *h = m->h;
	uint64_t c0 = *(uint64_t *)arg;
	lock(&h->ctrl.lock);
	while (atomic_load(&h->ctrl.cycles) == c0 && atomic_load(&h->phase) == GC_MARK && !limiter_on(h))
		lock_wait(&h->ctrl.progress, &h->ctrl.lock);
	unlock(&h->ctrl.lock);
}

/* A mutator waits for the collector, blocked (stopped, as far as a cycle
 * is concerned): the time counts as the mutator's stall, and the limiter
 * sees it as GC time while it lasts. */
static void gc_wait(tc_mutator *m, void (*wait)(tc_mutator *m, void *arg), void *arg)
{
	tc_heap *h = m->h;
	lock(&h->ctrl.lock);
	uint64_t t0 = tc__now_ns();
	h->ctrl.nwaiting++;
	h->ctrl.wait_starts += t0;
	unlock(&h->ctrl.lock);
	tc__stw_block_while(m, wait, arg);
	lock(&h->ctrl.lock);
	uint64_t ns = tc__now_ns() - t0;
	h->ctrl.nwaiting--;
	h->ctrl.wait_starts -= t0;
	h->ctrl.wait_done += ns;
	unlock(&h->ctrl.lock);
	tc__mutator_stall(m, t0, IV_WAIT);
}

uint64_t tc__gc_waited(tc_heap *h)
{
	lock(&h->ctrl.lock);
	uint64_t v = h->ctrl.wait_done;
	unlock(&h->ctrl.lock);
	return v;
}

void tc__gc_wait_mark(tc_mutator *m)
{
	uint64_t c0 = atomic_load(&m->h->ctrl.cycles);
	gc_wait(m, wait_mark, &c0);
}

/* Until a marker shares grey work (putfull), or WORK_WAIT_NS pass: a
 * marker that had nothing to spare when it saw nhungry may have some at its
 * next look. Once the mark has ended (tc__mark_end), on until the cycle's
 * mark is over (wait_mark): going on then, the mutator allocated past the
 * hard goal for the whole termination, and a heap of garbage on a busy
 * machine ran away from its goal (test_reclaim). */
#define WORK_WAIT_NS 200000L

typedef struct workwait {
	uint64_t c0;  /* ctrl.cycles when the assist began */
	bool marking; /* out: the mark goes on, there may be work to take */
} workwait;

static void wait_work(tc_mutator *m, void *arg)
{
	tc_heap *h = m->h;
	workwait *a = arg;
	lock(&h->work.lock);
	if (h->work.full == NULL && !h->work.markdone) {
		/* Stored atomically: markers read it without the lock. */
		__atomic_store_n(&h->work.nhungry, h->work.nhungry + 1, __ATOMIC_RELAXED);
		lock_wait_ns(&h->work.hungrycv, &h->work.lock, WORK_WAIT_NS);
		__atomic_store_n(&h->work.nhungry, h->work.nhungry - 1, __ATOMIC_RELAXED);
	}
	bool ended = h->work.markdone;
	unlock(&h->work.lock);
	if (ended)
		wait_mark(m, &a->c0);
	a->marking = !ended && atomic_load(&h->phase) == GC_MARK && !limiter_on(h);
}

bool tc__gc_wait_work(tc_mutator *m)
{
	workwait a = {atomic_load(&m->h->ctrl.cycles), false};
	gc_wait(m, wait_work, &a);
	return a.marking;
}

/* No cycle asked for and none running (ctrllock held). */
static bool cycle_idle(const tc_heap *h) { return !h->ctrl.requested && h->ctrl.cycles_started == h->ctrl.cycles_swept; }

/* The mutator that trips the trigger asks for a cycle and goes on. Under a
 * memory limit, or past the hard goal, it does not run on until the cycle
 * has begun (sweep termination), as in Go's gcStart, or it could allocate
 * far past the limit meanwhile (tc__gc_must_wait). */
static void wait_start(tc_mutator *m, void *arg)
{
	tc_heap *h = m->h;
	uint32_t gen = *(uint32_t *)arg;
	lock(&h->ctrl.lock);
	if (cycle_idle(h))
		request(h);
	while (atomic_load(&h->world.scangen) == gen && !cycle_idle(h) && !limiter_on(h))
		lock_wait(&h->ctrl.progress, &h->ctrl.lock);
	unlock(&h->ctrl.lock);
}

void tc__gc_maybe_trigger(tc_mutator *m)
{
	tc_heap *h = m->h;
	if (__builtin_expect(h->stw_mark && !atomic_load_explicit(&h->dirty_req, memory_order_relaxed), 0)) {
		/* No runway to pace: collect at the goal, the world still. */
		if (atomic_load_explicit(&h->gc_disabled, memory_order_relaxed) == 0 &&
		    atomic_load_explicit(&h->mh.live, memory_order_relaxed) >=
			    atomic_load_explicit(&h->pacer.goal, memory_order_relaxed))
			tc__gc_collect_stw(m);
		return;
	}
	if (atomic_load_explicit(&h->phase, memory_order_relaxed) != GC_OFF ||
	    atomic_load_explicit(&h->gc_disabled, memory_order_relaxed) != 0 ||
	    atomic_load_explicit(&h->mh.live, memory_order_relaxed) <
		    atomic_load_explicit(&h->pacer.trigger, memory_order_relaxed))
		return;
	if (!tc__gc_must_wait(h, atomic_load_explicit(&h->mh.live, memory_order_relaxed),
			      atomic_load_explicit(&h->pacer.trigger, memory_order_relaxed))) {
		/* Ask, and go on: marking starts soon, and assists pace it. */
		lock(&h->ctrl.lock);
		if (cycle_idle(h))
			request(h);
		unlock(&h->ctrl.lock);
		return;
	}
	uint32_t gen = atomic_load(&h->world.scangen);
	gc_wait(m, wait_start, &gen);
}

void tc__gc_controller_stop(tc_heap *h)
{
	lock(&h->ctrl.lock);
	h->ctrl.stop = 1;
	pthread_cond_signal(&h->ctrl.wake);
	int running = h->ctrl.running;
	unlock(&h->ctrl.lock);
	if (running)
		pthread_join(h->ctrl.thread, NULL);
}


void tc_collect(tc_mutator *m)
{
	if (!tc__mutator_check(m, "tc_collect"))
		return;
	tc__gc_collect(m);
}
