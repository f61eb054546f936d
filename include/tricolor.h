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
	const char *pacer;     /* "go" (Go 1.18's pacer, default) or "fixed"; NULL = "go" */
} tc_config;

/* Defaults, then the environment: TRICOLOR_GOGC (a number or "off"),
 * TRICOLOR_MEMLIMIT ("512MiB", "2GiB", a byte count or "off"),
 * TRICOLOR_GCTRACE, TRICOLOR_PACER (go, fixed), TRICOLOR_VERIFY (0/1),
 * TRICOLOR_TORTURE (N).
 * Returns -1 on a malformed value, naming the variable and the value. */
TC_API int tc_config_init(tc_config *cfg);

/* The pacer policies this build knows, as "go, fixed" (for messages), and
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

TC_API void *tc_alloc(tc_mutator *m, const tc_type *t); /* zeroed */
TC_API void *tc_alloc_array(tc_mutator *m, const tc_type *elem, size_t n);
TC_API void *tc_alloc_noscan(tc_mutator *m, size_t bytes); /* never scanned */
/* Store of a managed pointer into a heap object or global root. Inline (C99
 * inline definition in tricolor/inline.h; the library exports it too). */
TC_API inline void tc_write(tc_mutator *m, void **slot, void *val);
TC_API void tc_safepoint(tc_mutator *m);                     /* cheap poll */
TC_API void tc_blocking_enter(tc_mutator *m); /* about to block or run long non-GC code */
TC_API void tc_blocking_leave(tc_mutator *m);
TC_API void tc_root_add(tc_heap *h, void **slots, size_t n); /* global roots */
TC_API void tc_root_remove(tc_heap *h, void **slots);
TC_API void tc_roots_push(tc_mutator *m, void **slots, size_t n); /* precise frame */
TC_API void tc_roots_pop(tc_mutator *m);
TC_API void tc_collect(tc_mutator *m); /* full cycle now, returns when swept */

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
