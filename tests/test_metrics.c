/* Metrics consistency: what tc_metrics_read reports must add up.
 *  - heap.alloc.bytes is the sum of the class-rounded sizes of what was
 *    allocated (pages for large objects, plus the header word of traced
 *    types), heap.alloc.objects the count, across threads and detaches;
 *  - every cycle pauses twice, plus once per mark restart, and the pause
 *    histogram's buckets sum to its count, by kind too;
 *  - a mutator's stall is logged without waiting for the log's lock, and
 *    the log still gets every stall, in order.
 * (GOGC=off never collecting unless asked is test_reclaim's.) */
#define TC_GRAPH_HELPERS
#define TC_HOLDER_HELPERS
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "gc.h"

#include "testutil.h"

static size_t rounded(size_t size)
{
	if (size <= TC_MAX_SMALL_SIZE)
		return tc_class_to_size[sizeclass_of(size)];
	return (size + TC_PAGE_SIZE - 1) & ~(size_t)(TC_PAGE_SIZE - 1);
}

static void trace_none(void *obj, tc_visit_fn visit, void *ctx)
{
	(void)obj;
	(void)visit;
	(void)ctx;
}

static const tc_type traced_t = {"traced", 40, NULL, 0, trace_none};

typedef struct {
	tc_heap *h;
	uint64_t seed, bytes, objects;
} alloc_arg;

/* Random sizes from 1 byte to 100 KiB, of every kind; nothing kept. */
static void *alloc_mix(void *p)
{
	alloc_arg *a = p;
	tc_mutator *m = tc_mutator_attach(a->h);
	for (int i = 0; i < 20000; i++) {
		uint64_t r = test_rand(&a->seed);
		size_t size = r % 8 == 0 ? 1 + r % (100 << 10) : 1 + r % 2048;
		switch (r / 8 % 4) {
		case 0:
			assert_non_null(tc_alloc_noscan(m, size));
			a->bytes += rounded(size);
			break;
		case 1:
			assert_non_null(tc_alloc(m, &node_t));
			a->bytes += rounded(sizeof(node));
			break;
		case 2:
			assert_non_null(tc_alloc_array(m, &node_t, 1 + size / 64));
			a->bytes += rounded((1 + size / 64) * sizeof(node));
			break;
		default: /* a traced type carries one header word before the object */
			assert_non_null(tc_alloc(m, &traced_t));
			a->bytes += rounded(traced_t.size + 8);
		}
		a->objects++;
	}
	tc_mutator_detach(m);
	return NULL;
}

static void test_alloc_bytes_is_the_sum_of_rounded_sizes(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	pthread_t t[3];
	alloc_arg a[3];
	for (int i = 0; i < 3; i++) {
		a[i] = (alloc_arg){h, (uint64_t)i * 77 + 5, 0, 0};
		assert_int_equal(pthread_create(&t[i], NULL, alloc_mix, &a[i]), 0);
	}
	uint64_t bytes = 0, objects = 0;
	for (int i = 0; i < 3; i++) {
		pthread_join(t[i], NULL);
		bytes += a[i].bytes;
		objects += a[i].objects;
	}
	assert_int_equal(metric(h, "heap.alloc.bytes"), bytes);
	assert_int_equal(metric(h, "heap.alloc.objects"), objects);
	assert_true(metric(h, "gc.cycles") > 0);
	tc_heap_destroy(h);
}

/* Sum the count column of a pause histogram CSV. */
static uint64_t csv_count_sum(tc_heap *h)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(tc_pauses_write_csv(h, f), 0);
	fclose(f);
	assert_true(strncmp(buf, "lower_ns,upper_ns,count\n", 24) == 0);
	uint64_t sum = 0;
	for (char *p = strchr(buf, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		unsigned long long lo, hi, c;
		assert_int_equal(sscanf(p, "%llu,%llu,%llu", &lo, &hi, &c), 3);
		assert_true(lo < hi && c > 0);
		sum += c;
	}
	free(buf);
	return sum;
}

static void test_pauses_add_up(void **state)
{
	(void)state;
	tc_heap *h = worker_heap(0);
	pthread_t t[2];
	alloc_arg a[2];
	for (int i = 0; i < 2; i++) {
		a[i] = (alloc_arg){h, (uint64_t)i + 1, 0, 0};
		assert_int_equal(pthread_create(&t[i], NULL, alloc_mix, &a[i]), 0);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	tc_mutator *m = tc_mutator_attach(h);
	tc_collect(m); /* one cycle with the only mutator blocked in it */
	tc_mutator_detach(m);
	uint64_t cycles = metric(h, "gc.cycles"), pauses = metric(h, "gc.pause.ns");
	printf("%llu cycles, %llu pauses (handshakes), %llu flush rounds that found work\n", (unsigned long long)cycles,
	       (unsigned long long)pauses, (unsigned long long)metric(h, "gc.mark.rounds"));
	assert_true(cycles >= 2);
	/* Exactly two synchronisations per cycle: marking ends by handshake,
	 * never by restarting a stopped world. */
	assert_int_equal(pauses, 2 * cycles);
	assert_int_equal(metric(h, "gc.pause.sweep_term.ns"), cycles);
	assert_int_equal(metric(h, "gc.pause.mark_term.ns"), cycles);
	assert_int_equal(csv_count_sum(h), pauses);
	assert_true(metric(h, "gc.pause.p50.ns") <= metric(h, "gc.pause.p99.ns"));
	assert_true(metric(h, "gc.pause.p99.ns") <= metric(h, "gc.pause.max.ns"));
	tc_heap_destroy(h);
}

/* One mutator that only allocates and collects: nothing runs during a mark
 * to create late work, so exactly two pauses per cycle. */
/* The one metric list: every listed name reads, names are unique and
 * documented, and an unknown name reads 0 and is not counted. */
static void test_every_listed_metric_reads(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_collect(m);
	size_t n = 0;
	const tc_metric_info *mi = tc_metrics_list(&n);
	assert_true(n >= 30);
	tc_metric got[64];
	assert_true(n + 1 <= sizeof got / sizeof got[0]);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(mi[i].doc);
		assert_true(strlen(mi[i].doc) > 8);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(mi[i].name, mi[k].name);
		got[i] = (tc_metric){mi[i].name, 12345};
	}
	got[n] = (tc_metric){"gc.no.such.metric", 12345};
	assert_int_equal(tc_metrics_read(h, got, n + 1), n);
	assert_int_equal(got[n].value, 0);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(got[i].name, "gc.cycles"))
			assert_int_equal(got[i].value, 1);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_two_pauses_per_cycle(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	for (int i = 0; i < 5; i++)
		tc_collect(m);
	assert_int_equal(metric(h, "gc.cycles"), 5);
	assert_int_equal(metric(h, "gc.pause.ns"), 10);
	assert_int_equal(csv_count_sum(h), 10);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- the interval log and obs.lock (metrics.c, tc__interval_mine) ---- */

/* n stalls of m, 1 us each, ended now; their starts (relative to the log's
 * clock) in starts[]. */
static void stalls(tc_mutator *m, uint64_t *starts, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint64_t t0 = tc__now_ns() - 1000;
		starts[i] = t0 - m->h->obs.start_ns;
		tc__mutator_stall(m, t0, IV_ASSIST);
	}
}

/* The log's last n records are m's stalls that began at starts[], in order. */
static void log_ends_with(tc_heap *h, tc_mutator *m, const uint64_t *starts, unsigned n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(tc_intervals_write_csv(h, f), 0); /* gathers what mutators kept */
	fclose(f);
	lock(&h->obs.lock);
	assert_true(h->obs.nivs >= n);
	for (unsigned i = 0; i < n; i++) {
		const interval *v = &h->obs.ivs[(h->obs.nivs - n + i) % h->obs.ivcap];
		assert_int_equal(v->start_ns, starts[i]);
		assert_int_equal(v->mutator, (int)m->id);
		assert_int_equal(v->kind, IV_ASSIST);
	}
	unlock(&h->obs.lock);
}

/* A stall that ends while obs.lock is held (its holder off its CPU) is
 * kept by its mutator, not waited for; a reader of the log then finds it
 * there, in order, with no further stall to carry it. Before, each of
 * these stalls slept until the holder let go (here 5 s). */
static void test_stall_does_not_wait_for_the_log(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	uint64_t starts[10];
	holder k;
	holder_start(&k, &h->obs.lock, (uint64_t)5000 * 1000000);
	uint64_t t0 = tc__now_ns();
	stalls(m, starts, 10);
	uint64_t took = tc__now_ns() - t0;
	assert_int_equal(atomic_load(&k.held), 1);
	assert_true(took < (uint64_t)1000 * 1000000);
	assert_int_equal(atomic_load(&m->ivkept) - atomic_load(&m->ivtaken), 10);
	holder_stop(&k);
	log_ends_with(h, m, starts, 10);
	assert_int_equal(atomic_load(&m->ivkept), atomic_load(&m->ivtaken));
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* With IVPEND_N stalls kept, the next one waits for the lock rather than
 * lose a record: every stall is in the log, in order. */
static void test_stall_waits_for_the_log_only_when_its_ring_is_full(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	static uint64_t starts[IVPEND_N + 1];
	holder k;
	holder_start(&k, &h->obs.lock, (uint64_t)1000 * 1000000);
	stalls(m, starts, IVPEND_N);
	assert_int_equal(atomic_load(&k.held), 1); /* none of those waited */
	stalls(m, starts + IVPEND_N, 1);
	assert_int_equal(atomic_load(&k.held), 2); /* this one did */
	holder_stop(&k);
	log_ends_with(h, m, starts, IVPEND_N + 1);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* gc.mmu.* cover the whole run: a 5 ms stall, then more stalls than the
 * interval log keeps (IVLOG_N), 30 ns or so each with gaps between; the
 * log has lost the long one, the MMU has not. And a detached mutator's
 * stalls still count. */
static void test_mmu_covers_the_whole_run(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	struct timespec ten_ms = {0, 10000000};
	nanosleep(&ten_ms, NULL); /* the stall below begins after the heap was made */
	tc__mutator_stall(m, tc__now_ns() - (uint64_t)5 * 1000000, IV_WAIT);
	for (unsigned i = 0; i < IVLOG_N + 1000; i++)
		tc__mutator_stall(m, tc__now_ns(), IV_ASSIST);
	/* The log's oldest interval is one of the short ones. */
	tc__intervals_gather(h);
	uint64_t oldest = h->obs.ivs[h->obs.nivs % h->obs.ivcap].end_ns - h->obs.ivs[h->obs.nivs % h->obs.ivcap].start_ns;
	unlock(&h->obs.lock);
	assert_true(oldest < 1000000);
	assert_int_equal(metric(h, "gc.mmu.1ms"), 0);
	assert_true(metric(h, "gc.mmu.10ms") <= 500000);
	/* Another mutator with no stall does not raise the least. */
	tc_mutator_detach(m);
	assert_int_equal(metric(h, "gc.mmu.1ms"), 0);
	tc_heap_destroy(h);
}

/* tc_config.interval_log sets how many intervals the log keeps: the CSV
 * holds the latest that many, in order. */
static void test_interval_log_keeps_what_it_is_told(void **state)
{
	(void)state;
	setenv("TRICOLOR_INTERVALS", "100", 1); /* tc_config.interval_log, through the environment */
	tc_heap *h = precise_heap();
	unsetenv("TRICOLOR_INTERVALS");
	assert_int_equal(h->cfg.interval_log, 100);
	tc_mutator *m = tc_mutator_attach(h);
	uint64_t t0[150];
	for (unsigned i = 0; i < 150; i++) {
		t0[i] = tc__now_ns() - 1000;
		tc__mutator_stall(m, t0[i], IV_ASSIST);
	}
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(tc_intervals_write_csv(h, f), 0);
	rewind(f);
	char line[128];
	unsigned lines = 0;
	unsigned long long first = 0, s, e;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "%llu,%llu", &s, &e) == 2 && lines++ == 0)
			first = s;
	fclose(f);
	assert_int_equal(lines, 100);
	assert_int_equal(first, t0[50] - h->obs.start_ns); /* the 51st stall is the oldest kept */
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_bytes_is_the_sum_of_rounded_sizes),
		cmocka_unit_test(test_pauses_add_up),
		cmocka_unit_test(test_two_pauses_per_cycle),
		cmocka_unit_test(test_stall_does_not_wait_for_the_log),
		cmocka_unit_test(test_stall_waits_for_the_log_only_when_its_ring_is_full),
		cmocka_unit_test(test_every_listed_metric_reads),
		cmocka_unit_test(test_mmu_covers_the_whole_run),
		cmocka_unit_test(test_interval_log_keeps_what_it_is_told),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
