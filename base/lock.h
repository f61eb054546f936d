/*
 * lock.h — tricolor's mutexes and the order they are taken in (after Go's
 * lockrank.go).
 *
 * Every mutex has a rank. A thread may take a mutex only if its rank is
 * higher than the rank of every mutex it already holds, so no two threads can
 * each hold what the other waits for: there is no deadlock through mutexes.
 * Condition variables are not locks: waiting on one releases and takes back
 * its mutex, which keeps its place in the order.
 *
 * The order, lowest first (a row may be held while taking any row below it):
 *
 *   rank          mutex                 guards
 *   LR_SHIM       shim.lock             the libgc shim's uncollectable set and data segments (compat/)
 *   LR_CTRL       controller.lock       cycle requests and waits (gc.c)
 *   LR_WORLD      world.lock            mutator list, status, handshake acks (stw.c)
 *   LR_ROOTS      rootset.lock          global root ranges (roots.c)
 *   LR_MCENTRAL   mcentral.lock         one size class's span lists (mcentral.c)
 *   LR_MHEAP      mheap.lock            free page runs, arenas, growth (mheap.c)
 *   LR_WORK       markstate.lock        global grey work lists, workers (gcwork.c, mark.c)
 *   LR_SPECIAL    finstate.lock         finalizer and cleanup records (final.c)
 *   LR_FINQ       finstate.qlock        due finalizers and cleanups, the finalizer thread (final.c)
 *   LR_WEAK       weakstate.lock        every weak reference and ephemeron (weak.c)
 *   LR_EPHE       weakstate.elock       ephemerons waiting for their key's mark (weak.c)
 *   LR_OBS        observ.lock           cycle record and interval rings (metrics.c)
 *   LR_OUTPUT     the output function   (base/error.c)
 *
 * Two mutexes of one rank are never held together (one mcentral at a time).
 * A debug build (TC_DEBUG) keeps, per thread, the ranks held, and aborts
 * with both ranks named on the first acquisition out of order. A release
 * build compiles lock() to pthread_mutex_lock.
 */
#ifndef TC_LOCK_H
#define TC_LOCK_H

#include <pthread.h>
#include <stdbool.h>
#include <time.h>

enum lockrank { LR_NONE = 0, LR_SHIM, LR_CTRL, LR_WORLD, LR_ROOTS, LR_MCENTRAL, LR_MHEAP, LR_WORK, LR_SPECIAL, LR_FINQ, LR_WEAK, LR_EPHE, LR_OBS, LR_OUTPUT, LR_COUNT };

typedef struct mutex {
	pthread_mutex_t mu;
	int rank; /* enum lockrank */
} mutex;

#ifdef TC_DEBUG
void tc__lockrank_acquire(int rank); /* aborts when rank is not above every rank held */
void tc__lockrank_release(int rank);
#else
static inline void tc__lockrank_acquire(int rank) { (void)rank; }
static inline void tc__lockrank_release(int rank) { (void)rank; }
#endif

/* Where glibc has them, adaptive mutexes: a thread that finds the mutex
 * held spins a little before it sleeps in the kernel. The holds are short
 * (a list push, a span taken), and a mutator that sleeps on one gives its
 * CPU away: on two CPUs with two allocating mutators and the controller,
 * the service loop's mutators slept 286 ms of 4 s on mcentral locks, in
 * waits of up to 6 ms, which adaptive mutexes took to 16 ms
 * (scripts/offcpu.sh). */
static inline void lock_init(mutex *l, int rank)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
#ifdef __GLIBC__
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ADAPTIVE_NP);
#endif
	pthread_mutex_init(&l->mu, &a);
	pthread_mutexattr_destroy(&a);
	l->rank = rank;
}

static inline void lock_destroy(mutex *l) { pthread_mutex_destroy(&l->mu); }

static inline void lock(mutex *l)
{
	tc__lockrank_acquire(l->rank);
	pthread_mutex_lock(&l->mu);
}

/* Take l if it is free, without waiting: true if taken. */
static inline bool lock_try(mutex *l)
{
	tc__lockrank_acquire(l->rank);
	if (pthread_mutex_trylock(&l->mu) == 0)
		return true;
	tc__lockrank_release(l->rank);
	return false;
}

static inline void unlock(mutex *l)
{
	pthread_mutex_unlock(&l->mu);
	tc__lockrank_release(l->rank);
}

/* Wait on cv, releasing l meanwhile; l keeps its place in the order. */
static inline void lock_wait(pthread_cond_t *cv, mutex *l) { pthread_cond_wait(cv, &l->mu); }

/* The same, for at most ns nanoseconds (cv on the default, realtime clock). */
static inline void lock_wait_ns(pthread_cond_t *cv, mutex *l, long ns)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += ns % 1000000000L;
	ts.tv_sec += ns / 1000000000L + ts.tv_nsec / 1000000000L;
	ts.tv_nsec %= 1000000000L;
	pthread_cond_timedwait(cv, &l->mu, &ts);
}

#endif /* TC_LOCK_H */
