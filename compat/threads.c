/*
 * threads.c — libgc's thread calls on tricolor's mutators.
 *
 * A thread of a libgc program is a tricolor mutator from its first GC_* call
 * to its exit (libgc.c, tc__shim_self, and the key's destructor). These calls
 * let a program say more, with libgc 8.2's semantics (gc.h):
 *  - GC_register_my_thread / GC_unregister_my_thread: attach the calling
 *    thread now (GC_DUPLICATE if it is attached already) / detach it now.
 *    The stack base given is not needed: tricolor finds the thread's stack
 *    itself. GC_allow_register_threads is accepted at any time (libgc
 *    requires it first; the shim needs nothing from it).
 *  - GC_pthread_create (what pthread_create becomes in a program built with
 *    GC_THREADS): the new thread is attached before its start routine runs.
 *    Its argument waits in a registered root meanwhile, so an argument that
 *    only the creator's stack held survives a collection between
 *    pthread_create and the new thread's attach.
 *  - GC_pthread_join, GC_do_blocking: the caller is in a blocking region
 *    (tc_blocking_enter) for the wait, so a collection, which needs an
 *    answer from every attached thread, never waits for a thread waiting
 *    for another. GC_call_with_gc_active leaves the region for a call.
 *  - GC_pthread_detach, _exit, _cancel, _sigmask, GC_dlopen: the pthread
 *    and dl calls themselves (the data segments of a library dlopen'd are
 *    roots from the next mark on, segments.c; a thread's mutator is detached
 *    by the key's destructor, which pthread_exit and cancellation run).
 *
 * Threads that do not call: a thread computing, or waiting on a lock or in
 * a system call, outside any GC_* call, never reaches a safepoint, and a
 * collection needs its answer. libgc stops such a thread with a signal
 * (SIGPWR) and so does the shim: when a running mutator has not answered a
 * handshake within NUDGE_NS, the controller sends its thread SIGPWR
 * (tc_heap.nudge_hook), and the handler parks it as a blocking region
 * would (tc__stw_block_while): it answers what is pending, its registers
 * and stack, the interrupted context included, are its roots, and, under
 * stw_mark, it stays blocked until the mark is over; then the interrupted
 * code goes on (SA_RESTART). A nudge that finds the thread inside a GC_*
 * call (SHIM_GUARD, shim.h) is only noted, and answered at the call's end:
 * the handler never runs tricolor's code over the thread's own. So a
 * program that holds a lock while allocating and another thread waits on
 * that lock does not deadlock. What the program must leave alone: SIGPWR,
 * as with libgc; and a thread parked in the handler holds whatever locks
 * it held when interrupted, which the controller never takes (it does not
 * allocate with malloc while the world waits; the loader's lock is why
 * GC_dlopen is a guarded call).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

#define GC_SUCCESS 0
#define GC_DUPLICATE 1

struct GC_stack_base {
	void *mem_base; /* the bottom (highest address) of the stack */
};
typedef void *(*GC_stack_base_func)(struct GC_stack_base *sb, void *arg);
typedef void *(*GC_fn_type)(void *client_data);

/* ---- nudges ---- */

SHIM_TLS volatile int tc__shim_depth;
SHIM_TLS volatile int tc__shim_nudged;

static void park_noop(tc_mutator *m, void *arg)
{
	(void)m;
	(void)arg;
}

static void nudge_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	(void)uc;
	int saved = errno;
	tc_mutator *m = tc__shim_current();
	if (m != NULL) {
		if (tc__shim_depth > 0)
			tc__shim_nudged = 1; /* inside a GC_* call: answered at its end */
		else if (atomic_load_explicit(&m->status, memory_order_relaxed) == M_RUNNING)
			tc__stw_block_while(m, park_noop, NULL); /* answers, then held for the mark */
	}
	errno = saved;
}

void tc__shim_deferred_answer(void)
{
	tc__shim_nudged = 0;
	tc_mutator *m = tc__shim_current();
	if (m != NULL && atomic_load_explicit(&m->status, memory_order_relaxed) == M_RUNNING) {
		tc__shim_depth++;
		tc_safepoint(m);
		tc__shim_depth--;
	}
}

static void nudge(tc_heap *h, tc_mutator *m)
{
	(void)h;
	pthread_kill(m->thread, SIGPWR);
}

void tc__shim_nudge_install(tc_heap *h)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = nudge_handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGPWR, &sa, NULL) != 0) {
		tc__error("libgc shim: cannot install the SIGPWR handler; threads that do not call GC_* hold collections up");
		return;
	}
	h->nudge_hook = nudge;
}

GC_API void GC_allow_register_threads(void) { tc__shim_self(); }

GC_API int GC_register_my_thread(const struct GC_stack_base *sb)
{
	(void)sb;
	if (tc__shim_current() != NULL)
		return GC_DUPLICATE;
	tc__shim_self();
	return GC_SUCCESS;
}

GC_API int GC_unregister_my_thread(void)
{
	SHIM_GUARD();
	tc__shim_forget();
	return GC_SUCCESS;
}

GC_API int GC_thread_is_registered(void) { return tc__shim_current() != NULL; }

GC_API int GC_get_stack_base(struct GC_stack_base *sb)
{
	pthread_attr_t a;
	void *lo;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &a) != 0)
		return 3; /* GC_UNIMPLEMENTED */
	int r = pthread_attr_getstack(&a, &lo, &size);
	pthread_attr_destroy(&a);
	if (r != 0)
		return 3;
	sb->mem_base = (char *)lo + size;
	return GC_SUCCESS;
}

GC_API void *GC_call_with_stack_base(GC_stack_base_func fn, void *arg)
{
	struct GC_stack_base sb = {__builtin_frame_address(0)};
	return fn(&sb, arg);
}

/* fn(client_data) with the calling thread's blocking region switched by
 * `into` for the call and by `back` after it (each a guarded call); as is
 * when the thread is not attached or already in the state `into` makes. */
static void *call_switched(GC_fn_type fn, void *client_data, int blocked_for_call, void (*into)(tc_mutator *m),
			  void (*back)(tc_mutator *m))
{
	tc_mutator *m = tc__shim_current();
	if (m == NULL || m->blocking == blocked_for_call)
		return fn(client_data);
	{
		SHIM_GUARD();
		into(m);
	}
	void *r = fn(client_data);
	{
		SHIM_GUARD();
		back(m);
	}
	return r;
}

GC_API void *GC_do_blocking(GC_fn_type fn, void *client_data)
{
	return call_switched(fn, client_data, 1, tc_blocking_enter, tc_blocking_leave);
}

GC_API void *GC_call_with_gc_active(GC_fn_type fn, void *client_data)
{
	return call_switched(fn, client_data, 0, tc_blocking_leave, tc_blocking_enter);
}

/* ---- pthread_create and the calls GC_THREADS redirects ---- */

typedef struct start_info {
	void *(*start)(void *);
	void *arg;
} start_info;

static void *trampoline(void *p)
{
	start_info *si = p;
	void *(*start)(void *) = si->start;
	void *volatile arg;
	{
		SHIM_GUARD(); /* the root's lock: not parked holding it; the start routine is the program's */
		tc__shim_self(); /* attached before the program's code runs */
		arg = si->arg; /* on this stack now, which is scanned */
		tc_root_remove(tc__shim.h, &si->arg); /* attached: no mark runs now (stw_mark) */
	}
	free(si);
	return start(arg);
}

GC_API int GC_pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
	SHIM_GUARD(); /* tc_root_add/remove: not parked holding the roots' lock */
	tc_mutator *m = tc__shim_self();
	start_info *si = malloc(sizeof *si);
	if (si == NULL)
		return EAGAIN;
	si->start = start;
	si->arg = arg;
	tc_root_add(m->h, &si->arg, 1); /* a root while this thread runs: no mark runs (stw_mark) */
	int r = pthread_create(t, attr, trampoline, si);
	if (r != 0) {
		tc_root_remove(m->h, &si->arg);
		free(si);
	}
	return r;
}

static void *join_fn(void *p)
{
	void **a = p;
	*(int *)a[2] = pthread_join(*(pthread_t *)a[0], (void **)a[1]);
	return NULL;
}

GC_API int GC_pthread_join(pthread_t t, void **retval)
{
	int r;
	void *a[3] = {&t, retval, &r};
	GC_do_blocking(join_fn, a);
	return r;
}

GC_API int GC_pthread_detach(pthread_t t) { return pthread_detach(t); }
GC_API int GC_pthread_cancel(pthread_t t) { return pthread_cancel(t); }
GC_API void GC_pthread_exit(void *retval) { pthread_exit(retval); }
GC_API int GC_pthread_sigmask(int how, const sigset_t *set, sigset_t *old) { return pthread_sigmask(how, set, old); }
/* Not parked inside dlopen: the controller's segment refresh takes the
 * loader's lock (dl_iterate_phdr) that dlopen holds. */
GC_API void *GC_dlopen(const char *path, int mode)
{
	SHIM_GUARD();
	return dlopen(path, mode);
}
