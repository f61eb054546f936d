/* backend_bdwgc.c — tcbench on the Boehm-Demers-Weiser collector (libgc):
 * conservative, stop-the-world, never frees explicitly. Pauses are timed
 * from GC_EVENT_PRE_STOP_WORLD to GC_EVENT_POST_START_WORLD. GOGC maps onto
 * the free-space divisor (heap grows by 1/divisor; GOGC=100 ≈ divisor 1). */
#define GC_THREADS
#include <gc/gc.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "mmu.h"

const char *const bk_name = "bdwgc";
const bool bk_manual = false;
const bool bk_gc = true, bk_ephemerons = false;

#define NB 4096
static uint64_t pauses[NB], starts[NB], t_init;
static _Atomic size_t npauses;
static uint64_t stop_ns, gc_ns;

static uint64_t now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void on_event(GC_EventType e)
{
	if (e == GC_EVENT_PRE_STOP_WORLD) {
		stop_ns = now();
	} else if (e == GC_EVENT_POST_START_WORLD) {
		uint64_t d = now() - stop_ns;
		size_t i = atomic_fetch_add(&npauses, 1);
		if (i < NB) {
			pauses[i] = d;
			starts[i] = stop_ns - t_init;
		}
		gc_ns += d;
	}
}

int bk_init(const bk_config *cfg)
{
	t_init = now();
	GC_INIT();
	GC_allow_register_threads();
	GC_set_on_collection_event(on_event);
	if (cfg->gogc < 0)
		GC_disable();
	else if (cfg->gogc > 0)
		GC_set_free_space_divisor((GC_word)(cfg->gogc >= 100 ? 1 : 100 / cfg->gogc));
	if (cfg->memlimit)
		GC_set_max_heap_size((GC_word)cfg->memlimit);
	return 0;
}
void bk_fini(void) {}

bk_thread *bk_attach(void)
{
	struct GC_stack_base sb;
	if (GC_get_stack_base(&sb) == GC_SUCCESS)
		GC_register_my_thread(&sb);
	return (bk_thread *)1;
}
void bk_detach(bk_thread *t)
{
	(void)t;
	if (GC_thread_is_registered())
		GC_unregister_my_thread();
}

static void *check(void *p, size_t n)
{
	if (p == NULL)
		bk_die("GC_MALLOC(%zu) failed", n);
	return p;
}
void *bk_alloc(bk_thread *t, const wtype *ty)
{
	(void)t;
	return check(GC_MALLOC(ty->tc.size), ty->tc.size);
}
void *bk_alloc_array(bk_thread *t, const wtype *ty, size_t n)
{
	(void)t;
	return check(GC_MALLOC(ty->tc.size * n), ty->tc.size * n);
}
void *bk_alloc_noscan(bk_thread *t, size_t bytes)
{
	(void)t;
	void *p = check(GC_MALLOC_ATOMIC(bytes), bytes);
	memset(p, 0, bytes); /* the same contract as the others: zeroed */
	return p;
}
void bk_write(bk_thread *t, void **slot, void *val)
{
	(void)t;
	*slot = val;
}
void bk_write_init(bk_thread *t, void **slot, void *val) { bk_write(t, slot, val); }
void bk_free(bk_thread *t, void *p, size_t size)
{
	(void)t;
	(void)p;
	(void)size;
}
/* libgc's finalizers (GC_register_finalizer: ordered, like tricolor's);
 * by default it runs them itself from allocating threads, and
 * GC_invoke_finalizers runs what is due now. */
void bk_finalizer(bk_thread *t, void *obj, void (*fn)(void *obj, void *arg), void *arg)
{
	(void)t;
	GC_REGISTER_FINALIZER(obj, fn, arg, NULL, NULL);
}
size_t bk_run_finalizers(bk_thread *t)
{
	(void)t;
	return (size_t)GC_invoke_finalizers();
}

/* The nearest libgc has to an ephemeron: the key behind a disappearing
 * link (hidden from the marker, cleared when the key dies), the value
 * strong. A value that references its key keeps it alive for ever. */
typedef struct gc_ephe {
	GC_hidden_pointer key;
	void *value;
} gc_ephe;

void *bk_ephemeron_new(bk_thread *t, void *key, void *value)
{
	(void)t;
	gc_ephe *e = check(GC_MALLOC(sizeof *e), sizeof *e);
	e->key = GC_HIDE_POINTER(key);
	e->value = value;
	if (GC_GENERAL_REGISTER_DISAPPEARING_LINK((void **)&e->key, key) != GC_SUCCESS)
		bk_die("GC_general_register_disappearing_link failed");
	return e;
}
static void *reveal_key(void *e)
{
	GC_hidden_pointer k = ((gc_ephe *)e)->key;
	return k ? GC_REVEAL_POINTER(k) : NULL;
}
void *bk_ephemeron_key(bk_thread *t, void *e)
{
	(void)t;
	return GC_call_with_alloc_lock(reveal_key, e); /* libgc's rule for reading a hidden link */
}
void *bk_ephemeron_value(bk_thread *t, void *e)
{
	return bk_ephemeron_key(t, e) ? ((gc_ephe *)e)->value : NULL;
}
void bk_collect(bk_thread *t)
{
	(void)t;
	GC_gcollect();
}

void bk_root_add(void **slots, size_t n) { GC_add_roots(slots, slots + n); }
void bk_root_remove(void **slots) { (void)slots; }
void bk_safepoint(bk_thread *t) { (void)t; }
void bk_blocking_enter(bk_thread *t) { (void)t; }
void bk_blocking_leave(bk_thread *t) { (void)t; }

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

void bk_stats_read(bk_stats *s)
{
	memset(s, 0, sizeof *s);
	size_t n = atomic_load(&npauses);
	if (n > NB)
		n = NB;
	static uint64_t sorted[NB];
	memcpy(sorted, pauses, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_u64);
	s->cycles = GC_get_gc_no();
	s->pause_count = n;
	if (n) {
		s->pause_p50_ns = sorted[(n - 1) / 2];
		s->pause_p99_ns = sorted[(size_t)((double)(n - 1) * 0.99)];
		s->pause_max_ns = sorted[n - 1];
	}
	s->alloc_bytes = GC_get_total_bytes();
	s->gc_cpu_ns = gc_ns;
	/* Every pause stops every thread: the pauses are the stalls. */
	s->stall_count = n;
	s->stall_p99_ns = s->pause_p99_ns;
	s->stall_max_ns = s->pause_max_ns;
	static tc__ival iv[NB];
	double *mmu[3] = {&s->mmu_1ms, &s->mmu_10ms, &s->mmu_100ms};
	for (int w = 0; w < 3; w++) {
		for (size_t i = 0; i < n; i++)
			iv[i] = (tc__ival){starts[i], starts[i] + pauses[i]};
		*mmu[w] = tc__mmu(iv, n, 0, now() - t_init, (uint64_t)1000000 * (w == 0 ? 1 : w == 1 ? 10 : 100));
	}
}

/* The same histogram format as tricolor's (tc_pause_bucket's buckets). */
int bk_pauses_csv(const char *path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	size_t n = atomic_load(&npauses);
	n = n > NB ? NB : n;
	static uint64_t sorted[NB];
	memcpy(sorted, pauses, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_u64);
	fprintf(f, "lower_ns,upper_ns,count\n");
	for (size_t i = 0; i < n;) {
		uint64_t lo, hi;
		size_t j = i;
		tc_pause_bucket(sorted[i], &lo, &hi);
		while (j < n && sorted[j] < hi)
			j++;
		fprintf(f, "%llu,%llu,%zu\n", (unsigned long long)lo, (unsigned long long)hi, j - i);
		i = j;
	}
	return fclose(f);
}

int bk_cycles_csv(const char *path)
{
	(void)path;
	return -1;
}

/* Stop-the-world pauses only: libgc marks in the pause. */
int bk_intervals_csv(const char *path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	size_t n = atomic_load(&npauses);
	fprintf(f, "start_ns,end_ns,kind,mutator\n");
	for (size_t i = 0; i < n && i < NB; i++)
		fprintf(f, "%llu,%llu,pause,-1\n", (unsigned long long)starts[i], (unsigned long long)starts[i] + pauses[i]);
	return fclose(f);
}

void bk_sample_read(bk_sample *s)
{
	memset(s, 0, sizeof *s);
	s->heap = GC_get_heap_size() - GC_get_free_bytes();
	s->sys = GC_get_heap_size() - GC_get_unmapped_bytes();
}

const char *const *bk_pacers(void)
{
	static const char *const none[] = {NULL};
	return none;
}

void bk_metrics_list(FILE *f) { (void)f; }
void bk_metrics_print(FILE *f) { (void)f; }
