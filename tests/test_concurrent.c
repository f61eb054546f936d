/* The cases that break a wrong concurrent collector, with the verifier on:
 * a pointer moved from the heap to a scanned stack and back (the deletion
 * barrier), late grey work found at mark termination, new objects linked into
 * old ones while marking, and several threads doing all of it at once while
 * another thread collects back to back. */
#define TC_GRAPH_HELPERS
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "testutil.h"
#include "gc.h"

static node *groot;

/* ---- deterministic: the deletion barrier, and late grey work ---- */


/* Runs in the controller after the blocked test thread's stack was scanned
 * and before any grey object is scanned: A is grey, Y (A's child) white. */
static void mid_mark(tc_heap *h, void *arg)
{
	(void)h;
	(void)arg;
	set_stage(2); /* the mutator moves Y from the heap to its (scanned) frame */
	wait_stage(3);
}

static void *mover(void *arg)
{
	tc_mutator *m = arg;
	node *frame[1] = {NULL};
	tc_roots_push(m, (void **)frame, 1);
	tc_blocking_enter(m);
	set_stage(1);
	wait_stage(2);
	tc_blocking_leave(m);
	frame[0] = groot->next;               /* Y now lives in a scanned frame only */
	tc_write(m, (void **)&groot->next, NULL); /* the deletion barrier must shade Y */
	tc_blocking_enter(m);
	set_stage(3);
	wait_stage(4);
	tc_blocking_leave(m);
	check_list(frame[0], 50); /* Y and its list survived */
	tc_write(m, (void **)&groot->next, frame[0]); /* and goes back */
	tc_roots_pop(m);
	return NULL;
}

static void *attach_and_move(void *arg)
{
	tc_heap *h = arg;
	tc_mutator *m = tc_mutator_attach(h);
	mover(m);
	tc_mutator_detach(m);
	return NULL;
}

static void test_pointer_moved_from_heap_to_scanned_stack_survives(void **state)
{
	(void)state;
	tc_heap *h = precise_heap(); /* the verifier is on */
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&groot, 1);
	tc_write(m, (void **)&groot, new_node(m, 0)); /* A */
	node *y = NULL;
	tc_roots_push(m, (void **)&y, 1);
	build_list(m, &y, 50);
	tc_write(m, (void **)&groot->next, y); /* A -> Y -> ... */
	tc_roots_pop(m);
	stage = 0;
	h->mark_hook = mid_mark;
	pthread_t t;
	pthread_create(&t, NULL, attach_and_move, h);
	wait_stage(1);
	uint64_t loops0 = atomic_load(&h->obs.late_work);
	tc_collect(m);
	h->mark_hook = NULL;
	/* Y reached the collector only through the barrier buffer, flushed at
	 * mark termination (the ragged barrier, or the final stop): late grey
	 * work, so marking went round again. */
	assert_true(atomic_load(&h->obs.late_work) > loops0);
	set_stage(4);
	pthread_join(t, NULL);
	tc_collect(m);
	check_list(groot->next, 50);
	assert_int_equal(metric(h, "heap.live.bytes"), 51 * 32);
	tc_root_remove(h, (void **)&groot);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- deterministic: an assist past the hard goal takes shared work ---- */

enum { HEADS = 64, HEAD_LEN = 100 };
static node *heads[HEADS];
static atomic_int waiter_seen;       /* the hook saw the assist waiting for work */
static _Atomic uint64_t assist_scanned; /* what the assisting thread scanned, ever */
static _Atomic int assist_phase;     /* the phase when its allocation returned */

static bool stage_by(int s, int ms)
{
	for (int i = 0; i < ms; i++) {
		if (stage_now() >= s)
			return true;
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
	return false;
}

/* The lists' heads greyed into priv, a gcwork no marker sees. */
static void grey_heads_privately(tc_heap *h, gcwork *priv)
{
	tc__gcw_init(priv, h);
	for (int i = 0; i < HEADS; i++)
		tc__grey_conservative((uintptr_t)heads[i], priv);
}

/* In the controller, after phase MARK and before it greys the global roots:
 * grey the lists' heads into a private gcwork, so that the controller finds
 * them marked and holds nothing, and the global lists are empty. With the
 * heap past the hard goal, the other thread's allocation assists, finds no
 * work and waits. Then the work is published (putfull, as a marker sharing
 * it does) while this hook still holds the mark open: the assist must wake,
 * mark it, and return with marking still under way. An assist that waited
 * for the mark's end instead would still be waiting when the hook gives up. */
static void hold_work_hook(tc_heap *h, void *arg)
{
	(void)arg;
	gcwork priv;
	grey_heads_privately(h, &priv);
	uint64_t goal = atomic_load(&h->pacer.goal);
	atomic_store(&h->pacer.goal, 1); /* past the hard goal */
	set_stage(2);
	for (int i = 0; i < 5000 && !atomic_load(&waiter_seen); i++) {
		lock(&h->work.lock);
		atomic_store(&waiter_seen, h->work.nhungry == 1);
		unlock(&h->work.lock);
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
	tc__gcw_dispose(&priv);
	stage_by(3, 5000);
	atomic_store(&h->pacer.goal, goal);
}

static void *hard_assister(void *arg)
{
	tc_mutator *m = tc_mutator_attach(arg);
	set_stage(1);
	wait_stage_blocked(m, 2);
	uint64_t before = m->gcw.scan_bytes;
	assert_non_null(tc_alloc_noscan(m, 64 << 10)); /* a large object: the slow path, and its assist */
	atomic_store(&assist_scanned, m->gcw.scan_bytes - before);
	atomic_store(&assist_phase, atomic_load(&m->h->phase));
	set_stage(3);
	tc_mutator_detach(m);
	return NULL;
}

/* The lists built and rooted; thread started, to reach stage 1; one
 * collection with hook as the roots hook, the thread joined, checks run;
 * then a second collection, which must keep every list. */
static void collect_with_hook(void *(*thread)(void *), void (*hook)(tc_heap *h, void *arg), void (*checks)(void))
{
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)heads, HEADS);
	for (int i = 0; i < HEADS; i++)
		build_list(m, &heads[i], HEAD_LEN);
	stage = 0;
	pthread_t t;
	pthread_create(&t, NULL, thread, h);
	wait_stage(1);
	h->roots_hook = hook;
	tc_collect(m);
	h->roots_hook = NULL;
	pthread_join(t, NULL);
	checks();
	tc_collect(m);
	for (int i = 0; i < HEADS; i++)
		check_list(heads[i], HEAD_LEN);
	tc_root_remove(h, (void **)heads);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static void hard_goal_checks(void)
{
	assert_true(atomic_load(&waiter_seen));         /* it waited, for want of work */
	assert_true(atomic_load(&assist_scanned) > 0);  /* then marked what was shared */
	assert_int_equal(atomic_load(&assist_phase), GC_MARK); /* before the mark's end */
}

static void test_hard_goal_assist_takes_shared_work(void **state)
{
	(void)state;
	atomic_store(&waiter_seen, 0);
	collect_with_hook(hard_assister, hold_work_hook, hard_goal_checks);
}

/* ---- deterministic: an assist with no grey work to take is no stall ---- */

static _Atomic uint64_t empty_stalls, empty_scanned, full_stalls, full_scanned;
static atomic_int empty_hungry;

/* In the controller, before it greys the global roots: the lists' heads
 * greyed into a private gcwork, so that the global list is empty while a
 * mutator in debt allocates (stage 2); then published (stage 4) for a
 * second allocation in debt. */
static void idle_work_hook(tc_heap *h, void *arg)
{
	(void)arg;
	gcwork priv;
	grey_heads_privately(h, &priv);
	atomic_store(&h->pacer.bg_credit, 0); /* no banked credit to pay the debt with */
	atomic_store(&h->work.hungry, 0);
	set_stage(2);
	stage_by(3, 5000);
	tc__gcw_dispose(&priv);
	set_stage(4);
	stage_by(5, 5000);
}

static void *debt_assister(void *arg)
{
	tc_heap *h = arg;
	tc_mutator *m = tc_mutator_attach(h);
	set_stage(1);
	wait_stage_blocked(m, 2);
	m->assist_credit = 0;
	assert_non_null(tc_alloc_noscan(m, 64 << 10)); /* the slow path: its safepoint scans this stack */
	uint64_t st = atomic_load(&h->obs.stalls.count), sb = m->gcw.scan_bytes;
	m->assist_credit = -((int64_t)1 << 20);
	assert_non_null(tc_alloc_noscan(m, 64 << 10));
	atomic_store(&empty_stalls, atomic_load(&h->obs.stalls.count) - st);
	atomic_store(&empty_scanned, m->gcw.scan_bytes - sb);
	atomic_store(&empty_hungry, atomic_load(&h->work.hungry));
	set_stage(3);
	wait_stage_blocked(m, 4);
	st = atomic_load(&h->obs.stalls.count), sb = m->gcw.scan_bytes;
	m->assist_credit = -((int64_t)1 << 20);
	assert_non_null(tc_alloc_noscan(m, 64 << 10));
	atomic_store(&full_stalls, atomic_load(&h->obs.stalls.count) - st);
	atomic_store(&full_scanned, m->gcw.scan_bytes - sb);
	set_stage(5);
	tc_mutator_detach(m);
	return NULL;
}

static void no_stall_checks(void)
{
	assert_int_equal(atomic_load(&empty_stalls), 0);
	assert_int_equal(atomic_load(&empty_scanned), 0);
	assert_int_equal(atomic_load(&empty_hungry), 1);
	assert_true(atomic_load(&full_stalls) >= 1);
	assert_true(atomic_load(&full_scanned) > 0);
}

/* Below the hard goal, a mutator in debt with no grey work anywhere to take
 * says so (work.hungry, for the markers to share) and goes on: no assist,
 * no stall logged. Before, each such slow path ran an empty assist (the
 * global list's lock, the clock, the interval log): on binary-trees most of
 * 230,000 stalls a run. With work on the global list it assists as before. */
static void test_assist_without_work_is_no_stall(void **state)
{
	(void)state;
	collect_with_hook(debt_assister, idle_work_hook, no_stall_checks);
}

/* ---- deterministic: an assist does not wait for work.lock ---- */

static _Atomic uint64_t locked_alloc_ns, locked_greyed, locked_kept;

/* In the controller, once marking runs: wait for the mutator to grey the
 * lists' heads into its own gcwork (stage 3), then hold work.lock, as a
 * marker descheduled inside it would, while the mutator allocates in debt
 * (stage 4 to 5). */
static void lock_held_hook(tc_heap *h, void *arg)
{
	(void)arg;
	atomic_store(&h->pacer.bg_credit, 0);
	atomic_store(&h->work.hungry, 0);
	set_stage(2);
	stage_by(3, 5000);
	lock(&h->work.lock);
	set_stage(4);
	stage_by(5, 5000);
	unlock(&h->work.lock);
}

static void *locked_assister(void *arg)
{
	tc_heap *h = arg;
	tc_mutator *m = tc_mutator_attach(h);
	set_stage(1);
	wait_stage_blocked(m, 2);
	tc_safepoint(m); /* its stack scan: answered before the lock is held */
	for (int i = 0; i < HEADS; i++)
		tc__grey_conservative((uintptr_t)heads[i], &m->gcw);
	set_stage(3);
	wait_stage(4);
	uint64_t g0 = atomic_load(&h->work.greyed), t0 = tc__now_ns();
	m->assist_credit = -1024;
	assert_non_null(tc_alloc_noscan(m, 64 << 10)); /* the slow path: an assist on its own grey work */
	atomic_store(&locked_alloc_ns, tc__now_ns() - t0);
	atomic_store(&locked_greyed, atomic_load(&h->work.greyed) - g0);
	atomic_store(&locked_kept, m->gcw.qtail - m->gcw.qhead + (m->gcw.wbuf1 ? m->gcw.wbuf1->nobj : 0));
	set_stage(5);
	tc_mutator_detach(m);
	return NULL;
}

static void lock_held_checks(void)
{
	assert_true(atomic_load(&locked_alloc_ns) < (uint64_t)2000 * 1000000); /* not the hook's 5 s */
	assert_true(stage_now() >= 5);
	assert_true(atomic_load(&locked_greyed) > 0); /* its greying counted at once */
	assert_true(atomic_load(&locked_kept) > 0);   /* and the rest of its work kept */
}

/* An assist that ends while work.lock is held (its holder off its CPU)
 * neither sleeps on it to hand its grey work over nor to share it: it keeps
 * the work, publishes its greyed count, and goes on; the work is handed over
 * at its detach here, and the second collection finds every list whole.
 * Before, the service loop's two mutators slept on the lock after their
 * assists 370 times in 2 s, up to 2.2 ms. */
static void test_assist_does_not_wait_for_work_lock(void **state)
{
	(void)state;
	collect_with_hook(locked_assister, lock_held_hook, lock_held_checks);
}

/* ---- randomized: many threads, many cycles ---- */

/* The table's slots lie STRIDE apart in one registered range of three
 * times the controller's root step (ROOT_STEP, gc.c: 4,096 slots), so its
 * root scan goes in steps, the roots lock released between them, while
 * the mutators store into slots on both sides of each step's edge. */
enum { SLOTS = 256, STRIDE = 48, MAXTHREADS = 16 };
static int nthreads = 4; /* TC_STRESS_THREADS */
static node *rootarea[SLOTS * STRIDE];
#define table(i) rootarea[(size_t)(i) * STRIDE]
static atomic_int stop;

static uint64_t ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Shared slots are read once, with acquire order: other threads publish
 * objects into them with tc_write (a release store). */
static node *ld(node *const *slot) { return __atomic_load_n(slot, __ATOMIC_ACQUIRE); }

static void *collector(void *arg)
{
	tc_mutator *m = tc_mutator_attach(arg);
	while (!atomic_load(&stop))
		tc_collect(m);
	tc_mutator_detach(m);
	return NULL;
}

__attribute__((noinline)) static void hide_and_restore(tc_mutator *m, unsigned slot)
{
	node *volatile held = ld(&table(slot)); /* only on the stack now */
	tc_write(m, (void **)&table(slot), NULL);
	for (int i = 0; i < 50; i++)
		new_node(m, 0); /* let cycles go by */
	if (held)
		assert_int_equal(held->magic, NODE_MAGIC);
	tc_write(m, (void **)&table(slot), held);
}

/* A fresh object's NULL slot: an initialising store half the time (tc_write_init's contract holds), tc_write
 * the other half, so that both run against the same races. */
static void init_store(tc_mutator *m, uint64_t *seed, void **slot, void *val)
{
	if (test_rand(seed) & 1)
		tc_write_init(m, slot, val);
	else
		tc_write(m, slot, val);
}

static void *mutator_thread(void *arg)
{
	tc_heap *h = arg;
	tc_mutator *m = tc_mutator_attach(h);
	uint64_t seed = (uint64_t)(uintptr_t)m;
	while (!atomic_load(&stop)) {
		tc_safepoint(m); /* the loop may go on without allocating */
		unsigned a = (unsigned)(test_rand(&seed) % SLOTS), b = (unsigned)(test_rand(&seed) % SLOTS);
		node *ta = ld(&table(a));
		switch (test_rand(&seed) % 4) {
		case 0: /* a new object linked into an old one */
			if (ta) {
				node *n = new_node(m, 1);
				init_store(m, &seed, (void **)&n->next, ld(&table(b)));
				tc_write(m, (void **)&ta->other, n);
			} else {
				tc_write(m, (void **)&table(a), new_node(m, 2));
			}
			break;
		case 1: /* the only pointer goes to the stack and comes back */
			hide_and_restore(m, a);
			break;
		case 2: /* a chain built while marking, hung off an old object */
			if (ta) {
				node *head = NULL;
				for (int i = 0; i < 20; i++) {
					node *x = new_node(m, 3);
					init_store(m, &seed, (void **)&x->next, head);
					head = x;
				}
				tc_write(m, (void **)&ta->next, head);
			}
			break;
		default: /* rewire */
			tc_write(m, (void **)&table(a), ld(&table(b)));
		}
		/* Walk a little: every reachable object must be intact. */
		size_t steps = 0;
		for (node *x = ld(&table(a)); x && steps < 1000; x = ld(&x->next), steps++) {
			assert_int_equal(x->magic, NODE_MAGIC);
			node *o = ld(&x->other);
			if (o)
				assert_int_equal(o->magic, NODE_MAGIC);
		}
	}
	tc_mutator_detach(m);
	return NULL;
}

/* Run the mutators and a back-to-back collector on h for ms; h stays. */
static void run_random_keep(tc_heap *h, unsigned ms)
{
	memset(rootarea, 0, sizeof rootarea);
	tc_root_add(h, (void **)rootarea, SLOTS * STRIDE);
	atomic_store(&stop, 0);
	pthread_t c, t[MAXTHREADS];
	pthread_create(&c, NULL, collector, h);
	for (int i = 0; i < nthreads; i++)
		pthread_create(&t[i], NULL, mutator_thread, h);
	uint64_t end = ms_now() + ms;
	while (ms_now() < end) {
		struct timespec ts = {0, 20000000};
		nanosleep(&ts, NULL);
	}
	atomic_store(&stop, 1);
	for (int i = 0; i < nthreads; i++)
		pthread_join(t[i], NULL);
	pthread_join(c, NULL);
	assert_true(metric(h, "gc.cycles") >= 10);
	tc_root_remove(h, (void **)rootarea);
}

static void run_random(tc_heap *h, unsigned ms)
{
	run_random_keep(h, ms);
	tc_heap_destroy(h);
}

static void test_threads_mutate_while_marking_conservative(void **state)
{
	(void)state;
	run_random(conservative_heap(), 3000);
}

static void test_threads_mutate_while_dedicated_workers_mark(void **state)
{
	(void)state;
	run_random(worker_heap(2), 2000);
}

/* ---- the global roots, scanned in steps ---- */

typedef struct {
	uint8_t *seen; /* by value: 1 + range * 10000 + slot */
	size_t n;
} rootseen;

static void note_root(uintptr_t v, void *ctx)
{
	rootseen *r = ctx;
	if (v != 0 && v < r->n)
		r->seen[v] = 1;
}

/* The controller scans the global roots in steps, the table lock released
 * between them. A range removed between two steps shifts the ones after it
 * down the table: the scan must not skip what the cursor pointed past, and
 * a range added meanwhile is still reached. */
static void test_global_roots_scanned_in_steps_survive_removal(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	enum { NA = 6000, NB = 5000, NC = 10, ND = 3 };
	static void *a[NA], *b[NB], *c[NC], *d[ND];
	void **ranges[] = {a, b, c, d};
	size_t sizes[] = {NA, NB, NC, ND};
	for (size_t r = 0; r < 4; r++)
		for (size_t i = 0; i < sizes[r]; i++)
			ranges[r][i] = (void *)(uintptr_t)(1 + r * 10000 + i);
	tc_root_add(h, a, NA);
	tc_root_add(h, b, NB);
	tc_root_add(h, c, NC);
	rootseen seen = {calloc(40000, 1), 40000};
	assert_non_null(seen.seen);
	rootcursor cur = {0};
	/* The first step stops inside a; then a goes and d comes. */
	assert_int_equal(tc__roots_globals_step(h, &cur, 4096, note_root, &seen), 4096 * TC_WORD);
	tc_root_remove(h, a);
	tc_root_add(h, d, ND);
	/* Started again, and run to the end at once: b, c and d whole. */
	assert_int_equal(tc__roots_globals_step(h, &cur, 4096, note_root, &seen), (NB + NC + ND) * TC_WORD);
	assert_int_equal(tc__roots_globals_step(h, &cur, 4096, note_root, &seen), 0);
	for (size_t r = 1; r < 4; r++)
		for (size_t i = 0; i < sizes[r]; i++)
			if (!seen.seen[1 + r * 10000 + i])
				fail_msg("range %zu slot %zu was not scanned", r, i);
	/* With nothing removed, steps of 4096 cover b, c and d exactly once. */
	memset(seen.seen, 0, seen.n);
	cur = (rootcursor){0};
	uint64_t total = 0, got;
	unsigned steps = 0;
	while ((got = tc__roots_globals_step(h, &cur, 4096, note_root, &seen)) > 0) {
		total += got;
		steps++;
	}
	assert_int_equal(total, (NB + NC + ND) * TC_WORD);
	assert_int_equal(steps, 2);
	for (size_t r = 1; r < 4; r++)
		for (size_t i = 0; i < sizes[r]; i++)
			assert_true(seen.seen[1 + r * 10000 + i]);
	free(seen.seen);
	tc_root_remove(h, b);
	tc_root_remove(h, c);
	tc_root_remove(h, d);
	tc_heap_destroy(h);
}

/* The stress run: the same, for TC_STRESS_SECONDS (ctest's test_stress sets
 * 60; set it higher for a longer run), reporting what it did. */
static void test_stress(void **state)
{
	(void)state;
	const char *env = getenv("TC_STRESS_SECONDS");
	long secs = env ? atol(env) : 0;
	tc_heap *h = conservative_heap();
	run_random_keep(h, (unsigned)(secs > 0 ? secs : 60) * 1000);
	printf("stress: %ld s, %d threads, chaos %u/1000, %llu cycles, %llu objects allocated, %llu objects verified, %llu late grey finds, "
	       "0 lost\n",
	       secs, nthreads, atomic_load(&tc__chaos_permille), (unsigned long long)metric(h, "gc.cycles"), (unsigned long long)metric(h, "heap.alloc.objects"),
	       (unsigned long long)metric(h, "gc.verify.objects"), (unsigned long long)atomic_load(&h->obs.late_work));
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pointer_moved_from_heap_to_scanned_stack_survives),
		cmocka_unit_test(test_hard_goal_assist_takes_shared_work),
		cmocka_unit_test(test_assist_without_work_is_no_stall),
		cmocka_unit_test(test_assist_does_not_wait_for_work_lock),
		cmocka_unit_test(test_threads_mutate_while_marking_conservative),
		cmocka_unit_test(test_threads_mutate_while_dedicated_workers_mark),
		cmocka_unit_test(test_global_roots_scanned_in_steps_survive_removal),
	};
	const struct CMUnitTest stress[] = {cmocka_unit_test(test_stress)};
	const char *nt = getenv("TC_STRESS_THREADS");
	/* TC_STRESS_CHAOS=N: yield at protocol steps with probability N/1000
	 * (chaos.h; TC_DEBUG builds). */
	const char *ch = getenv("TC_STRESS_CHAOS");
	if (ch != NULL)
		atomic_store(&tc__chaos_permille, (unsigned)atoi(ch));
	if (nt != NULL && atoi(nt) > 0)
		nthreads = atoi(nt) < MAXTHREADS ? atoi(nt) : MAXTHREADS;
	if (getenv("TC_STRESS_SECONDS"))
		return cmocka_run_group_tests(stress, NULL, NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
