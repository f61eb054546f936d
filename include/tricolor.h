/*
 * tricolor.h — the whole public API of tricolor, a tri-color mark-sweep
 * garbage collector for C after the Go runtime's design (see DESIGN.md).
 *
 * The contract in one paragraph: create a heap, attach every thread that
 * touches managed memory as a mutator, allocate with tc_alloc*, store managed
 * pointers into heap objects and global roots only through tc_write, poll
 * tc_safepoint in long loops that do not allocate, and bracket anything that
 * may block with tc_blocking_enter/leave. Objects reachable from global roots,
 * precise frames, or (by default) any attached thread's stack and registers
 * survive; everything else is reclaimed.
 *
 * Errors, one policy for every call: a call that fails on bad input or
 * misuse returns NULL (or -1, or 0 where it says) and changes nothing;
 * tc_last_error() then says, on this thread, what was wrong, naming the call,
 * and the same message goes to the output function as one line
 * "tricolor: MESSAGE" (stderr unless tc_set_output chose another). A call that
 * succeeds but not as asked (the heap grew past its memory limit) leaves its
 * message in tc_last_error() too and writes "tricolor: warning: MESSAGE".
 * Only where going on could free a live object (the verifier found one
 * unmarked, grey work could not be stored) does tricolor write
 * "tricolor: fatal: MESSAGE" and abort.
 */
#ifndef TRICOLOR_H
#define TRICOLOR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TRICOLOR_VERSION "0.1.0"

/* Every public function carries TC_API: the library is built with hidden
 * visibility, so these are the only symbols libtricolor.so exports. */
#if defined(__GNUC__)
#define TC_API __attribute__((visibility("default")))
#else
#define TC_API
#endif

typedef struct tc_heap tc_heap;
typedef struct tc_mutator tc_mutator;

/* Called by a trace callback for every managed-pointer slot of an object. */
typedef void (*tc_visit_fn)(void **slot, void *ctx);

/* A layout. ptr_offsets holds the byte offsets of managed-pointer fields (each
 * a multiple of 8 and inside size); nptrs == 0 means no pointers. With trace
 * set, the offsets are ignored and trace(obj, visit, ctx) must call visit on
 * every managed-pointer slot of obj (one element: arrays call it per element).
 * A type must outlive every object of it. Checked on first use. */
typedef struct tc_type {
	const char *name;
	size_t size;
	const size_t *ptr_offsets;
	size_t nptrs;
	void (*trace)(void *obj, tc_visit_fn visit, void *ctx);
} tc_type;

/* ---- Pacers: when to collect (Go's gcControllerState, as a plug-in) ----
 *
 * After every cycle the heap hands its pacer what the cycle measured and
 * takes back the next heap goal and trigger, in bytes of heap.live (the
 * bytes allocated since the last mark, counted as Go's heapLive, plus the
 * bytes marked). The cycle starts when heap.live reaches the trigger;
 * assists pace the mutators so that marking ends by the goal. Built in:
 * "go" (Go 1.18's pacer, the default), "fixed" (the pre-1.18 trigger
 * ratio), "membalancer" (MemBalancer's square-root rule: goal = live +
 * sqrt(live × allocation rate / GC speed × c), c = (GOGC/100)^2 × 64 MiB,
 * rates smoothed per cycle), "eager" (go's, with the trigger's floor
 * lowered from 0.70 towards 0.30 of the headroom by the share of the last
 * mark run on an otherwise idle CPU: fewer assists, a larger heap;
 * gc/pacer.c); a program can
 * pass its own in tc_config.pacer_impl (examples/pacer_example.c). */
typedef struct tc_pacer_cycle {
	uint64_t cycle;           /* the cycle that ended (1 = the first); 0: the heap is new */
	uint64_t marked_bytes;    /* live bytes it marked */
	uint64_t roots_bytes;     /* bytes of roots it scanned: stacks, frames, globals */
	uint64_t heap_at_trigger; /* heap.live when it started */
	uint64_t heap_at_end;     /* heap.live when its mark ended */
	uint64_t scan_bytes;      /* scan work: heap objects and roots, bytes */
	uint64_t mark_ns;         /* wall time of its mark */
	uint64_t assist_ns;       /* mutator time spent assisting during it */
	uint64_t idle_mark_ns;    /* marking done on otherwise idle CPUs */
	uint64_t gc_cpu_ns;       /* GC CPU (controller, workers, assists) since the last cycle ended */
	uint64_t alloc_bytes;     /* bytes allocated since the last cycle ended */
	uint64_t elapsed_ns;      /* wall time since the last cycle ended */
	uint64_t memory_limit;    /* the soft limit, bytes; 0 = none */
	int gogc;                 /* the heap's GOGC (negative: off) */
	int procs;                /* CPUs */
} tc_pacer_cycle;

typedef struct tc_pacer_decision {
	double goal_bytes;    /* heap.live by which the next mark should end; INFINITY: never collect */
	double trigger_bytes; /* heap.live at which the next cycle starts; at most goal_bytes */
	double scan_work_bytes; /* the scan work the assists expect of the next mark, bytes: they are
				 * paced to finish it by the goal. 0 (left as it is handed in): as
				 * tc_config.assists says */
} tc_pacer_decision;

/* A pacer: next is required; init (NULL: state = arg) makes the per-heap
 * state next receives, destroy (may be NULL) frees it. next runs on the
 * collector's thread with no lock held, after each cycle and once at heap
 * creation (cycle 0); it must not call into tricolor. A decision with a
 * trigger above the goal, a goal below the live heap, or NaN is clamped
 * (trigger to the goal, goal to the marked bytes, NaN to the last good
 * value) and reported once through the error policy, naming the pacer.
 * The memory limit caps whatever goal the pacer returns. */
typedef struct tc_pacer {
	const char *name;
	void *(*init)(void *arg);
	void (*next)(void *state, const tc_pacer_cycle *c, tc_pacer_decision *d);
	void (*destroy)(void *state);
	void *arg;
} tc_pacer;

enum tc_stacks {
	TC_STACKS_CONSERVATIVE = 0, /* scan thread stacks and registers (default) */
	TC_STACKS_PRECISE = 1       /* roots come only from tc_root_add and tc_roots_push */
};

typedef struct tc_config {
	int gogc;              /* heap growth percentage; default 100; negative = off */
	uint64_t memory_limit; /* soft limit on heap memory in bytes; 0 = none.
				* Allocation past it still succeeds, and
				* tc_last_error() then says the heap went past the limit
				* (see heap.limit.exceeded); one object larger than the
				* limit is refused. */
	int mark_workers;      /* parallel mark threads; 0 = number of CPUs */
	int stacks;            /* enum tc_stacks */
	int gctrace;           /* 1: one line per cycle on stderr */
	int verify;            /* 1: re-mark from the roots after every mark and abort on a miss */
	unsigned torture;      /* N > 0: collect every N allocations of each mutator */
	const char *pacer;     /* "go" (Go 1.18's pacer, default), "fixed", "membalancer" or "eager"; NULL = "go" */
	const tc_pacer *pacer_impl; /* a pacer of the program's own (see tc_pacer); overrides pacer.
				     * It must outlive the heap. */
	const char *finalizers; /* where finalizers and cleanups run: "thread" (default) or
				 * "manual" (see tc_run_finalizers); NULL = "thread" */
	const char *trace;     /* a file for the timeline (tc_trace_write_json), written at
				* tc_heap_destroy; NULL = none. Unwritable: tc_heap_create fails */
	const char *assists;   /* the scan work assists expect of a mark, when the pacer does not say
				* (tc_pacer_decision.scan_work_bytes): "marked", the last mark's marked
				* bytes (default: more assisting, short marks, small heaps), or
				* "scanned", its scan work (Go's lastHeapScan: less assisting and a
				* better MMU, for longer marks and more floating garbage); NULL =
				* "marked" */
	uint64_t interval_log; /* how many of the latest stalls and pauses the interval log keeps
				* (tc_intervals_write_csv, and tcbench's intervals.csv and MMU
				* plots from it), 24 bytes each: 0 = 65536; at most 2^24. The
				* gc.mmu.* metrics cover the whole run whatever it is. */
} tc_config;

/* Defaults, then the environment: TRICOLOR_GOGC (a number or "off"),
 * TRICOLOR_MEMLIMIT ("512MiB", "2GiB", a byte count or "off"),
 * TRICOLOR_GCTRACE, TRICOLOR_PACER (go, fixed, membalancer, eager), TRICOLOR_VERIFY (0/1),
 * TRICOLOR_TORTURE (N), TRICOLOR_FINALIZERS (thread, manual), TRICOLOR_ASSISTS
 * (marked, scanned), TRICOLOR_TRACE
 * (a file: the timeline, as tc_config.trace; applies to every heap).
 * Returns -1 on a malformed value, naming the variable and the value. */
TC_API int tc_config_init(tc_config *cfg);

/* The pacer policies this build knows, as "go, fixed, membalancer, eager" (for messages), and
 * as a NULL-terminated array of names. */
TC_API const char *tc_pacer_names(void);
TC_API const char *const *tc_pacer_list(void);

/* Parse a byte count the way TRICOLOR_MEMLIMIT is parsed ("512MiB", "2GiB",
 * "1000000", "off" = 0). Returns -1 with tc_last_error() naming `what` and
 * the text when it is malformed. */
TC_API int tc_parse_bytes(const char *what, const char *text, uint64_t *bytes);

TC_API tc_heap *tc_heap_create(const tc_config *cfg); /* cfg NULL: tc_config_init */
TC_API void tc_heap_destroy(tc_heap *h);
TC_API tc_mutator *tc_mutator_attach(tc_heap *h); /* the calling thread becomes a mutator */
TC_API void tc_mutator_detach(tc_mutator *m);
/* The calling thread's mutator of h, or NULL if it is not attached to h
 * (for code that runs on threads it did not attach, such as finalizers on
 * the finalizer thread). It takes the heap's world lock: keep the result. */
TC_API tc_mutator *tc_mutator_current(tc_heap *h);

/* zeroed. Inline (tricolor/inline.h): most calls are a few instructions in
 * the caller; the library exports it too. */
TC_API inline void *tc_alloc(tc_mutator *m, const tc_type *t);
TC_API void *tc_alloc_array(tc_mutator *m, const tc_type *elem, size_t n);
/* Never scanned; zeroed. Inline up to TC_NOSCAN_INLINE_MAX bytes, as tc_alloc. */
TC_API inline void *tc_alloc_noscan(tc_mutator *m, size_t bytes);
/* Store of a managed pointer into a heap object or global root. Inline (C99
 * inline definition in tricolor/inline.h; the library exports it too). */
TC_API inline void tc_write(tc_mutator *m, void **slot, void *val);
/* An initialising store (OCaml's caml_initialize to tc_write's caml_modify):
 * val into a pointer slot of an object this mutator allocated and has not
 * yet stored anywhere (no heap object, root or other thread can reach it),
 * a slot that still holds NULL. The constructor's stores, say, when the
 * children are built before the parent is published. Inline: a plain store
 * while the collector marks too, once this mutator's stack is scanned; a
 * store that breaks the contract may lose an object another thread stores
 * there. A TC_DEBUG library checks the slot as tc_write does and that it
 * holds NULL. */
TC_API inline void tc_write_init(tc_mutator *m, void **slot, void *val);
TC_API void tc_safepoint(tc_mutator *m);                     /* cheap poll */
TC_API void tc_blocking_enter(tc_mutator *m); /* about to block or run long non-GC code */
TC_API void tc_blocking_leave(tc_mutator *m);
TC_API void tc_root_add(tc_heap *h, void **slots, size_t n); /* global roots */
TC_API void tc_root_remove(tc_heap *h, void **slots);
TC_API void tc_roots_push(tc_mutator *m, void **slots, size_t n); /* precise frame */
TC_API void tc_roots_pop(tc_mutator *m);
TC_API void tc_collect(tc_mutator *m); /* full cycle now, returns when swept */

/* ---- Finalizers, cleanups, weak references, ephemerons ----
 *
 * For every call below, obj (and key) must be the start of a heap object of
 * m's heap, as tc_alloc* returned it, that the caller holds: NULL, an
 * interior pointer or a pointer outside the heap is refused with an error
 * naming the call, and nothing changes. They never allocate on the allocation or barrier fast
 * paths: an embedder that uses none of them pays nothing there.
 *
 * Finalizer (Go's runtime.SetFinalizer): fn(obj, arg) runs once, some time
 * after obj became unreachable. obj and everything it references stay
 * allocated until fn returns; obj is freed by a later cycle unless fn made it
 * reachable again (fn may store obj, allocate, set a new finalizer on obj or
 * others, collect, or block inside tc_blocking_enter/leave). fn == NULL
 * removes obj's finalizer (an error if it has none). Setting a second one is
 * an error. Order: if A references B and both have finalizers, A's runs in
 * one cycle and B's in a later one, after A is gone. A pointer from obj to
 * itself does not keep it (libgc's ignore_self); but a cycle of two or more
 * finalizable objects keeps all of them alive for ever, and none of their
 * finalizers runs (as in Go and libgc): break the cycle, or put the
 * finalizer on an object outside it. arg is kept alive as long as the
 * finalizer is set or queued (a heap pointer in it is a root).
 * Returns 0, or -1 with tc_last_error(). */
TC_API int tc_set_finalizer(tc_mutator *m, void *obj, void (*fn)(void *obj, void *arg), void *arg);

/* Cleanup (Go 1.24's runtime.AddCleanup): fn(arg) runs after obj became
 * unreachable, and after its finalizer if it has one and obj is then
 * unreachable again; obj is not resurrected and may already be reused. An
 * object may have several; they run in no particular order. arg is a root
 * until fn runs, so it must not reference obj, or obj never dies. */
TC_API int tc_add_cleanup(tc_mutator *m, void *obj, void (*fn)(void *arg), void *arg);

/* Where finalizers and cleanups run (tc_config.finalizers, or
 * TRICOLOR_FINALIZERS): "thread" (default) on a thread the heap starts at
 * the first registration and attaches as a mutator (as Go does); "manual":
 * queued until the embedder calls tc_run_finalizers on a thread of its
 * choice (as Lua runs __gc). tc_run_finalizers runs, on the caller, every
 * job queued when it was called (in "thread" mode too: it helps the thread)
 * and returns how many ran. A finalizer that never returns holds only the
 * thread running it. Jobs still queued at tc_heap_destroy are dropped. */
TC_API size_t tc_run_finalizers(tc_mutator *m);

/* Weak reference (Go 1.24's weak.Pointer): a heap object that refers to obj
 * without keeping it alive. tc_weak_get returns obj while obj is reachable,
 * and NULL for ever from the cycle that found it unreachable, before obj's
 * finalizer runs (Go's order: a finalizer that resurrects obj does not bring
 * its weak references back). A tc_weak is collected when unreachable; store
 * it in managed-pointer fields with tc_write like any object. Reading while
 * the collector marks is safe: what tc_weak_get returns is marked (shaded)
 * before it is handed out, or NULL if marking had already found it dead. */
typedef struct tc_weak tc_weak;
TC_API tc_weak *tc_weak_new(tc_mutator *m, void *obj);   /* NULL with an error on bad input */
TC_API void *tc_weak_get(tc_mutator *m, tc_weak *w);

/* Ephemeron (JavaScript WeakMap entries, Lua weak-key tables, Whippet's
 * ephemerons): a heap object holding key weakly and value only while key is
 * reachable other than through this ephemeron. Chains (a value that reaches
 * another ephemeron's key) and cycles resolve in time linear in the number
 * of ephemerons; a cycle through ephemerons only is garbage. Once key died
 * both readers return NULL for ever; reading is safe while marking, as for
 * tc_weak_get (a read keeps key and value alive through the current cycle). */
typedef struct tc_ephemeron tc_ephemeron;
TC_API tc_ephemeron *tc_ephemeron_new(tc_mutator *m, void *key, void *value); /* value may be NULL */
TC_API void *tc_ephemeron_key(tc_mutator *m, tc_ephemeron *e);   /* NULL once key died */
TC_API void *tc_ephemeron_value(tc_mutator *m, tc_ephemeron *e); /* NULL once key died */

/* Metrics, after Go's runtime/metrics: name the ones you want, get their
 * values; returns how many names were known (unknown ones read 0). The
 * names, with what each means, are the list in tricolor/metrics.h
 * (TC_METRICS); tc_metrics_list() gives the same list at run time. */
typedef struct tc_metric {
	const char *name;
	uint64_t value;
} tc_metric;
TC_API size_t tc_metrics_read(tc_heap *h, tc_metric *out, size_t n);

typedef struct tc_metric_info {
	const char *name, *doc;
} tc_metric_info;
/* Every metric tc_metrics_read knows, in the order of TC_METRICS; *n is set
 * to the count. */
TC_API const tc_metric_info *tc_metrics_list(size_t *n);

/* The pause histogram as CSV: lower_ns,upper_ns,count for each non-empty
 * bucket. Returns 0, or -1 on a write error. */
TC_API int tc_pauses_write_csv(tc_heap *h, FILE *out);

/* The bucket of the pause histogram that holds ns: [*lower, *upper). For
 * tools that bin other collectors' pauses the same way (tcbench's libgc). */
TC_API void tc_pause_bucket(uint64_t ns, uint64_t *lower, uint64_t *upper);

/* The interval log as CSV, for minimum-mutator-utilisation curves: when the
 * collector took time from the program (the last 65536 intervals):
 * start_ns,end_ns,kind,mutator — times since the heap was created; kind
 * "pause" (the world stopped, verify mode only; mutator -1), "assist" (a
 * mutator marking, scanning its own stack or flushing its buffers),
 * "wait" (a mutator blocked at the trigger or the goal) or "stopped" (a
 * mutator parked in a stop, or held leaving a blocking region); mutator
 * numbers mutators in order of attachment. gc.mmu.* are computed from it. */
TC_API int tc_intervals_write_csv(tc_heap *h, FILE *out);

/* The per-cycle record as CSV, one row per cycle (the last 4096): cycle,
 * start_ms, trigger_bytes, goal_bytes, heap_at_trigger, heap_peak,
 * marked_bytes, roots_bytes, stw1_ns, stw2_ns (the start and end
 * handshakes: request to last answer), mark_ns, assist_ns, gc_cpu_ns,
 * cycle_ns, gc_cpu_frac (GC CPU over CPU available during the cycle),
 * mark_loops (flush rounds that found grey work), cons_mark. Returns 0, or
 * -1 on a write error. */
TC_API int tc_cycles_write_csv(tc_heap *h, FILE *out);

/* The timeline in the Chrome Trace Event Format (JSON that Perfetto and
 * chrome://tracing open): one track per thread (the controller, each mark
 * worker, each mutator), slices for every cycle and its phases (sweep,
 * barrier-on handshake, mark, termination and end handshakes), each worker's
 * marking, and every mutator stall (assist, wait, stopped); an instant event
 * per cycle carrying its record; counter tracks of the heap (in use, live,
 * goal, trigger, sys). Memory is a ring of the last 65536 slices; how many
 * were overwritten is in otherData.slices_lost. Returns 0, or -1. */
TC_API int tc_trace_write_json(tc_heap *h, FILE *out);

TC_API const char *tc_last_error(void); /* this thread's last error, or NULL */
TC_API void tc_clear_error(void);

/* Where tricolor's messages go (errors, warnings, fatal errors, gctrace):
 * fn(line, arg) with one whole line, "tricolor: ...\n". fn NULL: stderr, the
 * default. Process-wide; fn may be called from any thread, including the
 * collector's, and must not call back into tricolor. */
typedef void (*tc_output_fn)(const char *line, void *arg);
TC_API void tc_set_output(tc_output_fn fn, void *arg);

#include "tricolor/inline.h"
#include "tricolor/metrics.h"

#ifdef __cplusplus
}
#endif
#endif /* TRICOLOR_H */
