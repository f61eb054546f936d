/*
 * backend.h — the small interface every workload is written against, and
 * that each backend implements once (backend_tricolor.c, backend_jemalloc.c,
 * backend_glibc.c, backend_bdwgc.c). One executable per backend: nothing is
 * interposed at run time.
 *
 * A workload allocates objects of a described type (zeroed), stores pointers
 * with bk_write (bk_write_init into an object not yet published), and says
 * where an object dies with bk_free. Manual backends
 * free there; GC backends ignore it and collect. bk_manual tells a workload
 * whether walking a dead structure to free it is worth doing at all, so GC
 * backends are not charged for the walk.
 */
#ifndef TC_BACKEND_H
#define TC_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tricolor.h"

typedef struct wtype {
	tc_type tc; /* the layout: name, size, pointer offsets */
} wtype;

#define WTYPE(name, type, ...)                                                                          \
	static const size_t name##_offs[] = {__VA_ARGS__};                                              \
	static const wtype name = {{#type, sizeof(type), name##_offs, sizeof name##_offs / sizeof(size_t), NULL}}

typedef struct bk_config {
	int gogc;          /* -1 off; 100 default */
	uint64_t memlimit; /* 0 none */
	const char *pacer;
	int threads;
} bk_config;

typedef struct bk_stats {
	uint64_t cycles, pause_count, pause_p50_ns, pause_p99_ns, pause_max_ns;
	/* Stalls: any time a mutator could not run because of the collector
	 * (for a stop-the-world collector, its pauses); the least MMU of any
	 * mutator over 1, 10 and 100 ms windows (1 with no collector). */
	uint64_t stall_count, stall_p99_ns, stall_max_ns;
	double mmu_1ms, mmu_10ms, mmu_100ms;
	uint64_t alloc_bytes, gc_cpu_ns;
	double overshoot_p99; /* p99 over cycles of heap at mark end / goal; 0 = not known */
	uint64_t verified;    /* objects the heap verifier checked (tricolor, TRICOLOR_VERIFY=1) */
} bk_stats;

/* What the heap timeline samples (sampler.c): bytes in use by the heap, and
 * for a paced collector its goal and trigger (0 otherwise). Callable from a
 * thread that is not attached. */
typedef struct bk_sample {
	uint64_t heap, goal, trigger, sys; /* sys: memory the heap holds from the OS, where known */
} bk_sample;

typedef struct bk_thread bk_thread;

extern const char *const bk_name;
extern const bool bk_manual;

int bk_init(const bk_config *cfg); /* -1 with a message on stderr */
void bk_fini(void);
bk_thread *bk_attach(void);
void bk_detach(bk_thread *t);
void *bk_alloc(bk_thread *t, const wtype *ty);
void *bk_alloc_array(bk_thread *t, const wtype *ty, size_t n);
void *bk_alloc_noscan(bk_thread *t, size_t bytes);
void bk_write(bk_thread *t, void **slot, void *val);
/* An initialising store: a NULL slot of an object this thread allocated and
 * has stored nowhere yet (a constructor's stores; Go's compiler drops the
 * write barrier for these, and tricolor has tc_write_init). */
void bk_write_init(bk_thread *t, void **slot, void *val);
void bk_free(bk_thread *t, void *p, size_t size);
void bk_root_add(void **slots, size_t n);
void bk_root_remove(void **slots);
void bk_safepoint(bk_thread *t); /* long loops that do not allocate poll this */
void bk_blocking_enter(bk_thread *t);
void bk_blocking_leave(bk_thread *t);
void bk_stats_read(bk_stats *s);
int bk_pauses_csv(const char *path); /* 0, or -1 if this backend has none */
int bk_cycles_csv(const char *path); /* the per-cycle record; -1 if none */
int bk_intervals_csv(const char *path); /* GC intervals (tc_intervals_write_csv's format); -1 if none */
void bk_sample_read(bk_sample *s);
/* The pacer policies --pacer may name (NULL-terminated; empty when the
 * backend has none), and the backend's own metrics: each as a line
 * "NAME  DOC" (list) or "metric NAME=VALUE" (print); nothing if none. */
const char *const *bk_pacers(void);
void bk_metrics_list(FILE *f);
void bk_metrics_print(FILE *f);

/* What a language runtime asks of its collector (the finalizers and
 * ephemerons workloads). bk_gc is false for the manual backends, which
 * have none of these, and those workloads refuse to run on them.
 * bk_ephemerons says whether bk_ephemeron_* are real ephemerons; libgc has
 * none, so its backend builds the nearest it can from a disappearing link
 * on the key and a strong value (which keeps a key its value references
 * alive for ever: the leak ephemerons exist to avoid). */
extern const bool bk_gc, bk_ephemerons;
void bk_finalizer(bk_thread *t, void *obj, void (*fn)(void *obj, void *arg), void *arg);
size_t bk_run_finalizers(bk_thread *t); /* run what is due on this thread, if the backend queues them */
void *bk_ephemeron_new(bk_thread *t, void *key, void *value);
void *bk_ephemeron_key(bk_thread *t, void *e);
void *bk_ephemeron_value(bk_thread *t, void *e);
void bk_collect(bk_thread *t);

/* Die with a message naming the workload and what failed. */
_Noreturn void bk_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
