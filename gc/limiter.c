/*
 * limiter.c — the GC CPU limiter (Go's mgclimit.go).
 *
 * A memory limit below what the program keeps live would have the pacer
 * collect back to back and every allocation assist or wait at the goal: the
 * program would spend all its time in the collector (a death spiral). The
 * limiter caps that near 50% of the CPUs: a leaky bucket of capacity
 * 100 ms × procs fills with GC time and drains with mutator time,
 *
 *   fill += gc − (total − gc),   total = elapsed × procs,   0 ≤ fill ≤ cap,
 *
 * so it fills only while the collector takes more than half of the machine.
 * While it is full (limiter_on), allocation neither assists nor waits at the
 * goal: the heap grows past the goal, and past the limit, instead. That is
 * the "soft" in the soft limit.
 *
 * GC time here is the controller's thread CPU time, the dedicated workers'
 * wall time while marking (they run flat out), the time mutators spent
 * assisting or scanning their own stacks, stop-the-world pauses on the other
 * CPUs (as Go counts them), and the time mutators spend waiting for the
 * collector at the trigger or the goal. A wait counts as it goes (its start
 * time is known), not only when it ends: a long wait is what the limiter
 * must see early.
 *
 * Invariant: only the controller calls tc__limiter_tick, so the bucket needs no
 * lock; mutators read lim_on with a relaxed load on their slow paths.
 */
#include "gc.h"

/* Go's bucket holds 1 s per proc; ours 100 ms, so that a too-small limit
 * costs a run at most a tenth of a second at full GC before the limiter
 * acts. The cost: the cap is averaged over a shorter window. */
#define LIMITER_CAP_NS ((uint64_t)100000000)

/* Time mutators have spent waiting for the collector, the waits still
 * going included. Finished waits are also in assist_ns: the caller
 * subtracts them from it. */
static uint64_t waited(tc_heap *h, uint64_t now, uint64_t *done)
{
	lock(&h->ctrl.lock);
	*done = h->ctrl.wait_done;
	uint64_t w = h->ctrl.wait_done + (uint64_t)h->ctrl.nwaiting * now - h->ctrl.wait_starts;
	unlock(&h->ctrl.lock);
	return w;
}

void tc__limiter_tick(tc_heap *h, bool marking)
{
	uint64_t now = tc__now_ns(), done, wait = waited(h, now, &done);
	struct limreading cur = {.ns = now,
				 .cpu = tc__thread_cpu_ns(),
				 .assist = atomic_load(&h->obs.assist_ns) - done,
				 .wait = wait,
				 .stw = atomic_load(&h->obs.stw_ns) * (uint64_t)(h->nprocs - 1),
				 .idle = atomic_load(&h->obs.idle_mark_ns)},
			  last = h->lim.last;
	h->lim.last = cur;
	if (last.ns == 0 || now <= last.ns)
		return;
	uint64_t dt = now - last.ns, total = dt * (uint64_t)h->nprocs;
	uint64_t gc = (cur.cpu - last.cpu) + (cur.assist - last.assist) + (cur.wait - last.wait) +
		      (cur.stw - last.stw) + (marking ? (uint64_t)h->work.nworkers * dt : 0);
	uint64_t idled = cur.idle - last.idle; /* marking on an idle CPU is not GC time taken from the program */
	gc = gc > idled ? gc - idled : 0;
	if (gc > total)
		gc = total;
	uint64_t cap = LIMITER_CAP_NS * (uint64_t)h->nprocs;
	int64_t change = (int64_t)gc - (int64_t)(total - gc);
	if (change < 0 && (uint64_t)-change >= h->lim.fill)
		h->lim.fill = 0;
	else
		h->lim.fill = change >= 0 && h->lim.fill + (uint64_t)change >= cap ? cap : h->lim.fill + (uint64_t)change;
	int was = atomic_load(&h->lim.on), on = h->lim.fill >= cap;
	if (was)
		atomic_fetch_add(&h->lim.on_ns, dt);
	if (on == was)
		return;
	atomic_store(&h->lim.on, on);
	if (on) {
		atomic_fetch_add(&h->lim.enabled, 1);
		lock(&h->ctrl.lock);
		pthread_cond_broadcast(&h->ctrl.progress); /* mutators waiting at the goal go on */
		unlock(&h->ctrl.lock);
	}
}
