/*
 * shim.h — the libgc shim's internal interface (not installed).
 *
 * libtricolor-gc.so carries the part of the Boehm–Demers–Weiser collector's
 * API (gc.h, libgc 8.2) that real programs import, on tricolor's heap. Its
 * soname is libgc.so.1: libgc's symbols carry no versions, so when the
 * dynamic linker finds this library first (LD_LIBRARY_PATH, or LD_PRELOAD)
 * an unmodified program runs on it.
 *
 * What a libgc program gives us, and what we do with it:
 *  - no layouts: GC_malloc objects are span kind SK_CONS, every word a
 *    possible pointer, resolved as a stack word is (interior pointers
 *    included, libgc's default); GC_malloc_atomic objects are noscan;
 *  - no barrier: the heap marks with no mutator running (tc_heap.stw_mark,
 *    gc.c), the allocating thread blocked from the cycle's start to the end
 *    of its mark, by the controller and the mark workers in parallel;
 *  - roots it never registers: the writable segments of the program and of
 *    every loaded object (segments.c, refreshed before every mark), the
 *    uncollectable objects, and the stacks and registers of the threads
 *    that allocate (each is attached as a mutator on its first call);
 *  - threads that never call while a collection waits for them: stopped
 *    with SIGPWR, as libgc stops them (threads.c);
 *  - libgc's one-byte pad (EXTRA_BYTES): a pointer just past the end of an
 *    object keeps it, as it does on libgc.
 *
 * Invariants: every GC_* entry point reaches the heap through shim_self(),
 * which initialises the heap once (GC_init) and attaches the calling thread;
 * a thread's mutator is detached when the thread exits. Misuse (a pointer
 * that is not an object start handed to GC_free, GC_realloc of a foreign
 * pointer) goes to the program's warn proc, libgc's channel for it, and
 * changes nothing.
 */
#ifndef TC_SHIM_H
#define TC_SHIM_H

#include <stddef.h>

#include "gc.h"

#define GC_API __attribute__((visibility("default")))

typedef unsigned long GC_word;
typedef void (*GC_warn_proc)(char *msg, GC_word arg);
typedef void *(*GC_oom_func)(size_t bytes);

typedef struct shim {
	tc_heap *h;               /* the one heap (GC_init) */
	GC_warn_proc warn;        /* libgc's warn proc (GC_set_warn_proc); default writes a tricolor warning */
	GC_oom_func oom;          /* called when an allocation fails; NULL: return NULL */
	uint64_t max_heap;        /* GC_MAXIMUM_HEAP_SIZE / GC_set_max_heap_size, bytes; 0 = none */
	mutex lock;               /* LR_SHIM: uncoll and the segment table */
	void **uncoll;            /* uncollectable objects: an open-addressing set, a precise root range */
	size_t ucap, un;          /* slots, and slots used (live or tombstone) */
	unsigned long long seg_adds, seg_subs; /* dl_iterate_phdr's counters at the last refresh */
	void **segs;              /* the starts of the segments registered as roots */
	size_t nsegs, capsegs;
} shim;

extern shim tc__shim;

tc_mutator *tc__shim_self(void);                      /* the calling thread's mutator (init, attach) */
tc_mutator *tc__shim_current(void);                   /* the same, or NULL if not attached (no attach) */
void tc__shim_forget(void);                           /* detach the calling thread now (threads.c) */
void tc__shim_warn(const char *fmt, const void *arg); /* fmt has one %p, for arg */
void tc__shim_segments_refresh(tc_heap *h, void *arg); /* the roots hook: data segments */
size_t tc__shim_segments_bytes(void);                 /* bytes of data segments registered */
void tc__shim_clear_links(tc_heap *h, void *arg);     /* the cleared hook: disappearing links (finalize.c) */
void tc__shim_maybe_finalize(void);                   /* run due finalizers, unless on demand (finalize.c) */
void tc__shim_vdb_init(tc_heap *h);                   /* incremental mode, if asked (vdb.c) */
bool tc__shim_vdb_wanted(void);                       /* is it asked, before the heap exists */
GC_API void *GC_base(void *p);

/* Stopping threads that do not call (threads.c): the controller signals a
 * running thread that owes a handshake answer (tc_heap.nudge_hook), and the
 * handler parks the thread, blocked, until the mark is over. Not inside a
 * GC_* call, whose tricolor state and locks the handler must not touch:
 * every entry point that reaches the heap opens with SHIM_GUARD(), and a
 * nudge that arrives inside one is answered at its end. */
/* The shim's thread-locals are initial-exec: libgc.so.1 is loaded with the
 * program (or dlopen'd into glibc's static TLS reserve), and every GC_* call
 * reads them; the general-dynamic model costs a __tls_get_addr call each
 * (3.6% of neko's binary trees). */
#define SHIM_TLS __thread __attribute__((tls_model("initial-exec")))
extern SHIM_TLS volatile int tc__shim_depth;  /* GC_* calls this thread is inside */
extern SHIM_TLS volatile int tc__shim_nudged; /* a nudge arrived meanwhile */
void tc__shim_deferred_answer(void);
void tc__shim_nudge_install(tc_heap *h);
static inline void tc__shim_guard_end(int *unused)
{
	(void)unused;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (--tc__shim_depth == 0 && tc__shim_nudged)
		tc__shim_deferred_answer();
}
#define SHIM_GUARD()                                                                                   \
	int shim_guard_ __attribute__((cleanup(tc__shim_guard_end), unused)) =                         \
		(++tc__shim_depth, __atomic_signal_fence(__ATOMIC_SEQ_CST), 0)
GC_API void *GC_malloc_uncollectable(size_t n);
GC_API void GC_free(void *p);
/* The calls debug.c forwards to. */
typedef void (*GC_finalization_proc)(void *obj, void *client_data);
GC_API void *GC_malloc(size_t n);
GC_API void *GC_malloc_atomic(size_t n);
GC_API void *GC_malloc_atomic_uncollectable(size_t n);
GC_API char *GC_strdup(const char *s);
GC_API char *GC_strndup(const char *s, size_t k);
GC_API void *GC_realloc(void *p, size_t n);
GC_API void GC_register_finalizer(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn, void **ocd);
GC_API void GC_register_finalizer_ignore_self(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn,
				       void **ocd);
GC_API void GC_register_finalizer_no_order(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn,
				    void **ocd);
GC_API void GC_register_displacement(size_t offset);

#endif /* TC_SHIM_H */
