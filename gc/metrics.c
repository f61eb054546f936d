/*
 * metrics.c — tc_metrics_read, the CSV writers, the per-cycle record and the
 * interval log, and gctrace (Go's metrics.go). The histograms themselves are
 * base/histogram.c.
 *
 * Invariant: counters only grow. The two rings (cycle records, intervals)
 * are written and read under observ.lock; everything else is an atomic read
 * with no lock, so a reader may see one counter a moment ahead of another.
 * A mutator's stall is in the interval ring, or in its own ivpend (at most
 * IVPEND_N, kept while obs.lock was taken: tc__interval_mine); the readers
 * gather those first (tc__intervals_gather), so they see every stall. The
 * gc.mmu.* metrics are not read from the ring, which keeps only the last
 * ivcap intervals (tc_config.interval_log): each mutator keeps its own as
 * its stalls come (tc_mutator.mmu, base/mmu.c), and a detached one's are
 * folded into observ.mmu_gone_*.
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "mmu.h"

enum { SUM_BYTES, SUM_OBJECTS, SUM_SLOW };

static uint64_t alloc_sum(tc_heap *h, int which)
{
	_Atomic uint64_t *gone[] = {&h->obs.alloc_bytes_gone, &h->obs.alloc_objects_gone, &h->obs.alloc_slow_gone};
	lock(&h->world.lock);
	uint64_t v = atomic_load(gone[which]);
	for (tc_mutator *m = h->world.mutators; m; m = m->next) {
		_Atomic uint64_t *c[] = {&m->mc.alloc_bytes, &m->mc.alloc_objects, &m->mc.slow_allocs};
		v += atomic_load_explicit(c[which], memory_order_relaxed);
	}
	unlock(&h->world.lock);
	return v;
}

static uint64_t stall_max(tc_heap *h)
{
	lock(&h->world.lock);
	uint64_t v = atomic_load(&h->obs.stall_max_gone);
	for (tc_mutator *m = h->world.mutators; m; m = m->next) {
		uint64_t s = atomic_load_explicit(&m->stall_ns, memory_order_relaxed);
		v = s > v ? s : v;
	}
	unlock(&h->world.lock);
	return v;
}

/* The least MMU(w[i]) of any mutator, attached or detached, over the run
 * (since the heap was made), in parts per million: kept as the stalls come
 * (tc__mmu_run, base/mmu.c), not taken from the interval log, which keeps
 * only its last ivcap intervals (65,536 by default: on the two-thread
 * service loop, its last 2 s). */
const uint64_t tc__mmu_windows[TC__MMU_NW] = {1000000, 10000000, 100000000};

static uint64_t mmu_ppm(tc_heap *h, int i)
{
	uint64_t now = tc__now_ns();
	lock(&h->world.lock);
	double least = tc__mmu_from(h->obs.mmu_gone_worst[i], h->obs.mmu_gone_total, tc__mmu_windows[i], h->obs.start_ns,
				    now);
	for (tc_mutator *m = h->world.mutators; m; m = m->next) {
		double u = tc__mmu_run_get(&m->mmu, i, now);
		least = u < least ? u : least;
	}
	unlock(&h->world.lock);
	return (uint64_t)(least * 1e6 + 0.5);
}

/* One reader per entry of TC_METRICS (include/tricolor/metrics.h), named
 * rd_ID: a metric without a reader, or a reader without a metric, does not
 * compile. */
static uint64_t rd_gc_cycles(tc_heap *h) { return atomic_load(&h->ctrl.cycles); }
static uint64_t rd_gc_pause_ns(tc_heap *h) { return atomic_load(&h->obs.pauses.count); }
static uint64_t rd_gc_pause_p50_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.pauses, 0.50); }
static uint64_t rd_gc_pause_p99_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.pauses, 0.99); }
static uint64_t rd_gc_pause_max_ns(tc_heap *h) { return atomic_load(&h->obs.pauses.max); }
static uint64_t rd_gc_pause_sweep_term_ns(tc_heap *h) { return atomic_load(&h->obs.pauses_kind[PAUSE_SWEEP_TERM].count); }
static uint64_t rd_gc_pause_sweep_term_p99_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.pauses_kind[PAUSE_SWEEP_TERM], 0.99); }
static uint64_t rd_gc_pause_sweep_term_max_ns(tc_heap *h) { return atomic_load(&h->obs.pauses_kind[PAUSE_SWEEP_TERM].max); }
static uint64_t rd_gc_pause_mark_term_ns(tc_heap *h) { return atomic_load(&h->obs.pauses_kind[PAUSE_MARK_TERM].count); }
static uint64_t rd_gc_pause_mark_term_p99_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.pauses_kind[PAUSE_MARK_TERM], 0.99); }
static uint64_t rd_gc_pause_mark_term_max_ns(tc_heap *h) { return atomic_load(&h->obs.pauses_kind[PAUSE_MARK_TERM].max); }
static uint64_t rd_gc_handshake_lag_max_ns(tc_heap *h) { return atomic_load(&h->obs.hs_lag_max); }
static uint64_t rd_gc_mark_rounds(tc_heap *h) { return atomic_load(&h->obs.late_work); }
static uint64_t rd_gc_dirty_pages(tc_heap *h) { return atomic_load(&h->obs.dirty_pages); }
static uint64_t rd_gc_dirty_ns(tc_heap *h) { return atomic_load(&h->obs.dirty_protect_ns) + atomic_load(&h->obs.dirty_rescan_ns); }
static uint64_t rd_gc_cpu_ns(tc_heap *h) { return atomic_load(&h->obs.cpu_ns); }
static uint64_t rd_gc_assist_ns(tc_heap *h) { return atomic_load(&h->obs.assist_ns); }
static uint64_t rd_gc_wait_ns(tc_heap *h) { return tc__gc_waited(h); }
static uint64_t rd_gc_stall_ns(tc_heap *h) { return atomic_load(&h->obs.stalls.count); }
static uint64_t rd_gc_stall_p50_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.stalls, 0.50); }
static uint64_t rd_gc_stall_p99_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.stalls, 0.99); }
static uint64_t rd_gc_stall_p999_ns(tc_heap *h) { return tc__hist_quantile(&h->obs.stalls, 0.999); }
static uint64_t rd_gc_stall_max_ns(tc_heap *h) { return atomic_load(&h->obs.stalls.max); }
static uint64_t rd_gc_stall_total_max_ns(tc_heap *h) { return stall_max(h); }
static uint64_t rd_gc_mmu_1ms(tc_heap *h) { return mmu_ppm(h, 0); }
static uint64_t rd_gc_mmu_10ms(tc_heap *h) { return mmu_ppm(h, 1); }
static uint64_t rd_gc_mmu_100ms(tc_heap *h) { return mmu_ppm(h, 2); }
static uint64_t rd_gc_verify_objects(tc_heap *h) { return atomic_load(&h->obs.verified_objects); }
static uint64_t rd_gc_limiter_enabled(tc_heap *h) { return atomic_load(&h->lim.enabled); }
static uint64_t rd_gc_limiter_ns(tc_heap *h) { return atomic_load(&h->lim.on_ns); }
static uint64_t rd_heap_alloc_bytes(tc_heap *h) { return alloc_sum(h, SUM_BYTES); }
static uint64_t rd_heap_alloc_objects(tc_heap *h) { return alloc_sum(h, SUM_OBJECTS); }
static uint64_t rd_heap_alloc_slowpath(tc_heap *h) { return alloc_sum(h, SUM_SLOW); }
static uint64_t rd_heap_live_bytes(tc_heap *h) { return atomic_load(&h->pacer.heap_marked); }
static uint64_t rd_heap_goal_bytes(tc_heap *h) { return atomic_load(&h->pacer.goal); }
static uint64_t rd_heap_trigger_bytes(tc_heap *h) { return atomic_load(&h->pacer.trigger); }
static uint64_t rd_heap_inuse_bytes(tc_heap *h) { return atomic_load(&h->mh.inuse); }
static uint64_t rd_heap_sys_bytes(tc_heap *h) { return atomic_load(&h->mh.sys); }
static uint64_t rd_heap_released_bytes(tc_heap *h) { return atomic_load(&h->mh.released); }
static uint64_t rd_heap_ready_peak_bytes(tc_heap *h) { return atomic_load(&h->mh.ready_peak); }
static uint64_t rd_heap_limit_bytes(tc_heap *h) { return h->cfg.memory_limit; }
static uint64_t rd_heap_limit_exceeded(tc_heap *h) { return atomic_load(&h->mh.over_limit); }
static uint64_t rd_heap_scavenge_errors(tc_heap *h) { return atomic_load(&h->mh.scav_errors); }
static uint64_t rd_gc_finalizers_queued(tc_heap *h) { return atomic_load(&h->fin.queued); }
static uint64_t rd_gc_finalizers_run(tc_heap *h) { return atomic_load(&h->fin.run); }
static uint64_t rd_gc_finalizers_pending(tc_heap *h)
{
	uint64_t run = atomic_load(&h->fin.run); /* first: run never passes queued */
	return atomic_load(&h->fin.queued) - run;
}
static uint64_t rd_gc_finalizers_registered(tc_heap *h) { return atomic_load(&h->fin.nrec); }
static uint64_t rd_gc_weak_registered(tc_heap *h)
{
	lock(&h->weak.lock);
	uint64_t n = h->weak.n;
	unlock(&h->weak.lock);
	return n;
}
static uint64_t rd_gc_weak_cleared(tc_heap *h) { return atomic_load(&h->weak.cleared); }
static uint64_t rd_gc_ephemerons_traced(tc_heap *h) { return atomic_load(&h->weak.traced); }

static const struct {
	const char *name;
	uint64_t (*read)(tc_heap *h);
} readers[] = {
#define READER(id, name, doc) {name, rd_##id},
	TC_METRICS(READER)
#undef READER
};

static const tc_metric_info infos[] = {
#define INFO(id, name, doc) {name, doc},
	TC_METRICS(INFO)
#undef INFO
};

const tc_metric_info *tc_metrics_list(size_t *n)
{
	if (n != NULL)
		*n = sizeof infos / sizeof infos[0];
	return infos;
}

size_t tc_metrics_read(tc_heap *h, tc_metric *out, size_t n)
{
	if (h == NULL || (out == NULL && n > 0)) {
		tc__error("tc_metrics_read: %s is NULL", h == NULL ? "heap" : "out");
		return 0;
	}
	size_t known = 0;
	for (size_t i = 0; i < n; i++) {
		out[i].value = 0;
		for (size_t k = 0; out[i].name != NULL && k < sizeof readers / sizeof readers[0]; k++)
			if (!strcmp(out[i].name, readers[k].name)) {
				out[i].value = readers[k].read(h);
				known++;
				break;
			}
	}
	return known;
}

int tc_pauses_write_csv(tc_heap *h, FILE *out)
{
	if (h == NULL || out == NULL) {
		tc__error("tc_pauses_write_csv: %s is NULL", h == NULL ? "heap" : "out");
		return -1;
	}
	if (fprintf(out, "lower_ns,upper_ns,count\n") < 0)
		goto fail;
	for (unsigned i = 0; i < HIST_BUCKETS; i++) {
		uint64_t c = atomic_load(&h->obs.pauses.counts[i]), lo, hi;
		if (c == 0)
			continue;
		tc__hist_bounds(i, &lo, &hi);
		if (fprintf(out, "%llu,%llu,%llu\n", (unsigned long long)lo, (unsigned long long)hi,
			    (unsigned long long)c) < 0)
			goto fail;
	}
	if (fflush(out) == 0)
		return 0;
fail:
	tc__error("tc_pauses_write_csv: write failed");
	return -1;
}

/* Go's gctrace, in spirit:
 *   gc N @T s P%: STW1+mark+STW2 ms clock, A->B->C MB, G MB goal, L loops, W workers
 * P is the GC's share of the machine since the heap was created (collector
 * threads and assists, not waits); A the heap when the cycle started, B at
 * mark termination, C marked live; G the next goal; L the flush rounds that
 * found grey work. The
 * controller's CPU is counted up to the last cycle. */
void tc__gctrace_line(tc_heap *h, uint64_t heap0, uint64_t heap_end, uint64_t marked)
{
	const double MB = 1048576.0;
	uint64_t elapsed = tc__now_ns() - h->obs.start_ns;
	double t = (double)elapsed / 1e9;
	double gc = (double)(atomic_load(&h->obs.cpu_ns) + atomic_load(&h->obs.assist_ns) - tc__gc_waited(h));
	double pct = elapsed ? 100.0 * gc / ((double)elapsed * h->nprocs) : 0;
	tc__trace("gc %llu @%.3fs %.0f%%: %.3f+%.3f+%.3f ms clock, %.1f->%.1f->%.1f MB, %.1f MB goal, %d loops, %d+%.2f "
		"workers%s",
		(unsigned long long)atomic_load(&h->ctrl.cycles), t, pct, (double)h->obs.last_stw1_ns / 1e6,
		(double)h->obs.last_mark_ns / 1e6, (double)h->obs.last_stw2_ns / 1e6, (double)heap0 / MB, (double)heap_end / MB,
		(double)marked / MB, (double)atomic_load(&h->pacer.goal) / MB, h->ctrl.mark_loops, h->work.nworkers, h->work.frac_goal,
		limiter_on(h) ? ", CPU limiter on" : "");
}

void tc__cycle_record(tc_heap *h, const cyclerec *r)
{
	lock(&h->obs.lock);
	if (h->obs.recs == NULL)
		h->obs.recs = calloc(CYCLEREC_N, sizeof *h->obs.recs); /* no memory: no record, nothing else lost */
	if (h->obs.recs != NULL)
		h->obs.recs[h->obs.nrecs++ % CYCLEREC_N] = *r;
	unlock(&h->obs.lock);
}

/* obs.lock held. */
static void interval_put(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int kind, int mutator)
{
	static const int slice[IV_KINDS] = {[IV_PAUSE] = TR_PAUSE, [IV_ASSIST] = TR_ASSIST, [IV_WAIT] = TR_WAIT,
					    [IV_STOP] = TR_STOPPED};
	tc__trace_put(h, start_ns, end_ns, mutator < 0 ? TRACK_CONTROLLER : mutator, slice[kind], 0); /* the timeline's copy */
	if (h->obs.ivs == NULL)
		h->obs.ivs = calloc(h->obs.ivcap, sizeof *h->obs.ivs); /* no memory: no log, nothing else lost */
	if (h->obs.ivs != NULL)
		h->obs.ivs[h->obs.nivs++ % h->obs.ivcap] = (interval){start_ns - h->obs.start_ns, end_ns - h->obs.start_ns, kind, mutator};
}

void tc__interval_record(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int kind, int mutator)
{
	lock(&h->obs.lock);
	interval_put(h, start_ns, end_ns, kind, mutator);
	unlock(&h->obs.lock);
}

/* m's kept stalls go into the log, in the order they ended (obs.lock held). */
static void interval_drain(tc_mutator *m)
{
	uint64_t end = atomic_load_explicit(&m->ivkept, memory_order_acquire);
	uint64_t i = atomic_load_explicit(&m->ivtaken, memory_order_relaxed);
	for (; i < end; i++) {
		const interval *v = &m->ivpend[i % IVPEND_N];
		interval_put(m->h, v->start_ns, v->end_ns, v->kind, v->mutator);
	}
	atomic_store_explicit(&m->ivtaken, end, memory_order_release);
}

/* A mutator's stall must not grow by a wait for the log's lock: with two
 * mutators on two CPUs, one slept on obs.lock up to 1.6 ms behind a holder
 * that was off its CPU (service loop, 2 s trace). So the owner keeps the
 * record when the lock is taken; its next stall that finds the lock free,
 * its detach, or a reader of the log (tc__intervals_gather) moves it in.
 * Only with IVPEND_N records kept, the lock taken through that many
 * stalls, does the owner wait for it, rather than lose a record. */
void tc__interval_mine(tc_mutator *m, uint64_t start_ns, uint64_t end_ns, int kind)
{
	tc_heap *h = m->h;
	uint64_t k = atomic_load_explicit(&m->ivkept, memory_order_relaxed); /* the owner's own count */
	if (k - atomic_load_explicit(&m->ivtaken, memory_order_acquire) == IVPEND_N) {
		lock(&h->obs.lock);
	} else if (!lock_try(&h->obs.lock)) {
		m->ivpend[k % IVPEND_N] = (interval){start_ns, end_ns, kind, (int)m->id};
		atomic_store_explicit(&m->ivkept, k + 1, memory_order_release);
		return;
	}
	interval_drain(m);
	interval_put(h, start_ns, end_ns, kind, (int)m->id);
	unlock(&h->obs.lock);
}

void tc__interval_flush(tc_mutator *m)
{
	lock(&m->h->obs.lock);
	interval_drain(m);
	unlock(&m->h->obs.lock);
}

void tc__intervals_gather(tc_heap *h)
{
	lock(&h->world.lock);
	lock(&h->obs.lock);
	for (tc_mutator *m = h->world.mutators; m; m = m->next)
		interval_drain(m);
	unlock(&h->world.lock);
}

int tc_intervals_write_csv(tc_heap *h, FILE *out)
{
	static const char *const kinds[IV_KINDS] = {"pause", "assist", "wait", "stopped"};
	if (h == NULL || out == NULL) {
		tc__error("tc_intervals_write_csv: %s is NULL", h == NULL ? "heap" : "out");
		return -1;
	}
	int bad = fprintf(out, "start_ns,end_ns,kind,mutator\n") < 0;
	tc__intervals_gather(h);
	uint64_t first = h->obs.nivs > h->obs.ivcap ? h->obs.nivs - h->obs.ivcap : 0;
	for (uint64_t i = first; i < h->obs.nivs && !bad; i++) {
		const interval *v = &h->obs.ivs[i % h->obs.ivcap];
		bad = fprintf(out, "%llu,%llu,%s,%d\n", (unsigned long long)v->start_ns, (unsigned long long)v->end_ns,
			      kinds[v->kind], v->mutator) < 0;
	}
	unlock(&h->obs.lock);
	if (bad || fflush(out) != 0) {
		tc__error("tc_intervals_write_csv: write failed");
		return -1;
	}
	return 0;
}

int tc_cycles_write_csv(tc_heap *h, FILE *out)
{
	if (h == NULL || out == NULL) {
		tc__error("tc_cycles_write_csv: %s is NULL", h == NULL ? "heap" : "out");
		return -1;
	}
	int bad = fprintf(out, "cycle,start_ms,trigger_bytes,goal_bytes,heap_at_trigger,heap_peak,marked_bytes,"
			       "roots_bytes,stw1_ns,stw2_ns,mark_ns,assist_ns,gc_cpu_ns,cycle_ns,gc_cpu_frac,mark_loops,"
			       "cons_mark\n") < 0;
	lock(&h->obs.lock);
	uint64_t first = h->obs.nrecs > CYCLEREC_N ? h->obs.nrecs - CYCLEREC_N : 0;
	for (uint64_t i = first; i < h->obs.nrecs && !bad; i++) {
		const cyclerec *r = &h->obs.recs[i % CYCLEREC_N];
		double frac = r->wall_ns ? (double)(r->cpu_ns + r->assist_ns) / ((double)r->wall_ns * h->nprocs) : 0;
		bad = fprintf(out, "%llu,%.3f,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%llu,%.4f,%u,%.4f\n",
			      (unsigned long long)r->cycle, (double)r->start_ns / 1e6, (unsigned long long)r->trigger,
			      (unsigned long long)r->goal, (unsigned long long)r->heap_trigger,
			      (unsigned long long)r->heap_peak, (unsigned long long)r->marked,
			      (unsigned long long)r->roots, (unsigned long long)r->stw1_ns,
			      (unsigned long long)r->stw2_ns, (unsigned long long)r->mark_ns,
			      (unsigned long long)r->assist_ns, (unsigned long long)r->cpu_ns,
			      (unsigned long long)r->wall_ns, frac, r->loops, r->cons_mark) < 0;
	}
	unlock(&h->obs.lock);
	if (bad || fflush(out) != 0) {
		tc__error("tc_cycles_write_csv: write failed");
		return -1;
	}
	return 0;
}
