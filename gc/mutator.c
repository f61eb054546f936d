/*
 * mutator.c — threads that use the heap (Go's M+P, reduced to what a C
 * embedder needs): attach, detach, safepoints, blocking regions.
 *
 * Invariants:
 *  - A tc_mutator is used only by the thread that attached it. Checked on
 *    every allocation and API call (magic, and in debug builds the thread).
 *  - A thread attaches to a given heap at most once: two mutators on one
 *    thread could never both stop, and the world would never stop.
 *  - Attach and detach never overlap a stopped world: a new mutator waits for
 *    the world to restart; a detaching one first enters a blocking region, so
 *    it counts as stopped while it waits.
 *  - A detached mutator's memory is kept (in debug builds) with a dead magic,
 *    so that use after detach is reported instead of corrupting memory.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barrier.h"
#include "gc.h"

bool tc__mutator_check(tc_mutator *m, const char *fn)
{
	const char *why = NULL;
	if (m == NULL)
		why = "mutator is NULL";
	else if (m->magic == M_MAGIC_DEAD)
		why = "mutator was detached";
	else if (m->magic != M_MAGIC_LIVE)
		why = "not a mutator (never attached, or memory corrupted)";
#ifdef TC_DEBUG
	else if (!pthread_equal(m->thread, pthread_self()))
		why = "mutator belongs to another thread";
#endif
	if (why == NULL)
		return true;
	tc__error("%s: %s (mutator %p)", fn, why, (void *)m);
	return false;
}

tc_mutator *tc_mutator_attach(tc_heap *h)
{
	if (h == NULL) {
		tc__error("tc_mutator_attach: heap is NULL");
		return NULL;
	}
	tc_mutator *m = aligned_alloc(64, (sizeof(tc_mutator) + 63) & ~(size_t)63);
	if (m == NULL) {
		tc__error("tc_mutator_attach: out of memory");
		return NULL;
	}
	memset(m, 0, sizeof *m);
	if (tc__stack_top(&m->stack_hi) != 0) {
		free(m);
		tc__error("tc_mutator_attach: cannot find this thread's stack (pthread_getattr_np failed)");
		return NULL;
	}
	tc__mcache_init(&m->mc, &h->mh);
	for (unsigned i = 0; i < TC_ALLOC_TYPES; i++)
		m->wb.head.bytype[i] = &m->mc.run[0]; /* class 0 (large) never has a run: every lookup misses */
	for (unsigned i = 0; i < TC_NOSCAN_INLINE_MAX / 8; i++)
		m->wb.head.bysize[i] = &m->mc.run[0];
#ifdef TC_DEBUG
	m->alloc_slow_always = 2; /* every allocation checked (inline.h) */
#endif
	if (h->cfg.torture)
		m->alloc_slow_always = 2; /* every allocation counts towards the next collection */
	m->wb.head.alloc_slow = m->alloc_slow_always; /* never changes */
	tc__mmu_run_init(&m->mmu, h->obs.start_ns, tc__mmu_windows);
	tc__gcw_init(&m->gcw, h);
	m->gcw.nowait = true; /* a mutator never waits for work.lock to move grey work (gcwork.c) */
	m->h = h;
	m->thread = pthread_self();
	m->magic = M_MAGIC_LIVE;
	m->torture_left = h->cfg.torture;
	lock(&h->world.lock);
	for (tc_mutator *o = h->world.mutators; o; o = o->next) {
		if (pthread_equal(o->thread, m->thread)) {
			unlock(&h->world.lock);
			free(m);
			tc__error("tc_mutator_attach: this thread is already attached to heap %p (mutator %p)", (void *)h,
				  (void *)o);
			return NULL;
		}
	}
	while (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed))
		lock_wait(&h->world.resumed, &h->world.lock);
	m->mc.flushgen = atomic_load(&h->mh.sweepgen);
	/* Come up in the state every handshake so far asks for (world.lock
	 * orders this against the controller's requests). A new thread's stack
	 * holds no heap pointer: nothing to scan, and black from the start while
	 * marking. */
	tc__wb_init(&m->wb, h->world.barrier_on);
	m->barack = atomic_load(&h->world.bargen);
	m->scangen = atomic_load(&h->world.scangen);
	m->flushack = atomic_load(&h->world.flushgen);
	m->offack = atomic_load(&h->world.offgen);
	m->relack = atomic_load(&h->world.relgen);
	m->holdack = atomic_load(&h->world.holdgen);
	m->hs_seen = atomic_load(&h->world.hs_epoch);
	mutator_set_allocblack(m, atomic_load(&h->phase) == GC_MARK && !h->world.releasing);
	atomic_store_explicit(&m->status, M_RUNNING, memory_order_relaxed);
	atomic_store_explicit(&m->cpu, tc__cpu_now(), memory_order_relaxed);
	m->next = h->world.mutators;
	if (h->world.mutators)
		h->world.mutators->prev = m;
	h->world.mutators = m;
	h->world.n++;
	m->id = h->world.next_id++;
	unlock(&h->world.lock);
	if (h->stw_mark)
		tc__gc_stw_hold(m); /* attached during a still mark: wait it out */
	return m;
}

tc_mutator *tc_mutator_current(tc_heap *h)
{
	if (h == NULL) {
		tc__error("tc_mutator_current: heap is NULL");
		return NULL;
	}
	pthread_t self = pthread_self();
	lock(&h->world.lock);
	tc_mutator *m = h->world.mutators;
	while (m && !pthread_equal(m->thread, self))
		m = m->next;
	unlock(&h->world.lock);
	return m;
}

void tc__mutator_stall(tc_mutator *m, uint64_t t0, int kind)
{
	uint64_t now = tc__now_ns(), ns = now - t0;
	atomic_fetch_add_explicit(&m->stall_ns, ns, memory_order_relaxed);
	if (kind != IV_STOP)
		atomic_fetch_add_explicit(&m->h->obs.assist_ns, ns, memory_order_relaxed);
	tc__hist_record(&m->h->obs.stalls, ns);
	tc__interval_mine(m, t0, now, kind);
	tc__mmu_run_add(&m->mmu, t0, now);
}

static void mutator_flush_stats(tc_mutator *m)
{
	tc_heap *h = m->h;
	atomic_max_u64(&h->obs.stall_max_gone, atomic_load(&m->stall_ns));
	atomic_fetch_add(&h->obs.alloc_bytes_gone, atomic_load_explicit(&m->mc.alloc_bytes, memory_order_relaxed));
	atomic_fetch_add(&h->obs.alloc_objects_gone, atomic_load_explicit(&m->mc.alloc_objects, memory_order_relaxed));
	atomic_store_explicit(&m->mc.alloc_bytes, 0, memory_order_relaxed);
	atomic_store_explicit(&m->mc.alloc_objects, 0, memory_order_relaxed);
	atomic_fetch_add(&h->obs.alloc_slow_gone, atomic_load_explicit(&m->mc.slow_allocs, memory_order_relaxed));
	atomic_store_explicit(&m->mc.slow_allocs, 0, memory_order_relaxed);
}

static void unlink_mutator(tc_mutator *m, void *arg);

void tc_mutator_detach(tc_mutator *m)
{
	if (!tc__mutator_check(m, "tc_mutator_detach"))
		return;
	if (m->blocking) {
		tc__error("tc_mutator_detach: mutator %p is inside tc_blocking_enter; call tc_blocking_leave first",
			  (void *)m);
			return;
	}
	tc_heap *h = m->h;
	tc__mcache_release_all(&m->mc);
	tc__wb_flush(m);
	tc__gcw_dispose(&m->gcw); /* grey work it holds must not leave with it */
	tc__stw_block_while(m, unlink_mutator, NULL); /* counts as stopped while it waits */
	tc__interval_flush(m); /* its last stalls, that one included */
	lock(&h->world.lock);
	/* Its MMU, its last stalls included (gc.mmu.*: metrics.c). */
	for (int i = 0; i < TC__MMU_NW; i++) {
		uint64_t wst = atomic_load_explicit(&m->mmu.worst[i], memory_order_relaxed);
		h->obs.mmu_gone_worst[i] = wst > h->obs.mmu_gone_worst[i] ? wst : h->obs.mmu_gone_worst[i];
	}
	uint64_t tot = atomic_load_explicit(&m->mmu.total, memory_order_relaxed);
	h->obs.mmu_gone_total = tot > h->obs.mmu_gone_total ? tot : h->obs.mmu_gone_total;
	tc__mmu_run_free(&m->mmu);
	m->magic = M_MAGIC_DEAD;
	free(m->frames);
	free(m->snap);
	m->frames = NULL;
	m->snap = NULL;
	m->nframes = m->capframes = m->snapn = m->snapcap = 0;
#ifdef TC_DEBUG
	m->next = h->world.graveyard;
	h->world.graveyard = m;
	unlock(&h->world.lock);
#else
	unlock(&h->world.lock);
	free(m);
#endif
}

/* Detach's last step, as a blocked mutator: wait out a stopped world, then
 * leave the list. Returning, tc__stw_block_while finds the world running. */
static void unlink_mutator(tc_mutator *m, void *arg)
{
	(void)arg;
	tc_heap *h = m->h;
	lock(&h->world.lock);
	while (atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed) ||
	       atomic_load_explicit(&m->status, memory_order_relaxed) == M_SCANNING)
		lock_wait(&h->world.resumed, &h->world.lock);
	mutator_flush_stats(m);
	if (m->prev)
		m->prev->next = m->next;
	else
		h->world.mutators = m->next;
	if (m->next)
		m->next->prev = m->prev;
	h->world.n--;
	m->next = m->prev = NULL;
	/* Out of every handshake from here: nothing waits for its barrier
	 * to go off (mutator_held, in stw.c's blocking leave). */
	tc__wb_set_marking(&m->wb, false);
	unlock(&h->world.lock);
}

void tc_safepoint(tc_mutator *m)
{
	if (__builtin_expect(mutator_poll_due(m->h, m), 0)) {
		if (!tc__mutator_check(m, "tc_safepoint"))
			return;
		tc__safepoint_slow(m);
	}
}

/* tc_blocking_enter is in stw.c: it must save the caller's registers itself. */

void tc_blocking_leave(tc_mutator *m)
{
	if (!tc__mutator_check(m, "tc_blocking_leave"))
		return;
	if (!m->blocking) {
		tc__error("tc_blocking_leave: mutator %p is not in a blocking region", (void *)m);
			return;
	}
	tc__stw_blocking_leave(m);
	m->blocking = 0;
}
