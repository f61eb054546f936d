/*
 * metrics.c — tc_metrics_read, the pause histogram and gctrace (Go's
 * metrics.go and histogram.go).
 *
 * The pause histogram is Go's timeHistogram: values below 16 ns get a bucket
 * each; above, bucket (super, sub) covers [(16+sub) << (super-1),
 * (16+sub+1) << (super-1)), 16 linear sub-buckets per power of two, so every
 * bucket is within 6.25% of its values. The last bucket takes everything
 * above. Quantiles read as the upper bound of the bucket that holds them,
 * capped at the exact maximum.
 *
 * Invariant: counters only grow; a reader may see a histogram one pause ahead
 * of the count (atomics, no lock), never a bucket total above the count by
 * more than the pauses in flight.
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static unsigned bucket_of(uint64_t ns)
{
	if (ns < PAUSE_SUB)
		return (unsigned)ns;
	unsigned len = 64 - (unsigned)__builtin_clzll(ns);
	unsigned super = len - PAUSE_SUB_BITS;
	if (super >= PAUSE_SUPER)
		return PAUSE_BUCKETS - 1;
	unsigned sub = (unsigned)(ns >> (super - 1)) % PAUSE_SUB;
	return super * PAUSE_SUB + sub;
}

static void bucket_bounds(unsigned i, uint64_t *lo, uint64_t *hi)
{
	unsigned super = i / PAUSE_SUB, sub = i % PAUSE_SUB;
	if (super == 0) {
		*lo = sub;
		*hi = sub + 1;
	} else {
		*lo = (uint64_t)(PAUSE_SUB + sub) << (super - 1);
		*hi = (uint64_t)(PAUSE_SUB + sub + 1) << (super - 1);
	}
	if (i == PAUSE_BUCKETS - 1)
		*hi = UINT64_MAX;
}

void tc_pause_bucket(uint64_t ns, uint64_t *lower, uint64_t *upper)
{
	uint64_t lo, hi;
	bucket_bounds(bucket_of(ns), &lo, &hi);
	if (lower)
		*lower = lo;
	if (upper)
		*upper = hi;
}

void tc__pause_record(pausehist *ph, uint64_t ns)
{
	atomic_fetch_add_explicit(&ph->counts[bucket_of(ns)], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&ph->count, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&ph->sum, ns, memory_order_relaxed);
	uint64_t mx = atomic_load_explicit(&ph->max, memory_order_relaxed);
	while (ns > mx && !atomic_compare_exchange_weak(&ph->max, &mx, ns))
		;
}

static uint64_t quantile(pausehist *ph, double q)
{
	uint64_t total = 0, counts[PAUSE_BUCKETS];
	for (unsigned i = 0; i < PAUSE_BUCKETS; i++)
		total += counts[i] = atomic_load_explicit(&ph->counts[i], memory_order_relaxed);
	if (total == 0)
		return 0;
	uint64_t rank = (uint64_t)(q * (double)total + 0.999999), seen = 0;
	if (rank == 0)
		rank = 1;
	uint64_t mx = atomic_load(&ph->max);
	for (unsigned i = 0; i < PAUSE_BUCKETS; i++) {
		seen += counts[i];
		if (seen >= rank) {
			uint64_t lo, hi;
			bucket_bounds(i, &lo, &hi);
			return hi < mx ? hi : mx;
		}
	}
	return mx;
}

static uint64_t alloc_sum(tc_heap *h, bool objects)
{
	pthread_mutex_lock(&h->mlock);
	uint64_t v = atomic_load(objects ? &h->alloc_objects_gone : &h->alloc_bytes_gone);
	for (tc_mutator *m = h->mutators; m; m = m->next)
		v += atomic_load_explicit(objects ? &m->mc.alloc_objects : &m->mc.alloc_bytes, memory_order_relaxed);
	pthread_mutex_unlock(&h->mlock);
	return v;
}

static uint64_t stall_max(tc_heap *h)
{
	pthread_mutex_lock(&h->mlock);
	uint64_t v = atomic_load(&h->stall_max_gone);
	for (tc_mutator *m = h->mutators; m; m = m->next) {
		uint64_t s = atomic_load_explicit(&m->stall_ns, memory_order_relaxed);
		v = s > v ? s : v;
	}
	pthread_mutex_unlock(&h->mlock);
	return v;
}

static bool metric_value(tc_heap *h, const char *name, uint64_t *v)
{
	static const char *kinds[2] = {"gc.pause.sweep_term.", "gc.pause.mark_term."};
	for (int k = 0; k < 2; k++) {
		size_t n = strlen(kinds[k]);
		if (strncmp(name, kinds[k], n) != 0)
			continue;
		if (!strcmp(name + n, "ns"))
			*v = atomic_load(&h->pauses_kind[k].count);
		else if (!strcmp(name + n, "p99.ns"))
			*v = quantile(&h->pauses_kind[k], 0.99);
		else if (!strcmp(name + n, "max.ns"))
			*v = atomic_load(&h->pauses_kind[k].max);
		else
			return false;
		return true;
	}
	if (!strcmp(name, "gc.stall.max.ns"))
		*v = stall_max(h);
	else if (!strcmp(name, "gc.cycles"))
		*v = atomic_load(&h->cycles);
	else if (!strcmp(name, "gc.pause.ns"))
		*v = atomic_load(&h->pauses.count);
	else if (!strcmp(name, "gc.pause.p50.ns"))
		*v = quantile(&h->pauses, 0.50);
	else if (!strcmp(name, "gc.pause.p99.ns"))
		*v = quantile(&h->pauses, 0.99);
	else if (!strcmp(name, "gc.pause.max.ns"))
		*v = atomic_load(&h->pauses.max);
	else if (!strcmp(name, "gc.verify.objects"))
		*v = atomic_load(&h->verified_objects);
	else if (!strcmp(name, "gc.mark.restarts"))
		*v = atomic_load(&h->mark_restarts);
	else if (!strcmp(name, "gc.wait.ns"))
		*v = tc__gc_waited(h);
	else if (!strcmp(name, "gc.cpu.ns"))
		*v = atomic_load(&h->cpu_ns);
	else if (!strcmp(name, "gc.assist.ns"))
		*v = atomic_load(&h->assist_ns);
	else if (!strcmp(name, "heap.alloc.bytes"))
		*v = alloc_sum(h, false);
	else if (!strcmp(name, "heap.alloc.objects"))
		*v = alloc_sum(h, true);
	else if (!strcmp(name, "heap.live.bytes"))
		*v = atomic_load(&h->heap_marked);
	else if (!strcmp(name, "heap.goal.bytes"))
		*v = atomic_load(&h->goal);
	else if (!strcmp(name, "heap.trigger.bytes"))
		*v = atomic_load(&h->trigger);
	else if (!strcmp(name, "heap.inuse.bytes"))
		*v = atomic_load(&h->mh.inuse);
	else if (!strcmp(name, "heap.sys.bytes"))
		*v = atomic_load(&h->mh.sys);
	else if (!strcmp(name, "heap.released.bytes"))
		*v = atomic_load(&h->mh.released);
	else if (!strcmp(name, "heap.ready.peak.bytes"))
		*v = atomic_load(&h->mh.ready_peak);
	else if (!strcmp(name, "heap.limit.bytes"))
		*v = h->cfg.memory_limit;
	else if (!strcmp(name, "heap.scavenge.errors"))
		*v = atomic_load(&h->mh.scav_errors);
	else if (!strcmp(name, "heap.limit.exceeded"))
		*v = atomic_load(&h->mh.over_limit);
	else if (!strcmp(name, "gc.limiter.ns"))
		*v = atomic_load(&h->lim_on_ns);
	else if (!strcmp(name, "gc.limiter.enabled"))
		*v = atomic_load(&h->lim_enabled);
	else
		return false;
	return true;
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
		if (out[i].name != NULL && metric_value(h, out[i].name, &out[i].value))
			known++;
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
	for (unsigned i = 0; i < PAUSE_BUCKETS; i++) {
		uint64_t c = atomic_load(&h->pauses.counts[i]), lo, hi;
		if (c == 0)
			continue;
		bucket_bounds(i, &lo, &hi);
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
 * mark termination, C marked live; G the next goal; L the mark restarts. The
 * controller's CPU is counted up to the last cycle. */
void tc__gctrace_line(tc_heap *h, uint64_t heap0, uint64_t heap_end, uint64_t marked)
{
	const double MB = 1048576.0;
	uint64_t elapsed = tc__now_ns() - h->start_ns;
	double t = (double)elapsed / 1e9;
	double gc = (double)(atomic_load(&h->cpu_ns) + atomic_load(&h->assist_ns) - tc__gc_waited(h));
	double pct = elapsed ? 100.0 * gc / ((double)elapsed * h->nprocs) : 0;
	tc__trace("gc %llu @%.3fs %.0f%%: %.3f+%.3f+%.3f ms clock, %.1f->%.1f->%.1f MB, %.1f MB goal, %d loops, %d+%.2f "
		"workers%s",
		(unsigned long long)atomic_load(&h->cycles), t, pct, (double)h->last_stw1_ns / 1e6,
		(double)h->last_mark_ns / 1e6, (double)h->last_stw2_ns / 1e6, (double)heap0 / MB, (double)heap_end / MB,
		(double)marked / MB, (double)atomic_load(&h->goal) / MB, h->mark_loops, h->nworkers, h->frac_goal,
		limiter_on(h) ? ", CPU limiter on" : "");
}

void tc__cycle_record(tc_heap *h, const cyclerec *r)
{
	pthread_mutex_lock(&h->reclock);
	if (h->recs == NULL)
		h->recs = calloc(CYCLEREC_N, sizeof *h->recs); /* no memory: no record, nothing else lost */
	if (h->recs != NULL)
		h->recs[h->nrecs++ % CYCLEREC_N] = *r;
	pthread_mutex_unlock(&h->reclock);
}

void tc__interval_record(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int kind, int mutator)
{
	pthread_mutex_lock(&h->reclock);
	if (h->ivs == NULL)
		h->ivs = calloc(IVLOG_N, sizeof *h->ivs); /* no memory: no log, nothing else lost */
	if (h->ivs != NULL)
		h->ivs[h->nivs++ % IVLOG_N] = (interval){start_ns - h->start_ns, end_ns - h->start_ns, kind, mutator};
	pthread_mutex_unlock(&h->reclock);
}

int tc_intervals_write_csv(tc_heap *h, FILE *out)
{
	static const char *const kinds[] = {"pause", "assist", "wait"};
	if (h == NULL || out == NULL) {
		tc__error("tc_intervals_write_csv: %s is NULL", h == NULL ? "heap" : "out");
		return -1;
	}
	int bad = fprintf(out, "start_ns,end_ns,kind,mutator\n") < 0;
	pthread_mutex_lock(&h->reclock);
	uint64_t first = h->nivs > IVLOG_N ? h->nivs - IVLOG_N : 0;
	for (uint64_t i = first; i < h->nivs && !bad; i++) {
		const interval *v = &h->ivs[i % IVLOG_N];
		bad = fprintf(out, "%llu,%llu,%s,%d\n", (unsigned long long)v->start_ns, (unsigned long long)v->end_ns,
			      kinds[v->kind], v->mutator) < 0;
	}
	pthread_mutex_unlock(&h->reclock);
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
	pthread_mutex_lock(&h->reclock);
	uint64_t first = h->nrecs > CYCLEREC_N ? h->nrecs - CYCLEREC_N : 0;
	for (uint64_t i = first; i < h->nrecs && !bad; i++) {
		const cyclerec *r = &h->recs[i % CYCLEREC_N];
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
	pthread_mutex_unlock(&h->reclock);
	if (bad || fflush(out) != 0) {
		tc__error("tc_cycles_write_csv: write failed");
		return -1;
	}
	return 0;
}
