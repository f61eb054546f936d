/*
 * stw.c — safepoints, blocking regions, and stopping the world (Go's
 * stopTheWorld and the g's saved sched context). Cycles change phase by
 * handshakes (handshake.c); the world is stopped only in verify mode, to run
 * the heap verifier on a still heap.
 *
 * Mutator states (tc_mutator.status), changed only under h->world.lock:
 *   RUNNING  executing code that may touch the heap
 *   BLOCKED  inside tc_blocking_enter/leave (or detaching): counts as stopped
 *   PARKED   stopped at a safepoint while the world is stopped
 *   SCANNING blocked, and the controller is scanning its stack; leaving the
 *            blocking region waits until the scan is over
 *
 * At a safepoint a mutator parks if the world is stopping, then answers
 * every pending handshake (handshake.c). Entering a blocking region it
 * answers them too, then saves its context: while it is blocked the
 * controller answers for it, from that context.
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


void tc__save_ctx(tc_mutator *m, const uintptr_t *regs, uintptr_t sp)
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

uint64_t tc__stw_start(tc_heap *h)
{
	lock(&h->world.lock);
	atomic_store_explicit(&h->world.stw_pending, 0, memory_order_release);
	pthread_cond_broadcast(&h->world.resumed);
	unlock(&h->world.lock);
	uint64_t end = tc__now_ns(), ns = end - h->world.stw_start_ns;
	tc__interval_record(h, h->world.stw_start_ns, end, IV_PAUSE, -1);
	atomic_fetch_add(&h->obs.stw_ns, ns);
	return ns;
}

static void park_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = m->h;
	tc__save_ctx(m, regs, sp);
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

void tc__safepoint_slow(tc_mutator *m)
{
	if (atomic_load_explicit(&m->h->world.stw_pending, memory_order_relaxed))
		stw_park(m);
	tc__handshake_answer(m, true);
	if (__builtin_expect(m->h->stw_mark, 0))
		tc__gc_stw_hold(m);
}

static void blocking_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = m->h;
	/* Answer what is pending now (its own stack scan among it) rather than
	 * make the controller do it later; then save the caller's context, which
	 * is what the controller scans while this mutator is blocked. */
	tc__handshake_answer(m, true);
	tc_chaos();
	tc__save_ctx(m, regs, sp);
	lock(&h->world.lock);
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
	for (;;) {
		lock(&h->world.lock);
		while (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed) ||
		       atomic_load_explicit(&m->status, memory_order_relaxed) == M_SCANNING) {
			if (t0 == 0)
				t0 = tc__now_ns(); /* held by the collector: a stall from here */
			lock_wait(&h->world.resumed, &h->world.lock);
		}
		/* stw_mark (gc.c): the controller turned this blocked mutator's
		 * barrier on for a cycle that is marking now (and, in a
		 * mostly-concurrent mark, asked the hold); it may not run until
		 * the barrier is off again (mutator_held). */
		if (!mutator_held(m))
			break;
		unlock(&h->world.lock);
		/* Still blocked: the controller answers barrier-off for it, and
		 * then signals the end of the mark (ctrl.progress). */
		if (t0 == 0)
			t0 = tc__now_ns();
		lock(&h->ctrl.lock);
		while (mutator_held(m))
			lock_wait(&h->ctrl.progress, &h->ctrl.lock);
		unlock(&h->ctrl.lock);
	}
	atomic_store_explicit(&m->status, M_RUNNING, memory_order_relaxed);
	unlock(&h->world.lock);
	if (t0 != 0)
		tc__mutator_stall(m, t0, IV_STOP);
}
