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
 *    Its start routine and argument wait in an uncollectable object, so an
 *    argument that only the creator's stack held survives a collection
 *    between pthread_create and the new thread's attach.
 *  - GC_pthread_join, GC_do_blocking: the caller is in a blocking region
 *    (tc_blocking_enter) for the wait, so a collection, which needs an
 *    answer from every attached thread, never waits for a thread waiting
 *    for another. GC_call_with_gc_active leaves the region for a call.
 *  - GC_pthread_detach, _exit, _cancel, _sigmask, GC_dlopen: the pthread
 *    and dl calls themselves (the data segments of a library dlopen'd are
 *    roots from the next mark on, segments.c; a thread's mutator is detached
 *    by the key's destructor, which pthread_exit and cancellation run).
 *
 * What is not done: libgc stops a thread that runs without calling it, with
 * a signal. Here a collection waits for every attached thread's next GC_*
 * call or blocking region; a thread that blocks in a system call or on a
 * lock outside those holds collections up (and, if the lock's holder is
 * allocating, deadlocks). Programs that block through GC_do_blocking,
 * GC_pthread_join or their own calls' GC_* entries are served.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>

#include "shim.h"

#define GC_SUCCESS 0
#define GC_DUPLICATE 1

struct GC_stack_base {
	void *mem_base; /* the bottom (highest address) of the stack */
};
typedef void *(*GC_stack_base_func)(struct GC_stack_base *sb, void *arg);
typedef void *(*GC_fn_type)(void *client_data);

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

GC_API void *GC_do_blocking(GC_fn_type fn, void *client_data)
{
	tc_mutator *m = tc__shim_current();
	if (m == NULL || m->blocking)
		return fn(client_data);
	tc_blocking_enter(m);
	void *r = fn(client_data);
	tc_blocking_leave(m);
	return r;
}

GC_API void *GC_call_with_gc_active(GC_fn_type fn, void *client_data)
{
	tc_mutator *m = tc__shim_current();
	if (m == NULL || !m->blocking)
		return fn(client_data);
	tc_blocking_leave(m);
	void *r = fn(client_data);
	tc_blocking_enter(m);
	return r;
}

/* ---- pthread_create and the calls GC_THREADS redirects ---- */

typedef struct start_info {
	void *(*start)(void *);
	void *arg;
} start_info;

static void *trampoline(void *p)
{
	tc__shim_self(); /* attached before the program's code runs */
	start_info *si = p;
	void *(*start)(void *) = si->start;
	void *volatile arg = si->arg; /* on this stack now, which is scanned */
	GC_free(si);
	return start(arg);
}

GC_API int GC_pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
	start_info *si = GC_malloc_uncollectable(sizeof *si);
	if (si == NULL)
		return EAGAIN;
	si->start = start;
	si->arg = arg;
	int r = pthread_create(t, attr, trampoline, si);
	if (r != 0)
		GC_free(si);
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
GC_API void *GC_dlopen(const char *path, int mode) { return dlopen(path, mode); }
