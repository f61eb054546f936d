/*
 * stw.c — stopping the world at safepoints, and saving a mutator's context so
 * that its stack can be scanned while it is stopped (Go's stopTheWorld and
 * the g's saved sched context).
 *
 * Mutator states (tc_mutator.status), changed only under h->world.lock:
 *   RUNNING  executing code that may touch the heap
 *   BLOCKED  inside tc_blocking_enter/leave (or detaching): counts as stopped
 *   PARKED   stopped at a safepoint while the world is stopped
 *   SCANNING blocked, and the controller is scanning its stack; leaving the
 *            blocking region waits until the scan is over
 *
 * Stack scans during concurrent mark (Go's markroot of goroutine stacks): each
 * stack is scanned once per cycle (m->scangen == h->world.scangen afterwards),
 * either by the mutator itself at its first safepoint after sweep
 * termination, or, for a mutator that was blocked, by the controller. Never
 * all stacks in one pause.
 * A mutator that is BLOCKED or PARKED has saved its callee-saved registers in
 * m->regs and the stack pointer of its caller in m->sp; everything it may
 * still reference lies in those registers or in [m->sp, m->stack_hi).
 *
 * The stopper sets stw_pending, then waits until no other mutator is RUNNING.
 * A RUNNING mutator sees stw_pending at its next safepoint and parks; one that
 * is leaving a blocking region waits for the world to restart. Only one world
 * stop happens at a time: only the controller stops it. A pause is timed from
 * the stop request until every mutator may run again. The stopper is the
 * controller thread, which is not a mutator (self is NULL), or a mutator.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "gc.h"

#define STW_SPIN_POLLS 200 /* about 20-50 µs of polling before sleeping */


static void save_ctx(tc_mutator *m, const uintptr_t *regs, uintptr_t sp)
{
	memcpy(m->regs, regs, CTX_NREGS * sizeof(uintptr_t));
	atomic_store_explicit(&m->sp, sp, memory_order_relaxed);
}

static int others_running(tc_heap *h, tc_mutator *self)
{
	int n = 0;
	for (tc_mutator *m = h->world.mutators; m; m = m->next)
		n += m != self && atomic_load_explicit(&m->status, memory_order_relaxed) == M_RUNNING;
	return n;
}

void tc__stw_stop(tc_heap *h, tc_mutator *self)
{
	h->world.stw_start_ns = tc__now_ns();
	lock(&h->world.lock);
	atomic_store_explicit(&h->world.stw_pending, 1, memory_order_release);
	/* Spin a little first: a running mutator usually reaches its next poll
	 * within microseconds, and sleeping on the condition variable would add
	 * a wake-up (tens of µs) to the pause. Only while the running mutators
	 * leave this thread a CPU of its own: spinning on a CPU a mutator needs
	 * to reach its poll makes the pause longer, not shorter (measured: fifo
	 * with 2 threads on 2 CPUs, p50 30 µs without the spin, 340 µs with). */
	int n;
	for (int i = 0; i < STW_SPIN_POLLS && (n = others_running(h, self)) > 0 && n < h->nprocs; i++) {
		unlock(&h->world.lock);
		for (int k = 0; k < 64; k++)
			cpu_relax();
		lock(&h->world.lock);
	}
	while (others_running(h, self))
		lock_wait(&h->world.stopped, &h->world.lock);
	unlock(&h->world.lock);
}

uint64_t tc__stw_start(tc_heap *h, int kind)
{
	lock(&h->world.lock);
	atomic_store_explicit(&h->world.stw_pending, 0, memory_order_release);
	pthread_cond_broadcast(&h->world.resumed);
	unlock(&h->world.lock);
	uint64_t end = tc__now_ns(), ns = end - h->world.stw_start_ns;
	tc__interval_record(h, h->world.stw_start_ns, end, IV_PAUSE, -1);
	atomic_fetch_add(&h->obs.stw_ns, ns);
	tc__hist_record(&h->obs.pauses, ns);
	tc__hist_record(&h->obs.pauses_kind[kind], ns);
	return ns;
}

static void park_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = m->h;
	save_ctx(m, regs, sp);
	lock(&h->world.lock);
	if (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed)) {
		/* Stalled since the stop was requested: time to safepoint included. */
		uint64_t t0 = h->world.stw_start_ns;
		atomic_store_explicit(&m->status, M_PARKED, memory_order_relaxed);
		pthread_cond_broadcast(&h->world.stopped);
		while (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed))
			lock_wait(&h->world.resumed, &h->world.lock);
		atomic_store_explicit(&m->status, M_RUNNING, memory_order_relaxed);
		unlock(&h->world.lock);
		tc__mutator_stall(m, t0, IV_STOP);
		return;
	}
	unlock(&h->world.lock);
}

static void stw_park(tc_mutator *m) { tc__context_call(m, park_impl); }

static bool needs_scan(tc_heap *h, tc_mutator *m)
{
	return atomic_load_explicit(&h->phase, memory_order_relaxed) == GC_MARK &&
	       m->scangen != atomic_load_explicit(&h->world.scangen, memory_order_relaxed);
}

/* The mutator scans its own stack (it is running this code: nothing else
 * touches its stack), then publishes its grey work. */
static void scan_self_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = m->h;
	save_ctx(m, regs, sp);
	uint64_t t0 = tc__now_ns();
	tc__mark_scan_roots(h, &m->gcw, m);
	tc__gcw_dispose(&m->gcw);
	lock(&h->world.lock);
	m->scangen = atomic_load(&h->world.scangen);
	pthread_cond_broadcast(&h->world.stopped);
	unlock(&h->world.lock);
	tc__mutator_stall(m, t0, IV_ASSIST); /* the mutator's own GC work */
}

/* The ragged barrier's step on a mutator: its barrier buffer and grey work
 * go to the global lists, where the markers see them. */
static void flush_self(tc_heap *h, tc_mutator *m)
{
	uint64_t t0 = tc__now_ns();
	uint32_t gen = atomic_load(&h->world.flushgen);
	tc__wb_flush(m);
	tc__gcw_dispose(&m->gcw);
	lock(&h->world.lock);
	m->flushack = gen;
	unlock(&h->world.lock);
	tc__mutator_stall(m, t0, IV_ASSIST);
}

void tc__safepoint_slow(tc_mutator *m)
{
	tc_heap *h = m->h;
	if (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed))
		stw_park(m);
	lock(&h->world.lock);
	bool scan = needs_scan(h, m);
	unlock(&h->world.lock);
	if (scan)
		tc__context_call(m, scan_self_impl);
	if (atomic_load_explicit(&h->phase, memory_order_relaxed) == GC_MARK &&
	    m->flushack != atomic_load_explicit(&h->world.flushgen, memory_order_relaxed))
		flush_self(h, m);
}

static void blocking_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = m->h;
	save_ctx(m, regs, sp);
	lock(&h->world.lock);
	if (needs_scan(h, m)) {
		/* Scan now rather than make the controller do it later. */
		unlock(&h->world.lock);
		uint64_t t0 = tc__now_ns();
		tc__mark_scan_roots(h, &m->gcw, m);
		tc__gcw_dispose(&m->gcw);
		tc__mutator_stall(m, t0, IV_ASSIST);
		lock(&h->world.lock);
		m->scangen = atomic_load(&h->world.scangen);
	}
	atomic_store_explicit(&m->status, M_BLOCKED, memory_order_relaxed);
	if (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed))
		pthread_cond_broadcast(&h->world.stopped);
	unlock(&h->world.lock);
}

/* Block for the length of wait(m, arg), counting as stopped. The wait runs
 * inside the trampoline, so every frame that may hold a spilled register of
 * the caller stays alive, and scanned, until the mutator runs again. (A
 * blocking enter that returned before waiting could lose a pointer that only a
 * dead frame held; only the public tc_blocking_enter returns, and it saves
 * its caller's registers exactly.) */
static void block_while_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	blocking_impl(m, regs, sp);
	m->block_fn(m, m->block_arg);
	tc__stw_blocking_leave(m);
}

void tc__stw_block_while(tc_mutator *m, void (*wait)(tc_mutator *m, void *arg), void *arg)
{
	m->block_fn = wait;
	m->block_arg = arg;
	tc__context_call(m, block_while_impl);
}

/* The public entry's body, reached from the assembly above. */
__attribute__((visibility("hidden"))) void tc__blocking_enter_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp);
/* tc_blocking_enter(m) returns to its caller, whose callee-saved registers
 * must be the ones saved: the trampoline is entered with no C in between. */
TC_CONTEXT_ENTRY(tc_blocking_enter, tc__blocking_enter_impl);

void tc__blocking_enter_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	if (!tc__mutator_check(m, "tc_blocking_enter"))
		return;
	if (m->blocking) {
		tc__error("tc_blocking_enter: mutator %p is already in a blocking region", (void *)m);
		return;
	}
	m->blocking = 1;
	blocking_impl(m, regs, sp);
}

void tc__stw_blocking_leave(tc_mutator *m)
{
	tc_heap *h = m->h;
	uint64_t t0 = 0;
	lock(&h->world.lock);
	while (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed) ||
	       atomic_load_explicit(&m->status, memory_order_relaxed) == M_SCANNING) {
		if (t0 == 0)
			t0 = tc__now_ns(); /* held by the collector: a stall from here */
		lock_wait(&h->world.resumed, &h->world.lock);
	}
	atomic_store_explicit(&m->status, M_RUNNING, memory_order_relaxed);
	unlock(&h->world.lock);
	if (t0 != 0)
		tc__mutator_stall(m, t0, IV_STOP);
}

/* Has every mutator's *field (scangen or flushack) reached gen? */
static bool all_at(tc_heap *h, uint32_t gen, size_t field)
{
	bool all = true;
	lock(&h->world.lock);
	for (tc_mutator *m = h->world.mutators; m && all; m = m->next)
		all = *(uint32_t *)((char *)m + field) == gen;
	unlock(&h->world.lock);
	return all;
}

bool tc__stw_all_flushed(tc_heap *h) { return all_at(h, atomic_load(&h->world.flushgen), offsetof(tc_mutator, flushack)); }

bool tc__stw_all_stacks_scanned(tc_heap *h)
{
	return all_at(h, atomic_load(&h->world.scangen), offsetof(tc_mutator, scangen));
}

/* Do work on behalf of each blocked mutator whose *field (scangen or
 * flushack) is not gen yet, holding it in SCANNING meanwhile so that it cannot
 * start running under the controller's hands; then set *field = gen. */
static void for_blocked(tc_heap *h, uint32_t gen, size_t field, void (*act)(tc_heap *h, tc_mutator *m, void *ctx),
			void *ctx)
{
	for (;;) {
		tc_mutator *m;
		lock(&h->world.lock);
		for (m = h->world.mutators; m; m = m->next)
			if (*(uint32_t *)((char *)m + field) != gen &&
			    atomic_load_explicit(&m->status, memory_order_relaxed) == M_BLOCKED)
				break;
		if (m == NULL) {
			unlock(&h->world.lock);
			return;
		}
		atomic_store_explicit(&m->status, M_SCANNING, memory_order_relaxed);
		unlock(&h->world.lock);
		act(h, m, ctx);
		lock(&h->world.lock);
		*(uint32_t *)((char *)m + field) = gen;
		atomic_store_explicit(&m->status, M_BLOCKED, memory_order_relaxed);
		pthread_cond_broadcast(&h->world.resumed);
		unlock(&h->world.lock);
	}
}

static void scan_act(tc_heap *h, tc_mutator *m, void *w) { tc__mark_scan_roots(h, w, m); }

static void flush_act(tc_heap *h, tc_mutator *m, void *ctx)
{
	(void)h;
	(void)ctx;
	tc__wb_flush(m);
	tc__gcw_dispose(&m->gcw);
}

void tc__stw_scan_blocked(tc_heap *h, gcwork *w)
{
	for_blocked(h, atomic_load(&h->world.scangen), offsetof(tc_mutator, scangen), scan_act, w);
}

/* A blocked mutator cannot flush for itself: the controller does it. */
void tc__stw_flush_blocked(tc_heap *h)
{
	for_blocked(h, atomic_load(&h->world.flushgen), offsetof(tc_mutator, flushack), flush_act, NULL);
}

