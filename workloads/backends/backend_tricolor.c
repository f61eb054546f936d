/* backend_tricolor.c — tcbench on tricolor: conservative stacks, GC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "cputarget_pacer.h"

const char *const bk_name = "tricolor";
const bool bk_manual = false;
const bool bk_gc = true, bk_ephemerons = true;

static tc_heap *heap;
static double overshoot_p99(void);

int bk_init(const bk_config *cfg)
{
	tc_config c;
	if (tc_config_init(&c) != 0) {
		fprintf(stderr, "tcbench: %s\n", tc_last_error());
		return -1;
	}
	c.gogc = cfg->gogc;
	c.memory_limit = cfg->memlimit;
	c.pacer = cfg->pacer;
	/* A pacer from outside the library (examples/cputarget_pacer.c), run
	 * through the public API beside the built-ins. */
	static tc_pacer outside;
	if (!strcmp(cfg->pacer, "cputarget")) {
		outside = cputarget_pacer(0.25);
		c.pacer_impl = &outside;
	}
	heap = tc_heap_create(&c);
	if (heap == NULL) {
		fprintf(stderr, "tcbench: %s\n", tc_last_error());
		return -1;
	}
	return 0;
}

void bk_fini(void) { tc_heap_destroy(heap); }
bk_thread *bk_attach(void)
{
	tc_mutator *m = tc_mutator_attach(heap);
	if (m == NULL)
		bk_die("tc_mutator_attach: %s", tc_last_error());
	return (bk_thread *)m;
}
void bk_detach(bk_thread *t) { tc_mutator_detach((tc_mutator *)t); }

static void *check(void *p)
{
	if (p == NULL)
		bk_die("allocation failed: %s", tc_last_error());
	return p;
}

void *bk_alloc(bk_thread *t, const wtype *ty) { return check(tc_alloc((tc_mutator *)t, &ty->tc)); }
void *bk_alloc_array(bk_thread *t, const wtype *ty, size_t n)
{
	return check(tc_alloc_array((tc_mutator *)t, &ty->tc, n));
}
void *bk_alloc_noscan(bk_thread *t, size_t bytes) { return check(tc_alloc_noscan((tc_mutator *)t, bytes)); }
void bk_write(bk_thread *t, void **slot, void *val) { tc_write((tc_mutator *)t, slot, val); }
void bk_write_init(bk_thread *t, void **slot, void *val) { tc_write_init((tc_mutator *)t, slot, val); }
void bk_free(bk_thread *t, void *p, size_t size)
{
	(void)t;
	(void)p;
	(void)size;
}
void bk_finalizer(bk_thread *t, void *obj, void (*fn)(void *obj, void *arg), void *arg)
{
	if (tc_set_finalizer((tc_mutator *)t, obj, fn, arg) != 0)
		bk_die("tc_set_finalizer: %s", tc_last_error());
}
size_t bk_run_finalizers(bk_thread *t) { return tc_run_finalizers((tc_mutator *)t); }
void *bk_ephemeron_new(bk_thread *t, void *key, void *value)
{
	return check(tc_ephemeron_new((tc_mutator *)t, key, value));
}
void *bk_ephemeron_key(bk_thread *t, void *e) { return tc_ephemeron_key((tc_mutator *)t, e); }
void *bk_ephemeron_value(bk_thread *t, void *e) { return tc_ephemeron_value((tc_mutator *)t, e); }
void bk_collect(bk_thread *t) { tc_collect((tc_mutator *)t); }
void bk_root_add(void **slots, size_t n) { tc_root_add(heap, slots, n); }
void bk_root_remove(void **slots) { tc_root_remove(heap, slots); }
void bk_safepoint(bk_thread *t) { tc_safepoint((tc_mutator *)t); }
void bk_blocking_enter(bk_thread *t) { tc_blocking_enter((tc_mutator *)t); }
void bk_blocking_leave(bk_thread *t) { tc_blocking_leave((tc_mutator *)t); }

void bk_stats_read(bk_stats *s)
{
	tc_metric m[] = {{"gc.cycles", 0},       {"gc.pause.ns", 0},      {"gc.pause.p50.ns", 0},
			 {"gc.pause.p99.ns", 0}, {"gc.pause.max.ns", 0}, {"heap.alloc.bytes", 0},
			 {"gc.cpu.ns", 0},       {"gc.assist.ns", 0},     {"gc.wait.ns", 0},
			 {"gc.verify.objects", 0}, {"gc.stall.ns", 0},     {"gc.stall.p99.ns", 0},
			 {"gc.stall.max.ns", 0},  {"gc.mmu.1ms", 0},      {"gc.mmu.10ms", 0},
			 {"gc.mmu.100ms", 0}};
	tc_metrics_read(heap, m, sizeof m / sizeof m[0]);
	s->cycles = m[0].value;
	s->pause_count = m[1].value;
	s->pause_p50_ns = m[2].value;
	s->pause_p99_ns = m[3].value;
	s->pause_max_ns = m[4].value;
	s->alloc_bytes = m[5].value;
	s->gc_cpu_ns = m[6].value + m[7].value - m[8].value; /* collector threads and assists, not waits */
	s->overshoot_p99 = overshoot_p99();
	s->verified = m[9].value;
	s->stall_count = m[10].value;
	s->stall_p99_ns = m[11].value;
	s->stall_max_ns = m[12].value;
	s->mmu_1ms = (double)m[13].value / 1e6;
	s->mmu_10ms = (double)m[14].value / 1e6;
	s->mmu_100ms = (double)m[15].value / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* From the per-cycle record: heap at mark termination / the goal the cycle
 * aimed at, the 99th percentile over cycles. */
static double overshoot_p99(void)
{
	char *buf = NULL;
	size_t len = 0, n = 0, cap = 0;
	double *r = NULL;
	FILE *f = open_memstream(&buf, &len);
	if (f == NULL || tc_cycles_write_csv(heap, f) != 0) {
		if (f)
			fclose(f);
		free(buf);
		return 0;
	}
	fclose(f);
	for (char *p = strchr(buf, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
		unsigned long long goal, peak;
		if (sscanf(p + 1, "%*u,%*f,%*u,%llu,%*u,%llu", &goal, &peak) != 2 || goal == 0 || goal == UINT64_MAX)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			double *nr = realloc(r, cap * sizeof *r);
			if (nr == NULL)
				break;
			r = nr;
		}
		r[n++] = (double)peak / (double)goal;
	}
	free(buf);
	double v = 0;
	if (n) {
		qsort(r, n, sizeof *r, cmp_double);
		v = r[(size_t)((double)(n - 1) * 0.99)];
	}
	free(r);
	return v;
}

void bk_sample_read(bk_sample *s)
{
	tc_metric m[] = {{"heap.inuse.bytes", 0}, {"heap.goal.bytes", 0}, {"heap.trigger.bytes", 0},
			 {"heap.sys.bytes", 0}, {"heap.released.bytes", 0}};
	tc_metrics_read(heap, m, 5);
	s->sys = m[3].value - m[4].value;
	s->heap = m[0].value;
	s->goal = m[1].value == UINT64_MAX ? 0 : m[1].value;
	s->trigger = m[2].value == UINT64_MAX ? 0 : m[2].value;
}

static int write_with(const char *path, int (*fn)(tc_heap *, FILE *))
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	int rc = fn(heap, f);
	return fclose(f) == 0 ? rc : -1;
}

int bk_cycles_csv(const char *path) { return write_with(path, tc_cycles_write_csv); }
int bk_intervals_csv(const char *path) { return write_with(path, tc_intervals_write_csv); }

int bk_pauses_csv(const char *path) { return write_with(path, tc_pauses_write_csv); }

const char *const *bk_pacers(void)
{
	static const char *all[16];
	if (all[0] == NULL) {
		size_t n = 0;
		for (const char *const *p = tc_pacer_list(); *p != NULL && n < 14; p++)
			all[n++] = *p;
		all[n] = "cputarget";
	}
	return all;
}

void bk_metrics_list(FILE *f)
{
	size_t n;
	const tc_metric_info *mi = tc_metrics_list(&n);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%-28s %s\n", mi[i].name, mi[i].doc);
}

void bk_metrics_print(FILE *f)
{
	size_t n;
	const tc_metric_info *mi = tc_metrics_list(&n);
	tc_metric *m = calloc(n, sizeof *m);
	if (m == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		m[i].name = mi[i].name;
	tc_metrics_read(heap, m, n);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "metric %s=%llu\n", m[i].name, (unsigned long long)m[i].value);
	free(m);
}
