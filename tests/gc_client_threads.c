/*
 * gc_client_threads.c — a threaded libgc program, built as a GC_THREADS
 * client is: Debian's gc.h with GC_THREADS defined, so that pthread_create,
 * pthread_join and the rest become GC_pthread_create, GC_pthread_join, ...
 * ctest runs it on tricolor's libgc.so.1 (LD_LIBRARY_PATH), with the verifier
 * on. It checks, from outside (compat/threads.c):
 *  - an argument held only by the creator survives collections made between
 *    pthread_create and the new thread's start;
 *  - four threads allocate and collect while main waits in pthread_join (a
 *    join outside a blocking region would deadlock: each collection needs an
 *    answer from main);
 *  - a thread asleep in GC_do_blocking does not hold collections up, and
 *    allocates inside GC_call_with_gc_active;
 *  - a thread made with the real pthread_create registers itself
 *    (GC_register_my_thread, GC_DUPLICATE the second time) and unregisters;
 *  - threads that never call: one waits on a lock that an allocating thread
 *    holds (without the shim's SIGPWR nudge that deadlocks: the collection
 *    waits for the waiter, the waiter for the lock), one computes over a
 *    list it holds only in registers and on its stack, while collections
 *    run; the list survives.
 * The same binary passes on Debian's libgc. Exit 0 on success; every
 * failure prints what was wrong.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* The real pthread_create and pthread_join, taken before gc.h redirects
 * the names: libgc's GC_pthread_join knows only threads its
 * GC_pthread_create made. */
static int (*const real_create)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *) = pthread_create;
static int (*const real_join)(pthread_t, void **) = pthread_join;

#define GC_THREADS
#include <gc.h>

static int failures;
static pthread_mutex_t fail_mu = PTHREAD_MUTEX_INITIALIZER;
#define CHECK(c)                                                                                           \
	do {                                                                                               \
		if (!(c)) {                                                                                \
			fprintf(stderr, "gc_client_threads: %s:%d: failed: %s\n", __FILE__, __LINE__, #c); \
			pthread_mutex_lock(&fail_mu);                                                      \
			failures++;                                                                        \
			pthread_mutex_unlock(&fail_mu);                                                    \
		}                                                                                          \
	} while (0)

typedef struct node {
	struct node *next;
	uint64_t val;
	uint64_t magic;
} node;
#define MAGIC 0x7468726561647321ull
#ifdef __SANITIZE_THREAD__
#define UNDER_TSAN 1
#else
#define UNDER_TSAN 0
#endif

static node *make_list(size_t n)
{
	node *head = NULL;
	for (size_t i = 0; i < n; i++) {
		node *x = GC_malloc(sizeof *x);
		if (x == NULL)
			return NULL;
		x->val = n - 1 - i;
		x->magic = MAGIC;
		x->next = head;
		head = x;
	}
	return head;
}

static int list_ok(const node *x, size_t n)
{
	size_t i = 0;
	for (; x; x = x->next, i++)
		if (x->magic != MAGIC || x->val != i)
			return 0;
	return i == n;
}

static void churn(size_t bytes)
{
	for (size_t done = 0; done < bytes; done += 64)
		CHECK(GC_malloc(48) != NULL);
}

/* 1. the argument, held by nothing but the thread's start */
static void *check_arg(void *arg)
{
	churn(1 << 20); /* collections, with the list held only by arg */
	CHECK(list_ok(arg, 1000));
	return NULL;
}

/* 2. allocating threads while main joins */
static void *allocator(void *arg)
{
	(void)arg;
	for (int round = 0; round < 20; round++) {
		node *l = make_list(2000);
		churn(256 << 10);
		if (round % 5 == 0)
			GC_gcollect();
		CHECK(list_ok(l, 2000));
	}
	return (void *)(uintptr_t)42;
}

/* 3. asleep in GC_do_blocking, until main has collected three times */
static pthread_mutex_t sleep_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sleep_cv = PTHREAD_COND_INITIALIZER;
static int sleeping, go;
static void *in_gc(void *arg)
{
	node **out = arg;
	*out = make_list(100);
	return NULL;
}

static void *asleep(void *arg)
{
	GC_word *gc_at_wake = arg;
	struct timespec dl;
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += 60;
	pthread_mutex_lock(&sleep_mu);
	sleeping = 1;
	pthread_cond_broadcast(&sleep_cv);
	int r = 0;
	while (!go && r == 0)
		r = pthread_cond_timedwait(&sleep_cv, &sleep_mu, &dl);
	pthread_mutex_unlock(&sleep_mu);
	CHECK(go); /* else main's collections waited for this thread for a minute */
	*gc_at_wake = GC_get_gc_no();
	node *l = NULL;
	GC_call_with_gc_active(in_gc, &l); /* allocates, with the GC active again */
	CHECK(list_ok(l, 100));
	return NULL;
}

static void *sleeper(void *arg)
{
	node *mine = make_list(500); /* held on this stack across the blocking region */
	GC_do_blocking(asleep, arg);
	churn(1 << 20);
	CHECK(list_ok(mine, 500));
	return NULL;
}

/* 4. registered by hand */
static void *unregistered(void *arg)
{
	(void)arg;
	CHECK(!GC_thread_is_registered());
	struct GC_stack_base sb;
	CHECK(GC_get_stack_base(&sb) == GC_SUCCESS);
	CHECK((char *)sb.mem_base > (char *)&sb);
	CHECK(GC_register_my_thread(&sb) == GC_SUCCESS);
	CHECK(GC_register_my_thread(&sb) == GC_DUPLICATE);
	CHECK(GC_thread_is_registered());
	node *l = make_list(3000);
	churn(1 << 20);
	CHECK(list_ok(l, 3000));
	CHECK(GC_unregister_my_thread() == GC_SUCCESS);
	CHECK(!GC_thread_is_registered());
	return NULL;
}

/* 5. threads that never call */
static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static atomic_int waiter_in, spin_stop;

static void *waiter(void *arg)
{
	(void)arg;
	GC_malloc(16); /* attached: its answer counts from here on */
	atomic_store(&waiter_in, 1);
	pthread_mutex_lock(&held); /* no GC_* call: only a nudge stops it */
	pthread_mutex_unlock(&held);
	return NULL;
}

static void *spinner(void *arg)
{
	node *l = make_list(1000);
	(void)arg;
	uint64_t sum = 0, rounds = 0;
	while (!atomic_load_explicit(&spin_stop, memory_order_relaxed)) { /* no GC_* call in the loop */
		for (const node *x = l; x; x = x->next)
			sum += x->val;
		rounds++;
	}
	CHECK(list_ok(l, 1000));
	CHECK(sum == rounds * (999 * 1000 / 2));
	return NULL;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	GC_INIT();
	GC_allow_register_threads();

	for (int i = 0; i < 30; i++) {
		pthread_t t;
		node *l = make_list(1000);
		CHECK(pthread_create(&t, NULL, check_arg, l) == 0); /* GC_pthread_create */
		l = NULL;
		GC_gcollect(); /* before the thread has run, most times */
		CHECK(pthread_join(t, NULL) == 0);
	}
	printf("gc_client_threads: 30 threads found their argument intact\n");

	pthread_t ts[4];
	for (int i = 0; i < 4; i++)
		CHECK(pthread_create(&ts[i], NULL, allocator, NULL) == 0);
	GC_word gc0 = GC_get_gc_no();
	for (int i = 0; i < 4; i++) {
		void *r = NULL;
		CHECK(pthread_join(ts[i], &r) == 0); /* GC_pthread_join: a blocking region */
		CHECK(r == (void *)(uintptr_t)42);
	}
	printf("gc_client_threads: 4 allocating threads joined, %lu collections meanwhile\n",
	       (unsigned long)(GC_get_gc_no() - gc0));
	CHECK(GC_get_gc_no() - gc0 >= 4);

	GC_word gc_at_sleep = GC_get_gc_no(), gc_at_wake = 0;
	pthread_t s;
	CHECK(pthread_create(&s, NULL, sleeper, &gc_at_wake) == 0);
	pthread_mutex_lock(&sleep_mu);
	while (!sleeping)
		pthread_cond_wait(&sleep_cv, &sleep_mu); /* the sleeper is inside GC_do_blocking */
	pthread_mutex_unlock(&sleep_mu);
	for (int i = 0; i < 3; i++)
		GC_gcollect(); /* must not wait for the sleeper */
	pthread_mutex_lock(&sleep_mu);
	go = 1;
	pthread_cond_broadcast(&sleep_cv);
	pthread_mutex_unlock(&sleep_mu);
	CHECK(pthread_join(s, NULL) == 0);
	printf("gc_client_threads: %lu collections while a thread slept in GC_do_blocking\n",
	       (unsigned long)(gc_at_wake - gc_at_sleep));
	CHECK(gc_at_wake - gc_at_sleep >= 3);

	pthread_t u;
	CHECK(real_create(&u, NULL, unregistered, NULL) == 0);
	CHECK(real_join(u, NULL) == 0);
	printf("gc_client_threads: a thread registered and unregistered itself\n");

	/* TSan holds an asynchronous signal until the thread returns into its
	 * runtime, which a loop with no calls, or a thread waiting in
	 * pthread_mutex_lock, never does: the nudges cannot land there. */
	if (UNDER_TSAN)
		return failures ? 1 : 0;
	pthread_t w, sp;
	pthread_mutex_lock(&held);
	CHECK(pthread_create(&w, NULL, waiter, NULL) == 0);
	CHECK(pthread_create(&sp, NULL, spinner, NULL) == 0);
	while (!atomic_load(&waiter_in))
		sched_yield();
	GC_word gc1 = GC_get_gc_no();
	for (int i = 0; i < 5; i++) {
		node *l = make_list(20000); /* holding the lock the waiter wants */
		GC_gcollect();
		CHECK(list_ok(l, 20000));
	}
	pthread_mutex_unlock(&held);
	atomic_store(&spin_stop, 1);
	CHECK(pthread_join(w, NULL) == 0);
	CHECK(pthread_join(sp, NULL) == 0);
	printf("gc_client_threads: %lu collections while one thread waited on a lock and one computed, neither calling\n",
	       (unsigned long)(GC_get_gc_no() - gc1));
	CHECK(GC_get_gc_no() - gc1 >= 5);
	return failures ? 1 : 0;
}
