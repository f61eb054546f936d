/*
 * test_conservative.c — what the libgc shim stands on, tested inside the
 * library: the conservative object kind (every word a possible pointer;
 * interior and just-past-the-end pointers keep an object; a word at a free
 * slot or outside the heap keeps nothing), large conservative objects across
 * oblets, conservative root ranges, and marking with no barrier and no
 * mutator running (stw_mark) under the verifier, with threads storing plain
 * pointers.
 */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#define TC_GRAPH_HELPERS
#include "testutil.h"
#include "gc.h"

static void *croots[4]; /* a conservative root range */

static bool allocated(tc_heap *h, const void *p) { return tc__mheap_find_object(&h->mh, (uintptr_t)p, NULL) != 0; }

static void collect2(tc_mutator *m)
{
	tc_collect(m);
	tc_collect(m);
}

static void test_cons_words(void **state)
{
	(void)state;
	tc_heap *h = precise_heap(); /* no stack word keeps anything: exact */
	tc_mutator *m = tc_mutator_attach(h);
	tc__root_add_cons(h, croots, 4);
	uintptr_t *a = tc__alloc_kind(m, 8 * 8, SK_CONS, "test");
	char *b = tc__alloc_kind(m, 100, SK_NOSCAN, "test");
	uintptr_t *c = tc__alloc_kind(m, 48 + 1, SK_CONS, "test"); /* with libgc's pad */
	uintptr_t *d = tc__alloc_kind(m, 24, SK_CONS, "test");
	uintptr_t *gone = tc__alloc_kind(m, 64, SK_CONS, "test");
	assert_non_null(a);
	assert_non_null(d);
	memset(b, 'b', 100);
	c[0] = 0xc0ffee;
	a[0] = (uintptr_t)(b + 50);      /* interior */
	a[1] = (uintptr_t)c + 48;        /* just past the 48 bytes asked for */
	a[2] = 0x12345;                  /* not a pointer */
	a[3] = (uintptr_t)d | 1;         /* a tagged pointer: interior too */
	a[4] = (uintptr_t)&croots[0];    /* outside the heap */
	croots[1] = (char *)a + 8;       /* the only root: interior */
	collect2(m);
	assert_false(allocated(h, gone));
	a[5] = (uintptr_t)gone; /* a stale word at a free slot keeps nothing */
	collect2(m);
	assert_true(allocated(h, a));
	assert_true(allocated(h, b));
	assert_true(allocated(h, c));
	assert_true(allocated(h, d));
	assert_false(allocated(h, gone));
	assert_int_equal(b[99], 'b');
	assert_int_equal(c[0], 0xc0ffee);
	croots[1] = NULL;
	collect2(m);
	assert_false(allocated(h, a));
	assert_false(allocated(h, b));
	assert_false(allocated(h, c));
	tc_root_remove(h, croots);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* A large conservative object is scanned in oblets: a pointer in its last
 * word, three oblets in, keeps its target. */
static void test_cons_large(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc__root_add_cons(h, croots, 4);
	size_t n = (400u << 10) / 8;
	uintptr_t *big = tc__alloc_kind(m, n * 8, SK_CONS, "test");
	uintptr_t *t1 = tc__alloc_kind(m, 32, SK_CONS, "test");
	uintptr_t *t2 = tc__alloc_kind(m, 50000, SK_NOSCAN, "test");
	assert_non_null(big);
	big[n - 1] = (uintptr_t)t1;
	big[n / 2] = (uintptr_t)t2 + 49999;
	croots[0] = big;
	collect2(m);
	assert_true(allocated(h, t1));
	assert_true(allocated(h, t2));
	big[n - 1] = 0;
	collect2(m);
	assert_false(allocated(h, t1));
	assert_true(allocated(h, t2));
	croots[0] = NULL;
	collect2(m);
	assert_false(allocated(h, big));
	assert_false(allocated(h, t2));
	tc_root_remove(h, croots);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- marking with no barrier: threads store plain pointers ---- */

#define GRAPH_N 512
#define CNODE_WORDS 4
#define CNODE_MAGIC 0x636f6e73u
static _Atomic(uintptr_t *) graph[GRAPH_N]; /* registered as a conservative range */
static atomic_int stop_flag;

typedef struct stwarg {
	tc_heap *h;
	uint64_t seed;
	uint64_t allocs;
} stwarg;

static uintptr_t *cnode(tc_mutator *m)
{
	uintptr_t *p = tc__alloc_kind(m, CNODE_WORDS * 8, SK_CONS, "test");
	assert_non_null(p);
	__atomic_store_n(&p[0], CNODE_MAGIC, __ATOMIC_RELAXED); /* published by a seq_cst store of p */
	return p;
}

static void check_cnode(const uintptr_t *p)
{
	if (p != NULL && __atomic_load_n(&p[0], __ATOMIC_SEQ_CST) != CNODE_MAGIC)
		fail_msg("node %p was freed while reachable (word 0 is %#lx)", (void *)p, (unsigned long)p[0]);
}

static void *stw_mutator(void *arg)
{
	stwarg *a = arg;
	tc_mutator *m = tc_mutator_attach(a->h);
	uint64_t s = a->seed;
	while (!atomic_load(&stop_flag)) {
		size_t i = test_rand(&s) % GRAPH_N, j = test_rand(&s) % GRAPH_N;
		uintptr_t *n = atomic_load_explicit(&graph[i], memory_order_seq_cst);
		check_cnode(n);
		switch (test_rand(&s) % 4) {
		case 0: { /* a new node, its only path through graph[j]'s field, interior */
			uintptr_t *x = cnode(m);
			uintptr_t *g = atomic_load_explicit(&graph[j], memory_order_seq_cst);
			if (g != NULL)
				__atomic_store_n(&g[1 + test_rand(&s) % 3], (uintptr_t)x + 8, __ATOMIC_SEQ_CST);
			break;
		}
		case 1: /* the only path moves from a field to the root table */
			if (n != NULL) {
				uintptr_t f = __atomic_exchange_n(&n[1], 0, __ATOMIC_SEQ_CST);
				if (f != 0) {
					check_cnode((uintptr_t *)(f & ~(uintptr_t)15));
					atomic_store_explicit(&graph[j], (uintptr_t *)(f & ~(uintptr_t)15), memory_order_seq_cst);
				}
			}
			break;
		case 2:
			atomic_store_explicit(&graph[j], cnode(m), memory_order_seq_cst);
			break;
		default: /* garbage */
			for (int k = 0; k < 8; k++)
				tc__alloc_kind(m, 16 + 16 * (size_t)k, k & 1 ? SK_NOSCAN : SK_CONS, "test");
			a->allocs += 8;
		}
		a->allocs++;
	}
	tc_mutator_detach(m);
	return NULL;
}

/* Mostly-concurrent marking (gc/dirty.c) needs the write faults the shim's
 * SIGSEGV handler catches (compat/vdb.c); here, this one. */
static tc_heap *fault_heap;
static atomic_ulong faults;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (si->si_code == SEGV_ACCERR && tc__dirty_fault(fault_heap, (uintptr_t)si->si_addr) > 0) {
		atomic_fetch_add(&faults, 1);
		return;
	}
	abort(); /* a fault that is not the heap's: a bug here */
}

static void dirty_heap(tc_heap *h)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGSEGV, &sa, NULL), 0);
	fault_heap = h;
	h->stw_mark = 1;
	atomic_store(&h->dirty_req, 1);
}

/* The process's mappings now (lines of /proc/self/maps). */
static size_t count_maps(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	size_t n = 0;
	int c;
	if (f == NULL)
		return 0;
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

/* split_max: the mappings a cycle's protections and lifts may add (0: the
 * library's DIRTY_SPLIT_MAX). */
static void plain_stores(bool dirty, uint32_t split_max)
{
	tc_heap *h = precise_heap(); /* the verifier on; roots: the graph table */
	h->stw_mark = 1;
	h->dirty_split_max = split_max;
	if (dirty)
		dirty_heap(h);
	atomic_store(&stop_flag, 0);
	tc__root_add_cons(h, (void **)graph, GRAPH_N);
	tc_mutator *m = tc_mutator_attach(h);
	for (size_t i = 0; i < GRAPH_N; i++)
		atomic_store(&graph[i], cnode(m));
	tc_blocking_enter(m);
	const char *ntv = getenv("TC_NT");
	int NT = ntv ? atoi(ntv) : 4;
	pthread_t t[16];
	stwarg args[16];
	for (int i = 0; i < NT; i++) {
		args[i] = (stwarg){h, 0x9e3779b97f4a7c15ull * (uint64_t)(i + 1), 0};
		assert_int_equal(pthread_create(&t[i], NULL, stw_mutator, &args[i]), 0);
	}
	size_t maxmaps = 0;
	/* 1.5 s, and longer (up to 20 s) until two cycles ran: under TSan a
	 * mostly-concurrent cycle of these threads can take over a second. */
	for (int k = 0; k < 150 || (k < 2000 && metric(h, "gc.cycles") < 2); k++) {
		struct timespec ts = {0, 10000000};
		nanosleep(&ts, NULL);
		size_t n = count_maps();
		maxmaps = n > maxmaps ? n : maxmaps;
	}
	atomic_store(&stop_flag, 1);
	for (int i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	tc_blocking_leave(m);
	uint64_t cycles = metric(h, "gc.cycles");
	print_message("%s: %llu cycles, verified %llu objects, %llu dirty pages, %lu write faults, at most %zu mappings\n",
		      dirty ? "mostly-concurrent" : "stw_mark", (unsigned long long)cycles,
		      (unsigned long long)metric(h, "gc.verify.objects"), (unsigned long long)metric(h, "gc.dirty.pages"),
		      atomic_load(&faults), maxmaps);
	assert_true(cycles >= 2);
	if (dirty)
		assert_true(metric(h, "gc.dirty.pages") > 0);
	if (dirty && split_max == 0)
		assert_true(atomic_load(&faults) > 0);
	/* Protected runs and lifted pages split mappings; unbounded, these
	 * threads reached 38,000-59,000 of the kernel's 65,530, and then a
	 * lift or an mmap failed (one run in 50-100 aborted). */
	assert_true(maxmaps < 24000);
	for (size_t i = 0; i < GRAPH_N; i++)
		check_cnode(atomic_load(&graph[i]));
	tc_root_remove(h, (void **)graph);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void test_stw_mark_plain_stores(void **state)
{
	(void)state;
	plain_stores(false, 0);
}

/* The same threads, marked mostly concurrently: they run through the mark,
 * their stores caught by page, under the verifier. */
static void test_dirty_mark_plain_stores(void **state)
{
	(void)state;
	plain_stores(true, 0);
}

/* The same with a budget of 64 new mappings a cycle: nearly every run is
 * left unprotected and dirty, and a fault lifts its whole arena. The
 * verifier checks each mark. */
static void test_dirty_mark_past_the_mapping_budget(void **state)
{
	(void)state;
	plain_stores(true, 64);
}

/* The race a mostly-concurrent mark exists to win, made to happen: while
 * the controller waits in its mark hook (roots greyed, nothing scanned),
 * the mutator allocates A (black: its stack was scanned), moves the only
 * path to a white B from C (grey) into A, and lets the mark go on. C's
 * scan finds no B; A, black, is never scanned for itself. Only A's page,
 * dirtied by the store, brings B back (pre-cleaning or the hold). Without
 * the rescan, B is swept while reachable: the verifier aborts, and B's
 * magic word is gone. */
static void *hide_roots[2];
static tc_heap *hide_h;

static void hide_hook(tc_heap *h, void *arg)
{
	(void)h;
	(void)arg;
	set_stage(1);
	wait_stage(2);
}

static void *hide_collector(void *arg)
{
	(void)arg;
	tc_mutator *t = tc_mutator_attach(hide_h);
	tc_collect(t);
	tc_mutator_detach(t);
	set_stage(3);
	return NULL;
}

static void test_dirty_mark_hidden_store(void **state)
{
	(void)state;
	tc_heap *h = hide_h = precise_heap(); /* stacks are no roots: only hide_roots */
	dirty_heap(h);
	tc__root_add_cons(h, hide_roots, 2);
	tc_mutator *m = tc_mutator_attach(h);
	uintptr_t *c = tc__alloc_kind(m, 64, SK_CONS, "test"), *b = tc__alloc_kind(m, 64, SK_CONS, "test");
	b[0] = CNODE_MAGIC;
	c[1] = (uintptr_t)b;
	hide_roots[0] = c;
	b = NULL;
	stage = 0;
	atomic_store(&faults, 0);
	h->mark_hook = hide_hook;
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, hide_collector, NULL), 0);
	wait_stage_blocked(m, 1); /* answered for: barrier on, stack scanned, allocating black */
	assert_int_equal(atomic_load(&h->phase), GC_MARK);
	assert_false(mutator_held(m)); /* runs through the mark */
	uintptr_t *a = tc__alloc_kind(m, 64, SK_CONS, "test");
	assert_true(span_marked(mheap_span_of(&h->mh, (uintptr_t)a),
				span_obj_index(mheap_span_of(&h->mh, (uintptr_t)a), (uintptr_t)a))); /* black */
	uintptr_t hidden = c[1];
	assert_false(span_marked(mheap_span_of(&h->mh, hidden), span_obj_index(mheap_span_of(&h->mh, hidden), hidden)));
	c[1] = 0;      /* B's old path gone before C is scanned */
	a[2] = hidden; /* its new one in a black object */
	hide_roots[1] = a;
	*(volatile uintptr_t *)&hidden = 0; /* no copy left on the stack (volatile: the store is kept) */
	set_stage(2);
	wait_stage_blocked(m, 3);
	h->mark_hook = NULL;
	pthread_join(t, NULL);
	assert_true(atomic_load(&faults) > 0); /* C's and A's pages were protected */
	b = (uintptr_t *)a[2];
	assert_true(allocated(h, b));
	assert_int_equal(b[0], CNODE_MAGIC);
	tc_collect(m); /* and it stays */
	assert_true(allocated(h, b));
	assert_int_equal(b[0], CNODE_MAGIC);
	tc_root_remove(h, hide_roots);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* The write fault beside a pre-cleaning round (tc__dirty_fault): the
 * handler lifts the page and marks it dirty; a round that clears the bit
 * and protects the page again may fall between the two. The handler is
 * held there (fault_hook) while this thread runs the round. With the bit
 * set before the lift, the round cleared it, the lift undid its
 * protection, and the write went through with the page clean: lost to the
 * hold (it was Neko's threads' lost subtrees). The bit must stand. */
static atomic_int fr_stage;
static uintptr_t *volatile fr_obj;

static void fr_hook(tc_heap *h, uintptr_t pg)
{
	(void)h;
	(void)pg;
	int first = 0;
	if (!atomic_compare_exchange_strong(&fr_stage, &first, 1))
		return; /* the write faults again once the round protects the page */
	while (atomic_load(&fr_stage) != 2)
		sched_yield();
}

static void *fr_writer(void *arg)
{
	(void)arg;
	fr_obj[1] = 42; /* faults: the page is protected */
	return NULL;
}

static bool page_dirty(tc_heap *h, uintptr_t p)
{
	heaparena *ha = mheap_arena_of(&h->mh, p);
	uintptr_t pg = (p - ha->base) >> TC_PAGE_SHIFT;
	return (__atomic_load_n(&ha->dirty[pg / 64], __ATOMIC_SEQ_CST) >> (pg % 64)) & 1;
}

static void test_dirty_fault_beside_preclean(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	dirty_heap(h);
	tc_mutator *m = tc_mutator_attach(h);
	uintptr_t *o = tc__alloc_kind(m, 64, SK_CONS, "test");
	fr_obj = o;
	tc__dirty_cycle_start(h); /* as a cycle begins: o's page protected, every bit clear */
	assert_int_equal(atomic_load(&h->dirty_mark), 1);
	assert_false(page_dirty(h, (uintptr_t)o));
	mheap_set_dirty(&h->mh, (uintptr_t)o, 1); /* as if written since: the round takes it */
	atomic_store(&fr_stage, 0);
	h->fault_hook = fr_hook;
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, fr_writer, NULL), 0);
	while (atomic_load(&fr_stage) != 1)
		sched_yield();
	gcwork w;
	tc__gcw_init(&w, h);
	assert_true(tc__dirty_preclean(h, &w) >= 1); /* between the handler's two steps */
	atomic_store(&fr_stage, 2);
	pthread_join(t, NULL);
	h->fault_hook = NULL;
	assert_int_equal(o[1], 42);
	assert_true(page_dirty(h, (uintptr_t)o)); /* the write is the hold's to see */
	tc__gcw_dispose(&w);
	atomic_store(&h->mh.dirty_new, 0);
	tc__dirty_cycle_end(h); /* every protection lifted */
	o[2] = 7;
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cons_words),
		cmocka_unit_test(test_cons_large),
		cmocka_unit_test(test_stw_mark_plain_stores),
		cmocka_unit_test(test_dirty_mark_plain_stores),
		cmocka_unit_test(test_dirty_mark_past_the_mapping_budget),
		cmocka_unit_test(test_dirty_mark_hidden_store),
		cmocka_unit_test(test_dirty_fault_beside_preclean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
