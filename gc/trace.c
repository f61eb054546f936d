/*
 * trace.c — the timeline of a heap in the Chrome Trace Event Format (the
 * JSON that Perfetto and chrome://tracing open): tc_trace_write_json, and
 * TRICOLOR_TRACE=FILE, written when the heap is destroyed.
 *
 * What is recorded, always (the cost is one lock per event, at the rate of
 * stalls and phase changes, not of allocations; a mutator's stall only tries
 * it, and keeps the record while it is taken: metrics.c, tc__interval_mine):
 *  - the controller's phases of every cycle, nested in a "cycle N" slice:
 *    "sweep (rest of last)", "barrier-on handshake", "mark", "termination
 *    and end handshakes", "sweep" (gc.c, run_cycle);
 *  - each dedicated mark worker's part of each cycle (mark.c);
 *  - every stall of every mutator, as the interval log has it: "assist"
 *    (assists, own stack scans, flushes), "wait" (at the goal, or the whole
 *    collection under the libgc shim), "stopped", and the verifier's world
 *    stops on the controller's track (metrics.c, tc__interval_record).
 * From the cycle records (metrics.c) the writer adds an instant event per
 * cycle, whose arguments are the record, and counter tracks: heap in use
 * (at the trigger and at the end of the mark), live (marked), goal, trigger
 * and sys.
 *
 * Invariants: the ring holds the last TRACE_N slices (a documented cap,
 * 65536 of 32 bytes, allocated on first use); older ones are overwritten,
 * counted in obs.trace_lost, and the count is written into the file's
 * otherData ("slices_lost"), never dropped silently. Slices of one track
 * never overlap except by nesting (a track is one thread, and each thread
 * records its slices in order), and the writer emits each track's slices
 * sorted by start, so timestamps are monotonic per track.
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static const char *const slice_names[TR_NAMES] = {
	[TR_CYCLE] = "cycle",
	[TR_SWEEP0] = "sweep (rest of last)",
	[TR_BARRIER_ON] = "barrier-on handshake",
	[TR_MARK] = "mark",
	[TR_TERMINATE] = "termination and end handshakes",
	[TR_SWEEP] = "sweep",
	[TR_WORKER] = "mark (worker)",
	[TR_ASSIST] = "assist",
	[TR_WAIT] = "wait",
	[TR_STOPPED] = "stopped",
	[TR_PAUSE] = "world stopped (verify)",
};

void tc__trace_put(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int track, int name, uint64_t arg)
{
	if (h->obs.tr == NULL)
		h->obs.tr = calloc(TRACE_N, sizeof *h->obs.tr); /* no memory: no trace, nothing else lost */
	if (h->obs.tr != NULL) {
		if (h->obs.ntr >= TRACE_N)
			h->obs.trace_lost++;
		h->obs.tr[h->obs.ntr++ % TRACE_N] = (trslice){start_ns - h->obs.start_ns, end_ns - h->obs.start_ns,
							      arg, track, name};
	}
}

void tc__trace_slice(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int track, int name, uint64_t arg)
{
	lock(&h->obs.lock);
	tc__trace_put(h, start_ns, end_ns, track, name, arg);
	unlock(&h->obs.lock);
}

/* Tracks: tid 1 the controller, 2 + k mark worker k, 100 + k mutator k. */
static int tid_of(int track) { return track == TRACK_CONTROLLER ? 1 : track <= TRACK_WORKER0 ? 2 + (TRACK_WORKER0 - track) : 100 + track; }

static int by_track_start(const void *a, const void *b)
{
	const trslice *x = a, *y = b;
	int tx = tid_of(x->track), ty = tid_of(y->track);
	if (tx != ty)
		return (tx > ty) - (tx < ty);
	if (x->start_ns != y->start_ns)
		return (x->start_ns > y->start_ns) - (x->start_ns < y->start_ns);
	return (x->end_ns < y->end_ns) - (x->end_ns > y->end_ns); /* the enclosing slice first */
}

static double us(uint64_t ns) { return (double)ns / 1000.0; }

static int write_record(FILE *out, const cyclerec *c)
{
	int bad = 0;
	uint64_t end = c->start_ns + c->wall_ns;
	bad |= fprintf(out,
		       ",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"gc\",\"pid\":1,\"tid\":1,\"name\":\"cycle %llu record\",\"ts\":%.3f,"
		       "\"args\":{\"cycle\":%llu,\"trigger_bytes\":%llu,\"goal_bytes\":%llu,\"heap_at_trigger\":%llu,"
		       "\"heap_peak\":%llu,\"marked_bytes\":%llu,\"roots_bytes\":%llu,\"stw1_ns\":%llu,\"stw2_ns\":%llu,"
		       "\"mark_ns\":%llu,\"assist_ns\":%llu,\"gc_cpu_ns\":%llu,\"cycle_ns\":%llu,\"mark_loops\":%u,"
		       "\"cons_mark\":%.4f}}",
		       (unsigned long long)c->cycle, us(end), (unsigned long long)c->cycle,
		       (unsigned long long)c->trigger, (unsigned long long)c->goal,
		       (unsigned long long)c->heap_trigger, (unsigned long long)c->heap_peak,
		       (unsigned long long)c->marked, (unsigned long long)c->roots, (unsigned long long)c->stw1_ns,
		       (unsigned long long)c->stw2_ns, (unsigned long long)c->mark_ns,
		       (unsigned long long)c->assist_ns, (unsigned long long)c->cpu_ns,
		       (unsigned long long)c->wall_ns, c->loops, c->cons_mark) < 0;
	/* Counters: in use at the trigger, at the end of the mark, and
	 * the live heap after it; goal, trigger and sys as set. */
	bad |= fprintf(out,
		       ",\n{\"ph\":\"C\",\"pid\":1,\"name\":\"heap\",\"ts\":%.3f,\"args\":{\"in use\":%llu,\"goal\":%llu,"
		       "\"trigger\":%llu}}"
		       ",\n{\"ph\":\"C\",\"pid\":1,\"name\":\"heap\",\"ts\":%.3f,\"args\":{\"in use\":%llu,\"live\":%llu,"
		       "\"sys\":%llu}}",
		       us(c->start_ns), (unsigned long long)c->heap_trigger, (unsigned long long)c->goal,
		       (unsigned long long)c->trigger, us(c->start_ns + c->mark_end_ns),
		       (unsigned long long)c->heap_peak, (unsigned long long)c->marked,
		       (unsigned long long)c->sys) < 0;
	return bad;
}

int tc_trace_write_json(tc_heap *h, FILE *out)
{
	if (h == NULL || out == NULL) {
		tc__error("tc_trace_write_json: %s is NULL", h == NULL ? "heap" : "out");
		return -1;
	}
	tc__intervals_gather(h);
	uint64_t n = h->obs.ntr < TRACE_N ? h->obs.ntr : TRACE_N, lost = h->obs.trace_lost;
	uint64_t nr = h->obs.nrecs < CYCLEREC_N ? h->obs.nrecs : CYCLEREC_N;
	trslice *s = n ? malloc(n * sizeof *s) : NULL;
	cyclerec *r = nr ? malloc(nr * sizeof *r) : NULL;
	if ((n && s == NULL) || (nr && r == NULL)) {
		unlock(&h->obs.lock);
		free(s);
		free(r);
		tc__error("tc_trace_write_json: out of memory for a copy of the trace");
		return -1;
	}
	for (uint64_t i = 0; i < n; i++)
		s[i] = h->obs.tr[(h->obs.ntr - n + i) % TRACE_N];
	for (uint64_t i = 0; i < nr; i++)
		r[i] = h->obs.recs[(h->obs.nrecs - nr + i) % CYCLEREC_N];
	unlock(&h->obs.lock);
	if (n > 0)
		qsort(s, n, sizeof *s, by_track_start);

	int bad = fprintf(out, "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"tricolor\":\"%s\",\"ring_cap\":%d,"
			       "\"slices_lost\":%llu},\n\"traceEvents\":[\n"
			       "{\"ph\":\"M\",\"pid\":1,\"tid\":1,\"name\":\"process_name\",\"args\":{\"name\":\"tricolor heap\"}},\n"
			       "{\"ph\":\"M\",\"pid\":1,\"tid\":1,\"name\":\"thread_name\",\"args\":{\"name\":\"controller\"}}",
			  TRICOLOR_VERSION, TRACE_N, (unsigned long long)lost) < 0;
	int last_tid = 1;
	uint64_t k = 0; /* records written: merged into the controller's track by time */
	for (uint64_t i = 0; i < n && !bad; i++) {
		int tid = tid_of(s[i].track);
		for (; tid == 1 && k < nr && r[k].start_ns + r[k].wall_ns <= s[i].start_ns && !bad; k++)
			bad |= write_record(out, &r[k]);
		if (tid != last_tid && tid != 1) {
			for (; k < nr && !bad; k++)
				bad |= write_record(out, &r[k]);
			bad |= fprintf(out, ",\n{\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"name\":\"thread_name\",\"args\":{\"name\":\"%s %d\"}}",
				       tid, tid >= 100 ? "mutator" : "mark worker", tid >= 100 ? tid - 100 : tid - 2) < 0;
			last_tid = tid;
		}
		if (s[i].name == TR_CYCLE)
			bad |= fprintf(out, ",\n{\"ph\":\"X\",\"cat\":\"gc\",\"pid\":1,\"tid\":%d,\"name\":\"cycle %llu\",\"ts\":%.3f,\"dur\":%.3f}",
				       tid, (unsigned long long)s[i].arg, us(s[i].start_ns), us(s[i].end_ns - s[i].start_ns)) < 0;
		else
			bad |= fprintf(out, ",\n{\"ph\":\"X\",\"cat\":\"gc\",\"pid\":1,\"tid\":%d,\"name\":\"%s\",\"ts\":%.3f,\"dur\":%.3f}",
				       tid, slice_names[s[i].name], us(s[i].start_ns), us(s[i].end_ns - s[i].start_ns)) < 0;
	}
	for (; k < nr && !bad; k++)
		bad |= write_record(out, &r[k]);
	bad |= fprintf(out, "\n]}\n") < 0;
	free(s);
	free(r);
	if (bad || fflush(out) != 0) {
		tc__error("tc_trace_write_json: write failed");
		return -1;
	}
	return 0;
}
