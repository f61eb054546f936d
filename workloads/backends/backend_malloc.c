/* backend_malloc.c — tcbench on a manual allocator: glibc malloc, or jemalloc
 * when built with -DBK_JEMALLOC (linked in, not preloaded). Objects are freed
 * where the workload says they die; heap.alloc.bytes counts usable sizes, the
 * allocator's own class rounding. */
#include <malloc.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"

#ifdef BK_JEMALLOC
#include <jemalloc/jemalloc.h>
const char *const bk_name = "jemalloc";
#define usable_size(p) malloc_usable_size(p)
#else
const char *const bk_name = "glibc";
#define usable_size(p) malloc_usable_size(p)
#endif
const bool bk_manual = true;
const bool bk_gc = false, bk_ephemerons = false;

struct bk_thread {
	uint64_t bytes;
};
static _Atomic uint64_t total_bytes;

int bk_init(const bk_config *cfg)
{
	(void)cfg;
	return 0;
}
void bk_fini(void) {}

bk_thread *bk_attach(void)
{
	bk_thread *t = calloc(1, sizeof *t);
	if (t == NULL)
		bk_die("out of memory");
	return t;
}

void bk_detach(bk_thread *t)
{
	atomic_fetch_add(&total_bytes, t->bytes);
	free(t);
}

static void *zalloc(bk_thread *t, size_t n)
{
	void *p = calloc(1, n);
	if (p == NULL)
		bk_die("calloc(%zu) failed", n);
	t->bytes += usable_size(p);
	return p;
}

void *bk_alloc(bk_thread *t, const wtype *ty) { return zalloc(t, ty->tc.size); }
void *bk_alloc_array(bk_thread *t, const wtype *ty, size_t n) { return zalloc(t, ty->tc.size * n); }
void *bk_alloc_noscan(bk_thread *t, size_t bytes) { return zalloc(t, bytes); }
void bk_write(bk_thread *t, void **slot, void *val)
{
	(void)t;
	*slot = val;
}
void bk_write_init(bk_thread *t, void **slot, void *val) { bk_write(t, slot, val); }
void bk_free(bk_thread *t, void *p, size_t size)
{
	(void)t;
	(void)size;
	free(p);
}
void bk_root_add(void **slots, size_t n)
{
	(void)slots;
	(void)n;
}
void bk_root_remove(void **slots) { (void)slots; }
void bk_safepoint(bk_thread *t) { (void)t; }
void bk_blocking_enter(bk_thread *t) { (void)t; }
void bk_blocking_leave(bk_thread *t) { (void)t; }

void bk_stats_read(bk_stats *s)
{
	memset(s, 0, sizeof *s);
	s->alloc_bytes = atomic_load(&total_bytes);
	s->mmu_1ms = s->mmu_10ms = s->mmu_100ms = 1.0; /* no collector, no stall */
}

int bk_pauses_csv(const char *path)
{
	(void)path;
	return -1;
}

int bk_cycles_csv(const char *path)
{
	(void)path;
	return -1;
}

int bk_intervals_csv(const char *path)
{
	(void)path;
	return -1;
}

void bk_sample_read(bk_sample *s)
{
	memset(s, 0, sizeof *s);
#ifdef BK_JEMALLOC
	uint64_t epoch = 1;
	size_t sz = sizeof epoch, allocated = 0, asz = sizeof allocated;
	mallctl("epoch", &epoch, &sz, &epoch, sz);
	if (mallctl("stats.allocated", &allocated, &asz, NULL, 0) == 0)
		s->heap = allocated;
#else
	struct mallinfo2 mi = mallinfo2();
	s->heap = mi.uordblks + mi.hblkhd;
#endif
}

const char *const *bk_pacers(void)
{
	static const char *const none[] = {NULL};
	return none;
}

void bk_metrics_list(FILE *f) { (void)f; }
void bk_metrics_print(FILE *f) { (void)f; }

/* No collector: the finalizers and ephemerons workloads refuse this backend
 * before they call any of these. */
void bk_finalizer(bk_thread *t, void *obj, void (*fn)(void *obj, void *arg), void *arg)
{
	(void)t;
	(void)obj;
	(void)fn;
	(void)arg;
	bk_die("finalizers need a garbage collector");
}
size_t bk_run_finalizers(bk_thread *t)
{
	(void)t;
	return 0;
}
void *bk_ephemeron_new(bk_thread *t, void *key, void *value)
{
	(void)t;
	(void)key;
	(void)value;
	bk_die("ephemerons need a garbage collector");
}
void *bk_ephemeron_key(bk_thread *t, void *e)
{
	(void)t;
	(void)e;
	return NULL;
}
void *bk_ephemeron_value(bk_thread *t, void *e)
{
	(void)t;
	(void)e;
	return NULL;
}
void bk_collect(bk_thread *t) { (void)t; }
