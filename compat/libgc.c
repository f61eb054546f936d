/*
 * libgc.c — libgc's allocation, collection and control calls on tricolor
 * (shim.h says what the shim is and what it assumes).
 *
 * Semantics, each as libgc 8.2 documents it (gc.h):
 *  - GC_malloc(n): n bytes, cleared, scanned conservatively; a pointer to
 *    any byte of it, or just past its end, keeps it (all-interior-pointers
 *    and EXTRA_BYTES, libgc's defaults). GC_malloc(0) is a valid object.
 *  - GC_malloc_atomic(n): never scanned (cleared here too).
 *  - GC_malloc_uncollectable / _atomic_uncollectable: never collected, and
 *    (the first) scanned: a root until GC_free.
 *  - GC_free(p): p must be NULL or an object start. The object is emptied
 *    (a scanned one retains nothing from then on), dropped from the
 *    uncollectable set, and, if small, reused by the next allocation of its
 *    size and kind, as on libgc (the free lists below); a large one comes
 *    back at the next collection that finds it unreachable.
 *  - GC_realloc(p, n): libgc's: NULL p is GC_malloc, n 0 is GC_free; the
 *    same object when n fits and is at least half of it; else a new object
 *    of the same kind, contents copied, the old one freed.
 *  - GC_base(p): the start of the object holding p, or NULL; GC_size(p):
 *    the bytes of p's object, as allocated (the pad included).
 *  - GC_gcollect: a full collection now, unless GC_disable is in force
 *    ("even GC_gcollect calls will be ineffective").
 *  - Out of memory, or past GC_MAXIMUM_HEAP_SIZE after a collection: the oom
 *    fn's result is returned (NULL by default).
 *
 * The environment: GC_INITIAL_HEAP_SIZE and GC_MAXIMUM_HEAP_SIZE (bytes,
 * with an optional k, M or G), GC_PRINT_STATS (gctrace lines), GC_DONT_GC,
 * and every TRICOLOR_* variable. A malformed value is named through the
 * error policy and the default is used.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "shim.h"

shim tc__shim;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static pthread_key_t self_key;
static SHIM_TLS tc_mutator *self;

#define EXTRA_BYTES 1 /* libgc's pad: a pointer just past the end keeps the object */
#define TOMB ((void *)1)

/* ---- the warn proc ---- */

static void default_warn(char *msg, GC_word arg)
{
	char buf[512];
	snprintf(buf, sizeof buf, msg, (void *)arg);
	size_t n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = 0;
	tc__warn("%s", buf);
}

void tc__shim_warn(const char *fmt, const void *arg)
{
	GC_warn_proc w = __atomic_load_n(&tc__shim.warn, __ATOMIC_ACQUIRE);
	w((char *)fmt, (GC_word)arg);
}

GC_API void GC_set_warn_proc(GC_warn_proc p) { __atomic_store_n(&tc__shim.warn, p ? p : default_warn, __ATOMIC_RELEASE); }
GC_API GC_warn_proc GC_get_warn_proc(void) { return __atomic_load_n(&tc__shim.warn, __ATOMIC_ACQUIRE); }
GC_API void GC_set_oom_fn(GC_oom_func f) { __atomic_store_n(&tc__shim.oom, f, __ATOMIC_RELEASE); }
GC_API GC_oom_func GC_get_oom_fn(void) { return __atomic_load_n(&tc__shim.oom, __ATOMIC_ACQUIRE); }

/* ---- set-up ---- */

/* A libgc size variable, if set (base/parse.c: libgc's syntax). */
static int env_size(const char *var, uint64_t *out)
{
	const char *v = getenv(var);
	if (v == NULL || *v == 0)
		return 0;
	return tc__parse_gc_size(var, v, out) == 0 ? 0 : -1;
}

static void self_exit(void *m)
{
	SHIM_GUARD(); /* no nudge parks a thread inside its detach */
	if (m != NULL)
		tc_mutator_detach(m);
}

/* TRICOLOR_GC_REPORT=FILE: at exit, one line of the run's figures appended
 * to FILE, for benchmarks of programs that print none of their own
 * (scripts/bench-libgc.sh). */
static const char *report_path;

static void report(void)
{
	static const char *const names[] = {"gc.cycles",        "gc.pause.ns",     "gc.pause.p50.ns",
					    "gc.pause.p99.ns",  "gc.pause.max.ns", "gc.cpu.ns",
					    "heap.alloc.bytes", "heap.sys.bytes",  "gc.stall.max.ns",
					    "gc.dirty.pages",   "gc.dirty.ns"};
	enum { N = sizeof names / sizeof names[0] };
	tc_metric mv[N];
	for (size_t i = 0; i < N; i++)
		mv[i] = (tc_metric){names[i], 0};
	tc_metrics_read(tc__shim.h, mv, N);
	FILE *f = fopen(report_path, "a");
	if (f == NULL) {
		tc__error("TRICOLOR_GC_REPORT: cannot append to \"%s\"", report_path);
		return;
	}
	fprintf(f, "tricolor-gc: cycles=%llu pauses=%llu pause_p50_us=%.1f pause_p99_us=%.1f pause_max_us=%.1f "
		   "gc_cpu_s=%.3f heap_alloc_bytes=%llu heap_sys_bytes=%llu stall_max_us=%.1f dirty_pages=%llu dirty_ms=%.1f\n",
		(unsigned long long)mv[0].value, (unsigned long long)mv[1].value, mv[2].value / 1e3, mv[3].value / 1e3,
		mv[4].value / 1e3, mv[5].value / 1e9, (unsigned long long)mv[6].value, (unsigned long long)mv[7].value,
		mv[8].value / 1e3, (unsigned long long)mv[9].value, mv[10].value / 1e6);
	fclose(f);
}

/* TRICOLOR_TRACE: the heap is never destroyed here, so the timeline is
 * written at exit. */
static void trace_at_exit(void)
{
	FILE *f = tc__shim.h->obs.trace_out;
	tc__shim.h->obs.trace_out = NULL;
	if (tc_trace_write_json(tc__shim.h, f) != 0 || fclose(f) != 0)
		tc__error("TRICOLOR_TRACE: the trace file \"%s\" could not be written", tc__shim.h->cfg.trace);
}

static void shim_init(void)
{
	tc_config cfg;
	tc_config_init(&cfg); /* a malformed TRICOLOR_* value is named; its default stays */
	const char *ps = getenv("GC_PRINT_STATS");
	if (ps != NULL && *ps != 0 && strcmp(ps, "0") != 0)
		cfg.gctrace = 1;
	cfg.finalizers = "manual";
	/* libgc keeps its heap near 1.3-1.5 x live (free-space divisor 3);
	 * GOGC 100's 2 x took up to 1.35 x libgc's peak RSS on w3m, 50 stays
	 * under 1.1 x and is still faster (results/README.md). */
	if (getenv("TRICOLOR_GOGC") == NULL)
		cfg.gogc = 50;
	if (cfg.mark_workers == 0 && !tc__shim_vdb_wanted()) {
		/* Every CPU marks while the program waits: the controller and
		 * a dedicated worker on each other CPU. (Marking beside the
		 * program, incremental mode keeps Go's 25%.) */
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		cfg.mark_workers = n > 1 ? (int)n - 1 : 1;
	}
	uint64_t initial = 0, max = 0;
	env_size("GC_INITIAL_HEAP_SIZE", &initial);
	env_size("GC_MAXIMUM_HEAP_SIZE", &max);
	lock_init(&tc__shim.lock, LR_SHIM);
	if (tc__shim.warn == NULL)
		tc__shim.warn = default_warn;
	tc__shim.max_heap = max;
	tc_heap *h = tc_heap_create(&cfg);
	if (h == NULL)
		tc__fatal("libgc shim: cannot create the heap: %s", tc_last_error() ? tc_last_error() : "unknown");
	h->stw_mark = 1;
	h->roots_hook = tc__shim_segments_refresh;
	h->cleared_hook = tc__shim_clear_links;
	tc__shim_nudge_install(h);
	tc__shim_vdb_init(h);
	if (initial > atomic_load(&h->pacer.goal))
		atomic_store(&h->pacer.goal, initial);
	const char *dont = getenv("GC_DONT_GC");
	if (dont != NULL && *dont != 0)
		atomic_store(&h->gc_disabled, 1);
	if (pthread_key_create(&self_key, self_exit) != 0)
		tc__fatal("libgc shim: pthread_key_create failed");
	tc__shim.h = h;
	if (h->obs.trace_out != NULL)
		atexit(trace_at_exit);
	report_path = getenv("TRICOLOR_GC_REPORT");
	if (report_path != NULL && *report_path != 0) {
		FILE *f = fopen(report_path, "a");
		if (f == NULL)
			tc__error("TRICOLOR_GC_REPORT=\"%s\" cannot be opened for appending; no report", report_path);
		else {
			fclose(f);
			atexit(report);
		}
	}
}

/* The attach is guarded here, once, for every caller: a nudge that
 * arrived while the heap's locks are held would park this thread with
 * them (threads.c). */
static __attribute__((noinline)) tc_mutator *shim_attach(void)
{
	SHIM_GUARD();
	pthread_once(&init_once, shim_init);
	tc_mutator *m = tc_mutator_attach(tc__shim.h);
	if (m == NULL)
		tc__fatal("libgc shim: cannot attach this thread: %s", tc_last_error() ? tc_last_error() : "unknown");
	pthread_setspecific(self_key, m);
	self = m;
	return m;
}

tc_mutator *tc__shim_self(void)
{
	if (__builtin_expect(self != NULL, 1))
		return self;
	return shim_attach();
}

tc_mutator *tc__shim_current(void) { return self; }

void tc__shim_forget(void)
{
	tc_mutator *m = self;
	if (m == NULL)
		return;
	pthread_setspecific(self_key, NULL);
	self = NULL;
	tc_mutator_detach(m);
}

GC_API void GC_init(void) { tc__shim_self(); }
GC_API int GC_is_init_called(void) { return tc__shim.h != NULL; }

/* ---- the uncollectable set: open addressing, itself a precise root ---- */

static size_t uhash(const void *p, size_t cap) { return ((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull >> 1 & (cap - 1); }

static int uncoll_add_locked(void *p)
{
	if ((tc__shim.un + 1) * 2 > tc__shim.ucap) {
		size_t cap = tc__shim.ucap ? tc__shim.ucap * 2 : 64;
		void **n = calloc(cap, sizeof *n);
		if (n == NULL)
			return -1;
		size_t used = 0;
		for (size_t i = 0; i < tc__shim.ucap; i++) {
			void *q = tc__shim.uncoll[i];
			if (q == NULL || q == TOMB)
				continue;
			size_t j = uhash(q, cap);
			while (n[j] != NULL)
				j = (j + 1) & (cap - 1);
			n[j] = q;
			used++;
		}
		/* Swap the root range while no mark runs: a mark runs only
		 * while every mutator waits, and this one is running. */
		tc_root_add(tc__shim.h, n, cap);
		if (tc__shim.uncoll != NULL) {
			tc_root_remove(tc__shim.h, tc__shim.uncoll);
			free(tc__shim.uncoll);
		}
		tc__shim.uncoll = n;
		tc__shim.ucap = cap;
		tc__shim.un = used;
	}
	size_t j = uhash(p, tc__shim.ucap);
	while (tc__shim.uncoll[j] != NULL && tc__shim.uncoll[j] != TOMB)
		j = (j + 1) & (tc__shim.ucap - 1);
	if (tc__shim.uncoll[j] == NULL)
		tc__shim.un++;
	__atomic_store_n(&tc__shim.uncoll[j], p, __ATOMIC_RELEASE);
	return 0;
}

/* Whether p was uncollectable; it is not any more. */
static bool uncoll_remove(void *p)
{
	bool found = false;
	lock(&tc__shim.lock);
	if (tc__shim.ucap != 0) {
		for (size_t j = uhash(p, tc__shim.ucap); tc__shim.uncoll[j] != NULL; j = (j + 1) & (tc__shim.ucap - 1)) {
			if (tc__shim.uncoll[j] == p) {
				__atomic_store_n(&tc__shim.uncoll[j], TOMB, __ATOMIC_RELEASE);
				found = true;
				break;
			}
		}
	}
	unlock(&tc__shim.lock);
	return found;
}

/* ---- explicitly freed objects: libgc's free lists ----
 *
 * libgc hands an object GC_free released to the next allocation of its
 * size at once. Here a freed small object goes on a stack per kind and size
 * class, whose array is a root: while it waits there it is marked by every
 * cycle, so no sweep can free it under the list (which would let the
 * allocator and the list hand the same slot out twice), and the next
 * GC_malloc of that class takes it, cleared. Word 0 of a waiting object
 * holds FREED_TAG ^ its address (not a pointer: above the user address
 * space), so a second GC_free of it is caught. At most FREE_CAP bytes wait
 * per class; beyond that a freed object is only emptied, and the next
 * collection that finds it unreachable takes it back. */
#define FREED_TAG 0xdead0f0e00000000ull
#define FREE_CAP ((size_t)1 << 20)
typedef struct freelist {
	void **v; /* a root range of cap slots (tc__shim.lock) */
	_Atomic size_t n;
	size_t cap;
} freelist;
static freelist freed[2][TC_NUM_SIZE_CLASSES]; /* [SK_CONS?0:1][class] */
/* Large objects (stalin's regions are freed and made again at one size):
 * one list per kind, taken first-fit by an allocation that fits in what the
 * object can hold (for a conservative one, what the marker scans) and needs
 * at least half of it. */
#define LARGE_CAP ((size_t)32 << 20)
static freelist freed_large[2];
static size_t freed_large_bytes; /* tc__shim.lock */

static freelist *freelist_of(unsigned kind, unsigned cls) { return &freed[kind == SK_CONS ? 0 : 1][cls]; }

/* Push p (of class cls, elemsize bytes): false when the class is full or
 * the stack cannot grow. tc__shim.lock held. */
static bool free_push(freelist *f, void *p, size_t elemsize)
{
	size_t n = atomic_load_explicit(&f->n, memory_order_relaxed);
	if ((n + 1) * elemsize > FREE_CAP)
		return false;
	if (n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 64;
		void **v = calloc(cap, sizeof *v);
		if (v == NULL)
			return false;
		for (size_t i = 0; i < n; i++)
			v[i] = f->v[i];
		tc_root_add(tc__shim.h, v, cap); /* both ranges roots across the swap: no mark runs now */
		if (f->v != NULL) {
			tc_root_remove(tc__shim.h, f->v);
			free(f->v);
		}
		f->v = v;
		f->cap = cap;
	}
	*(uint64_t *)p = FREED_TAG ^ (uint64_t)(uintptr_t)p;
	__atomic_store_n(&f->v[n], p, __ATOMIC_RELEASE);
	atomic_store_explicit(&f->n, n + 1, memory_order_relaxed);
	return true;
}

static size_t object_size(const span *s);

static void *large_pop(unsigned kind, size_t size)
{
	freelist *f = &freed_large[kind == SK_CONS ? 0 : 1];
	if (__builtin_expect(atomic_load_explicit(&f->n, memory_order_relaxed) == 0, 1))
		return NULL;
	void *p = NULL;
	size_t have = 0;
	lock(&tc__shim.lock);
	size_t n = atomic_load_explicit(&f->n, memory_order_relaxed);
	for (size_t i = n; i-- > 0;) {
		span *s = mheap_span_of(&tc__shim.h->mh, (uintptr_t)f->v[i]);
		have = object_size(s);
		if (size <= have && size >= have / 2) {
			p = f->v[i];
			f->v[i] = f->v[n - 1];
			f->v[n - 1] = NULL;
			atomic_store_explicit(&f->n, n - 1, memory_order_relaxed);
			freed_large_bytes -= have;
			break;
		}
	}
	unlock(&tc__shim.lock);
	if (p != NULL)
		memset(p, 0, kind == SK_CONS ? have : size);
	return p;
}

static void *free_pop(unsigned kind, size_t size)
{
	if (size > TC_MAX_SMALL_SIZE)
		return large_pop(kind, size);
	unsigned cls = sizeclass_of(size);
	freelist *f = freelist_of(kind, cls);
	if (__builtin_expect(atomic_load_explicit(&f->n, memory_order_relaxed) == 0, 1))
		return NULL;
	void *p = NULL;
	lock(&tc__shim.lock);
	size_t n = atomic_load_explicit(&f->n, memory_order_relaxed);
	if (n > 0) {
		p = f->v[n - 1];
		f->v[n - 1] = NULL;
		atomic_store_explicit(&f->n, n - 1, memory_order_relaxed);
	}
	unlock(&tc__shim.lock);
	if (p != NULL)
		memset(p, 0, tc_class_to_size[cls]);
	return p;
}

/* ---- allocation ---- */

static void *oom(size_t n, const char *fn)
{
	GC_oom_func f = GC_get_oom_fn();
	if (f != NULL)
		return f(n);
	tc__error("%s: %zu bytes: out of memory (%s)", fn, n, tc_last_error() ? tc_last_error() : "no reason given");
	return NULL;
}

static void *alloc(size_t n, unsigned kind, const char *fn)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	size_t size = n + EXTRA_BYTES;
	if (size < n)
		return oom(n, fn);
	void *p = free_pop(kind, size); /* reuse grows nothing: before the limit's check */
	if (p != NULL)
		return p;
	uint64_t max = tc__shim.max_heap;
	if (max != 0 && atomic_load_explicit(&m->h->mh.live, memory_order_relaxed) + size > max) {
		if (atomic_load(&m->h->gc_disabled) == 0)
			tc__gc_collect_stw(m);
		if (atomic_load(&m->h->mh.live) + size > max)
			return oom(n, fn);
	}
	p = tc__alloc_kind(m, size, kind, fn);
	if (p == NULL)
		return oom(n, fn);
	tc__shim_maybe_finalize(); /* p is on this frame: a finalizer's collection keeps it */
	return p;
}

GC_API void *GC_malloc(size_t n) { return alloc(n, SK_CONS, "GC_malloc"); }
GC_API void *GC_malloc_atomic(size_t n) { return alloc(n, SK_NOSCAN, "GC_malloc_atomic"); }
GC_API void *GC_malloc_ignore_off_page(size_t n) { return alloc(n, SK_CONS, "GC_malloc_ignore_off_page"); }
GC_API void *GC_malloc_atomic_ignore_off_page(size_t n)
{
	return alloc(n, SK_NOSCAN, "GC_malloc_atomic_ignore_off_page");
}

static void *alloc_uncollectable(size_t n, unsigned kind, const char *fn)
{
	SHIM_GUARD();
	void *p = alloc(n, kind, fn);
	if (p == NULL)
		return NULL;
	lock(&tc__shim.lock);
	int r = uncoll_add_locked(p);
	unlock(&tc__shim.lock);
	if (r != 0) {
		tc__error("%s: out of memory for the uncollectable set", fn);
		return oom(n, fn);
	}
	return p;
}

GC_API void *GC_malloc_uncollectable(size_t n) { return alloc_uncollectable(n, SK_CONS, "GC_malloc_uncollectable"); }
GC_API void *GC_malloc_atomic_uncollectable(size_t n)
{
	return alloc_uncollectable(n, SK_NOSCAN, "GC_malloc_atomic_uncollectable");
}

GC_API char *GC_strdup(const char *s)
{
	if (s == NULL)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = alloc(n, SK_NOSCAN, "GC_strdup");
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

GC_API char *GC_strndup(const char *s, size_t k)
{
	if (s == NULL)
		return NULL;
	size_t n = strnlen(s, k);
	char *p = alloc(n + 1, SK_NOSCAN, "GC_strndup");
	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

/* ---- objects: base, size, free, realloc ---- */

/* The allocated object holding p: its span and start, or 0. */
static uintptr_t object_of(const void *p, span **sp)
{
	if (tc__shim.h == NULL || p == NULL)
		return 0;
	return tc__mheap_find_object(&tc__shim.h->mh, (uintptr_t)p, sp);
}

/* The bytes of an object as allocated: what the marker scans of a
 * conservative one (a large one's page tail is not scanned, so it is not
 * handed out either). */
static size_t object_size(const span *s)
{
	if (spc_sizeclass(s->spc) != 0 || s->largetype == NULL)
		return s->elemsize;
	return s->largecount * ((const tc_type *)s->largetype)->size;
}

GC_API void *GC_base(void *p) { return (void *)object_of(p, NULL); }

GC_API size_t GC_size(const void *p)
{
	span *s;
	return object_of(p, &s) != 0 ? object_size(s) : 0;
}

GC_API void GC_free(void *p)
{
	SHIM_GUARD();
	if (p == NULL)
		return;
	span *s;
	uintptr_t base = object_of(p, &s);
	if (base != (uintptr_t)p) {
		tc__shim_warn("GC_free: %p is not the start of an object from GC_malloc; nothing freed\n", p);
		return;
	}
	if (object_size(s) >= TC_WORD && *(uint64_t *)p == (FREED_TAG ^ (uint64_t)(uintptr_t)p)) {
		tc__shim_warn("GC_free: %p was freed already (a second GC_free of it); nothing done\n", p);
		return;
	}
	uncoll_remove(p);
	unsigned kind = spc_kind(s->spc) == SK_NOSCAN ? SK_NOSCAN : SK_CONS;
	if (kind == SK_CONS)
		memset(p, 0, object_size(s)); /* retains nothing from now on */
	lock(&tc__shim.lock);
	if (spc_sizeclass(s->spc) != 0)
		free_push(freelist_of(kind, spc_sizeclass(s->spc)), p, s->elemsize);
	else if (freed_large_bytes + object_size(s) <= LARGE_CAP &&
		 free_push(&freed_large[kind == SK_CONS ? 0 : 1], p, 0))
		freed_large_bytes += object_size(s);
	unlock(&tc__shim.lock);
}

GC_API void *GC_realloc(void *p, size_t n)
{
	SHIM_GUARD();
	if (p == NULL)
		return alloc(n, SK_CONS, "GC_realloc");
	span *s;
	uintptr_t base = object_of(p, &s);
	if (base != (uintptr_t)p) {
		tc__shim_warn("GC_realloc: %p is not the start of an object from GC_malloc; nothing reallocated\n", p);
		return NULL;
	}
	if (n == 0) {
		GC_free(p);
		return NULL;
	}
	size_t have = object_size(s) - EXTRA_BYTES;
	unsigned kind = spc_kind(s->spc) == SK_NOSCAN ? SK_NOSCAN : SK_CONS;
	if (n <= have && n >= have / 2) {
		if (kind == SK_CONS)
			memset((char *)p + n, 0, have - n); /* as libgc: the tail holds no stale pointer */
		return p;
	}
	bool uncoll = uncoll_remove(p);
	void *q = uncoll ? alloc_uncollectable(n, kind, "GC_realloc") : alloc(n, kind, "GC_realloc");
	if (q == NULL) {
		if (uncoll) {
			lock(&tc__shim.lock);
			uncoll_add_locked(p);
			unlock(&tc__shim.lock);
		}
		return NULL;
	}
	memcpy(q, p, n < have ? n : have);
	GC_free(p);
	return q;
}

/* ---- collection and control ---- */

GC_API void GC_gcollect(void)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	if (atomic_load(&m->h->gc_disabled) == 0)
		tc_collect(m);
	tc__shim_maybe_finalize();
}

GC_API void GC_gcollect_and_unmap(void) { GC_gcollect(); }
GC_API void GC_disable(void)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	atomic_fetch_add(&m->h->gc_disabled, 1);
	/* A mostly-concurrent mark may be under way: no collection ends
	 * while disabled, as on libgc, so this one ends first. */
	if (atomic_load(&m->h->phase) == GC_MARK)
		tc__gc_wait_mark(m);
}

GC_API void GC_enable(void)
{
	tc__shim_self();
	int v = atomic_load(&tc__shim.h->gc_disabled);
	while (v > 0 && !atomic_compare_exchange_weak(&tc__shim.h->gc_disabled, &v, v - 1))
		;
	if (v <= 0)
		tc__shim_warn("GC_enable: called %p times more than GC_disable; ignored\n", (void *)1);
}

GC_API int GC_is_disabled(void) { return tc__shim.h != NULL && atomic_load(&tc__shim.h->gc_disabled) > 0; }

GC_API void GC_set_max_heap_size(GC_word n) { tc__shim.max_heap = n; }

GC_API size_t GC_get_heap_size(void)
{
	tc__shim_self();
	mheap *mh = &tc__shim.h->mh;
	return (size_t)(atomic_load(&mh->sys) - atomic_load(&mh->released));
}

GC_API size_t GC_get_free_bytes(void)
{
	size_t heap = GC_get_heap_size(), live = (size_t)atomic_load(&tc__shim.h->mh.live);
	return heap > live ? heap - live : 0;
}

GC_API size_t GC_get_total_bytes(void)
{
	SHIM_GUARD();
	tc_metric m = {"heap.alloc.bytes", 0};
	tc_metrics_read(tc__shim_self()->h, &m, 1);
	return (size_t)m.value;
}

GC_API GC_word GC_get_gc_no(void)
{
	return tc__shim.h != NULL ? (GC_word)atomic_load(&tc__shim.h->ctrl.cycles) : 0;
}

/* libgc's switch for interior pointers. A program may set it to 0 (libgc
 * then keeps an object only through pointers to its start or a registered
 * displacement); here interior pointers are recognised whatever it says,
 * which keeps every object libgc would keep, and possibly more. */
GC_API int GC_all_interior_pointers = 1;

/* A bit of collection work, if any is due: a collection when the heap has
 * reached its goal (GC_malloc would start one), then due finalizers.
 * Returns whether it did anything, as libgc's does. */
GC_API int GC_collect_a_little(void)
{
	SHIM_GUARD();
	tc_mutator *m = tc__shim_self();
	tc_heap *h = m->h;
	int did = 0;
	if (atomic_load(&h->gc_disabled) == 0 && atomic_load(&h->mh.live) >= atomic_load(&h->pacer.goal)) {
		tc__gc_maybe_trigger(m);
		did = 1;
	}
	tc__shim_maybe_finalize();
	return did;
}

/* With all interior pointers recognised (always, here) displacements are
 * already valid: libgc makes this a no-op in that mode too. */
GC_API void GC_register_displacement(size_t offset) { (void)offset; }
