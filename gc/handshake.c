/*
 * handshake.c — phase changes without stopping the world (on-the-fly
 * collection, after Doligez-Leroy-Gonthier and Domani et al.).
 *
 * A handshake is a request that every mutator answers at its own next
 * safepoint, doing its own part; the controller answers for a mutator that
 * is blocked (holding it in M_SCANNING meanwhile, so that it cannot run under
 * the controller's hands). The controller waits until every mutator has
 * answered; no mutator waits for another mutator, or for the controller to be
 * scheduled. A request bumps a generation (world.*gen) and the world's epoch;
 * a mutator's poll compares its epoch (hs_seen) with the world's, one load.
 *
 * A cycle's handshakes, in order, and the invariant each establishes:
 *
 *  BARRIER_ON  every mutator shades with the hybrid barrier (barrier.c) and
 *              has reset its assist credit. Until all have answered, nothing
 *              is black: marking, and allocating black, begin only after.
 *              So a mutator whose barrier is still off, storing or deleting
 *              pointers meanwhile, cannot hide an object: with no black
 *              object there is no black-to-white edge to create. What such
 *              a store leaves in the heap is shaded when it is overwritten
 *              later, by whichever mutator overwrites it: the barrier
 *              shades the value its store replaces, read in the same atomic
 *              exchange, so a store whose flag check came before the
 *              window's end cannot shade a stale value instead (barrier.c;
 *              the race is test_handshake's fourth test). A
 *              mutator that has not answered may still be sweeping: a full
 *              buffer's flush in this window skips objects in spans not yet
 *              swept (mark.c, tc__gc_shade), whose shade is not owed since no
 *              stack is scanned yet.
 *  (phase = MARK; scangen += 1: the controller greys the global roots and
 *   workers start.)
 *  SCAN        (lazy: at its next safepoint, or by the controller while it is
 *              blocked) the mutator scans its own stack and registers, and
 *              from then on allocates black. Before its scan its stack is
 *              grey, so a new white object it holds is found by the scan; a
 *              white object it stores into the heap is shaded (its barrier is
 *              on, with WB_INSERT). After the scan, the deletion shade keeps
 *              every object it could load reachable from grey or shaded
 *              objects (Go's hybrid barrier argument: stacks need no rescan),
 *              and its stores shade only the values they replace (the scan
 *              clears WB_INSERT, barrier.c).
 *  FLUSH       (rounds of the ragged barrier, gc.c) each mutator hands its
 *              barrier buffer and grey work to the markers. Termination: a
 *              round that begins with no grey work anywhere and greys nothing
 *              (work.greyed unchanged) proves that no reachable object is
 *              white. "No grey work anywhere" is the global list empty, every
 *              worker idle, and no mutator inside an assist (work.nassist);
 *              grey work a mutator's answer put in its own gcwork is
 *              counted in work.greyed when the answer publishes it, and
 *              greyed0 is read before the emptiness is checked, so work
 *              published in between is seen. A buffer that fills between
 *              safepoints is flushed inside work.nassist with its count
 *              published at once (mark.c, tc__gc_shade_full): its owner
 *              may have answered already, and what it greys may be what
 *              another mutator's buffer would have greyed in this round.
 *              The barrier keeps the weak tricolor invariant: a white
 *              object that a black object, a global root or a scanned stack
 *              points to is reachable, through white objects, from a grey
 *              object or from a white object shaded into some buffer (a
 *              deletion shade, or an insertion shade by a mutator whose stack
 *              was grey; barrier.c). At the start of a round that ends
 *              clean no object is grey (none was visible, and any held in a
 *              mutator's gcwork is published by its answer and seen by the
 *              idle test after the round), so every white object reachable
 *              then (stacks were all scanned, global roots greyed and written
 *              through the barrier) hangs from a white buffer entry, and the
 *              flush of that buffer in this round greys it, which the round
 *              counts. So at a clean round's end all reachable
 *              objects are black, new ones are allocated black, and every
 *              later shade is of a black object: marking is complete, with
 *              no global stop.
 *  BARRIER_OFF each mutator stops shading and drops its buffer (nothing in
 *              it can be white, by the above). It still allocates black.
 *  (sweepgen += 2: sweeping may begin. heap.live = marked.)
 *  RELEASE     each mutator stops allocating black and releases its mcache,
 *              sweeping its spans cached before the bump with this cycle's
 *              marks. Between the bump and its answer, a mutator allocates
 *              black into spans cached before the bump (their marks are this
 *              cycle's, and sweeping them keeps the object) and white into
 *              spans it caches after (swept: their marks are the next
 *              cycle's): malloc.c's span rule, world.black_sg.
 *  (phase = OFF.)
 *  HOLD        only in a mostly-concurrent mark (dirty.c), for a heap with no
 *              barrier: the mutator answers, then waits for the mark's end.
 *              That protocol's argument is dirty.c's, not this one's.
 *
 * Mutators in different phases side by side: during BARRIER_ON, some shade
 * and some do not, but nothing is black; during SCAN, some allocate black and
 * some white, but every barrier is on and the white allocators' stacks are
 * grey; during BARRIER_OFF and RELEASE, no object is white and reachable, so
 * neither shading nor its absence matters, and the span rule keeps every new
 * object alive through the sweep. The controller never greys anything after
 * the bump, and neither does a mutator: its barrier is off and its buffer
 * empty before it. In verify mode (TRICOLOR_VERIFY) one global stop remains,
 * after termination: it flushes every buffer, aborts if that finds grey work
 * (the protocol would be wrong), and runs the heap verifier.
 *
 * The protocol is modelled in verify/handshake.pml and model-checked with
 * SPIN (scripts/model-check.sh), with a mutant for each shade and each step that
 * must fail. The model's names for this file's state: marking (phase ==
 * GC_MARK), releasing (world.releasing), pend[m] bits (the world.*gen /
 * tc_mutator.*ack pairs: BAR, SCAN, FLUSH, OFF, REL), wb[m] (wb_on),
 * buf[m] (the barrier buffer), lgrey[m] and lcount[m] (the mutator's gcw
 * and its greyed count), ggrey (work.full), greyed_since (work.greyed
 * against greyed0), nassist (work.nassist), allocblack[m], blocked[m]
 * (status M_BLOCKED), complete (work.complete). A change to a handshake
 * step, a shade or the termination test changes the model in the same
 * commit (docs/ARCHITECTURE.md).
 */
#include <stddef.h>
#include <time.h>

#include "gc.h"

/* Every request: a generation bumped, and the epoch mutators poll. */
static uint32_t request_gen(tc_heap *h, _Atomic uint32_t *gen)
{
	lock(&h->world.lock);
	uint32_t g = atomic_fetch_add(gen, 1) + 1;
	atomic_fetch_add_explicit(&h->world.hs_epoch, 1, memory_order_release);
	unlock(&h->world.lock);
	tc_chaos();
	return g;
}

/* ---- a mutator's answers ---- */

static void ack(tc_heap *h, uint32_t *field, uint32_t gen)
{
	lock(&h->world.lock);
	*field = gen;
	h->world.last_answer_ns = tc__now_ns();
	pthread_cond_broadcast(&h->world.stopped);
	unlock(&h->world.lock);
}

static void barrier_on(tc_mutator *m)
{
	tc__wb_set_marking(&m->wb, true);
	m->assist_credit = 0;
}

static void barrier_off(tc_mutator *m)
{
	tc__wb_set_marking(&m->wb, false);
	tc__wb_discard(m);
	tc__gcw_dispose(&m->gcw);
}

static void release(tc_mutator *m)
{
	mutator_set_allocblack(m, false);
	tc__gcw_dispose(&m->gcw); /* black allocations since BARRIER_OFF: not this cycle's count any more */
	tc__mcache_prepare_for_sweep(&m->mc); /* releases the spans cached before the bump */
}

/* The mutator scans its own stack (it is running this code: nothing else
 * touches its stack), then publishes its grey work. */
static void scan_self_impl(tc_mutator *m, uintptr_t *regs, uintptr_t sp)
{
	tc_heap *h = m->h;
	tc__save_ctx(m, regs, sp);
	uint64_t t0 = tc__now_ns();
	uint32_t gen = atomic_load(&h->world.scangen);
	tc_chaos();
	tc__mark_scan_roots(h, &m->gcw, m);
	tc_chaos();
	tc__gcw_dispose(&m->gcw);
	mutator_set_allocblack(m, true);
	tc_chaos();
	ack(h, &m->scangen, gen);
	tc__mutator_stall(m, t0, IV_ASSIST); /* the mutator's own GC work */
}

/* The ragged barrier's step on a mutator: its barrier buffer and grey work
 * go to the global lists, where the markers see them. */
static void flush_self(tc_heap *h, tc_mutator *m)
{
	uint64_t t0 = tc__now_ns();
	uint32_t gen = atomic_load(&h->world.flushgen);
	tc_chaos();
	tc__wb_flush(m);
	tc_chaos();
	tc__gcw_dispose(&m->gcw);
	tc_chaos();
	ack(h, &m->flushack, gen);
	tc__mutator_stall(m, t0, IV_ASSIST);
}

void tc__handshake_answer(tc_mutator *m, bool scan)
{
	tc_heap *h = m->h;
	uint64_t epoch = atomic_load_explicit(&h->world.hs_epoch, memory_order_acquire);
	uint32_t gen = atomic_load(&h->world.bargen);
	tc_chaos();
	if (m->barack != gen) {
		barrier_on(m);
		ack(h, &m->barack, gen);
		tc_chaos();
	}
	bool marking = atomic_load_explicit(&h->phase, memory_order_acquire) == GC_MARK;
	if (scan && marking && m->scangen != atomic_load(&h->world.scangen))
		tc__context_call(m, scan_self_impl);
	if (marking && m->flushack != atomic_load(&h->world.flushgen))
		flush_self(h, m);
	if (m->offack != (gen = atomic_load(&h->world.offgen))) {
		barrier_off(m);
		ack(h, &m->offack, gen);
	}
	if (m->relack != (gen = atomic_load(&h->world.relgen))) {
		release(m);
		ack(h, &m->relack, gen);
	}
	if (m->holdack != (gen = atomic_load(&h->world.holdgen)))
		ack(h, &m->holdack, gen); /* then held, by its caller (mutator_held) */
	m->hs_seen = epoch;
}

/* ---- the controller's side ---- */

/* Has every mutator's *field reached gen? With cpu >= 0, *here also says
 * whether a running mutator that has not yet answered last ran on CPU cpu
 * (mutator.cpu): one walk per look of the handshake's wait. */
static bool all_at_where(tc_heap *h, uint32_t gen, size_t field, int cpu, bool *here)
{
	bool all = true;
	*here = false;
	lock(&h->world.lock);
	for (tc_mutator *m = h->world.mutators; m; m = m->next) {
		if (*(uint32_t *)((char *)m + field) == gen)
			continue;
		all = false;
		*here = cpu >= 0 && atomic_load_explicit(&m->status, memory_order_relaxed) == M_RUNNING &&
			atomic_load_explicit(&m->cpu, memory_order_relaxed) == cpu;
		if (cpu < 0 || *here)
			break;
	}
	unlock(&h->world.lock);
	return all;
}

static bool all_at(tc_heap *h, uint32_t gen, size_t field)
{
	bool here;
	return all_at_where(h, gen, field, -1, &here);
}

bool tc__hs_all_flushed(tc_heap *h) { return all_at(h, atomic_load(&h->world.flushgen), offsetof(tc_mutator, flushack)); }

bool tc__hs_all_stacks_scanned(tc_heap *h)
{
	return all_at(h, atomic_load(&h->world.scangen), offsetof(tc_mutator, scangen));
}

/* Do work on behalf of each blocked mutator whose *field is not gen yet,
 * holding it in SCANNING meanwhile so that it cannot start running under the
 * controller's hands; then set *field = gen. */
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
		tc_chaos();
		act(h, m, ctx);
		lock(&h->world.lock);
		*(uint32_t *)((char *)m + field) = gen;
		h->world.last_answer_ns = tc__now_ns();
		atomic_store_explicit(&m->status, M_BLOCKED, memory_order_relaxed);
		pthread_cond_broadcast(&h->world.resumed);
		unlock(&h->world.lock);
	}
}

static void scan_act(tc_heap *h, tc_mutator *m, void *w)
{
	tc__mark_scan_roots(h, w, m);
	mutator_set_allocblack(m, true);
}

static void flush_act(tc_heap *h, tc_mutator *m, void *ctx)
{
	(void)h;
	(void)ctx;
	tc__wb_flush(m);
	tc__gcw_dispose(&m->gcw);
}

static void barrier_on_act(tc_heap *h, tc_mutator *m, void *ctx)
{
	(void)h;
	(void)ctx;
	barrier_on(m);
}

static void barrier_off_act(tc_heap *h, tc_mutator *m, void *ctx)
{
	(void)h;
	(void)ctx;
	barrier_off(m);
}

static void release_act(tc_heap *h, tc_mutator *m, void *ctx)
{
	(void)h;
	(void)ctx;
	release(m);
}

static void hold_act(tc_heap *h, tc_mutator *m, void *ctx)
{
	(void)h;
	(void)m;
	(void)ctx; /* blocked: it stays so while mutator_held (stw.c) */
}

void tc__hs_scan_blocked(tc_heap *h, gcwork *w)
{
	for_blocked(h, atomic_load(&h->world.scangen), offsetof(tc_mutator, scangen), scan_act, w);
}

/* A blocked mutator cannot flush for itself: the controller does it. */
void tc__hs_flush_blocked(tc_heap *h)
{
	for_blocked(h, atomic_load(&h->world.flushgen), offsetof(tc_mutator, flushack), flush_act, NULL);
}

uint32_t tc__hs_request_flush(tc_heap *h) { return request_gen(h, &h->world.flushgen); }

void tc__hs_request_scan(tc_heap *h) { request_gen(h, &h->world.scangen); }

/* nudge_hook (the libgc shim): each running mutator that owes the answer
 * *ack == gen, once more. */
static void nudge_late(tc_heap *h, uint32_t gen, size_t ack)
{
	lock(&h->world.lock);
	for (tc_mutator *m = h->world.mutators; m; m = m->next)
		if (*(uint32_t *)((char *)m + ack) != gen &&
		    atomic_load_explicit(&m->status, memory_order_relaxed) == M_RUNNING)
			h->nudge_hook(h, m);
	unlock(&h->world.lock);
}

/* The stack scans still owed by running mutators, nudged at most every
 * NUDGE_NS (a mostly-concurrent mark waits for them before its hold,
 * dirty.c: a stack left for the hold is marked from in the pause). */
void tc__hs_nudge_unscanned(tc_heap *h)
{
	uint64_t now = tc__now_ns();
	if (h->nudge_hook == NULL || now < h->ctrl.next_scan_nudge)
		return;
	if (h->ctrl.next_scan_nudge != 0)
		nudge_late(h, atomic_load(&h->world.scangen), offsetof(tc_mutator, scangen));
	h->ctrl.next_scan_nudge = now + NUDGE_NS;
}

/* How long the controller spins for the answers before it sleeps (below). */
#define HS_SPIN_NS 100000

/* The controller's sleeps while it waits for answers, in a handshake and in
 * a flush round (gc.c): the first HS_NAP_NS, each next one twice as long,
 * up to HS_NAP_MAX_NS. With no CPU free, each wakeup takes a CPU from a
 * mutator, most likely from the one that owes the answer: at a fixed 20 us,
 * a largemix mutator filling a fresh 1 MiB object (its page faults, 0.3-2.5
 * ms between two safepoints) was preempted 20-50 times before it could
 * answer, and two-mutator largemix handshakes had a p99 of 1.8 ms (7 runs;
 * 1.1 ms with a cap of 80 us, 0.9 ms with 320 us). An answer that comes
 * early is seen within the first naps. With a CPU free (cpu_free) the naps
 * take nothing from a mutator and stay short: lengthened there, the flush
 * rounds of the one-thread service loop ended later, and its mutator,
 * waiting past the hard goal for them, stalled longer (longest 0.5 -> 1.6
 * ms, medians of 5). */
#define HS_NAP_NS 20000
#define HS_NAP_MAX_NS 160000

void tc__hs_nap(long *ns, bool cpu_free)
{
	if (*ns == 0 || cpu_free)
		*ns = HS_NAP_NS;
	struct timespec ts = {0, *ns};
	nanosleep(&ts, NULL);
	if (*ns < HS_NAP_MAX_NS)
		*ns *= 2;
}

/* One whole handshake: request, answer for the blocked, wait for the rest.
 * Returns how long it took, request to last answer, in ns: what the
 * mutators' phase change took. The controller sees the last answer later,
 * when it next runs; on two CPUs filled by two mutators that was a
 * scheduler tick (1-4 ms on churn, with the answers in at 13-200 us).
 * No mutator waits for it, but the cycle does: obs.hs_lag_max
 * (gc.handshake.lag.max.ns) keeps the longest such delay. */
uint64_t tc__handshake(tc_heap *h, int kind)
{
	static const struct {
		size_t gen, ack;
		void (*act)(tc_heap *h, tc_mutator *m, void *ctx);
	} kinds[] = {
		[HS_BARRIER_ON] = {offsetof(tc_heap, world.bargen), offsetof(tc_mutator, barack), barrier_on_act},
		[HS_BARRIER_OFF] = {offsetof(tc_heap, world.offgen), offsetof(tc_mutator, offack), barrier_off_act},
		[HS_RELEASE] = {offsetof(tc_heap, world.relgen), offsetof(tc_mutator, relack), release_act},
		[HS_HOLD] = {offsetof(tc_heap, world.holdgen), offsetof(tc_mutator, holdack), hold_act},
	};
	uint64_t t0 = tc__now_ns();
	uint32_t gen = request_gen(h, (_Atomic uint32_t *)((char *)h + kinds[kind].gen));
	if (h->hs_hook)
		h->hs_hook(h, kind, h->hs_hook_arg);
	uint64_t next_nudge = t0 + NUDGE_NS;
	bool spin = tc__cpu_free(h);
	long nap = 0;
	for (;;) {
		for_blocked(h, gen, kinds[kind].ack, kinds[kind].act, NULL);
		bool owed_here; /* a mutator that owes the answer last ran on this CPU */
		if (all_at_where(h, gen, kinds[kind].ack, spin ? tc__cpu_now() : -1, &owed_here))
			break;
		if (h->nudge_hook != NULL && tc__now_ns() >= next_nudge) {
			nudge_late(h, gen, kinds[kind].ack);
			next_nudge = tc__now_ns() + NUDGE_NS;
		}
		/* Spin briefly while a CPU is free for it (mutators answer within
		 * microseconds at their next poll), then sleep in short steps. With
		 * no CPU free the spin held a mutator off its CPU until it ended:
		 * on churn (two mutators, two CPUs) the last answer came at
		 * 120-280 us with the spin and 13-40 us without. While waiting: an
		 * answer broadcasts world.stopped, but a mutator may also block,
		 * and then it is the controller that must answer for it. The
		 * controller's timer slack is 1 us (controller_main): at the
		 * default 50 us these sleeps took 70 us, and the handshakes of two
		 * mutators on two CPUs 280 us at the median. Not a wait on
		 * world.stopped: woken by the answering mutator, the controller
		 * took that mutator's CPU, and beside a busy process the
		 * handshakes' p99 went from 1.6-2.2 to 3.0-4.5 ms (3 pairs).
		 * "A CPU is free" counts this heap's threads only: beside a busy
		 * process the kernel put the controller on the CPU of the mutator
		 * that owed the answer, and the spin (4,096 pauses, about 110 us
		 * on this EPYC) kept it from answering until the spin ended: every
		 * barrier-on handshake of binary-trees beside `yes` took 112 us.
		 * So no spin while such a mutator last ran on this CPU
		 * (owed_here, all_at_where). Not a shorter spin instead: sleeping after 8 us,
		 * the two-thread service loop's MMU at 100 ms fell from 0.39-0.42
		 * to 0.37-0.38 (medians of three sets of 5 runs), the controller
		 * seeing the answers later in every flush round; with owed_here
		 * it was 0.39. The sleeps lengthen as the wait goes on
		 * (tc__hs_nap). */
		if (spin && tc__now_ns() - t0 < HS_SPIN_NS && !owed_here) {
			for (int k = 0; k < 64; k++)
				cpu_relax();
			continue;
		}
		tc__hs_nap(&nap, spin);
	}
	uint64_t t1 = tc__now_ns();
	lock(&h->world.lock);
	uint64_t last = h->world.last_answer_ns > t0 ? h->world.last_answer_ns : t0; /* t0: none owed an answer */
	unlock(&h->world.lock);
	atomic_owner_max_u64(&h->obs.hs_lag_max, t1 - last); /* the controller's alone */
	return last - t0;
}
