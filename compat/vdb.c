/*
 * vdb.c — libgc's incremental mode on tricolor: GC_enable_incremental and
 * GC_ENABLE_INCREMENTAL turn on the mostly-concurrent mark (gc/dirty.c),
 * and this file catches the write faults it needs ("virtual dirty bits",
 * libgc's MPROTECT_VDB).
 *
 * The collector write-protects the pages of the spans that can hold
 * pointers at each cycle's start; a mutator's first write to one faults,
 * and the SIGSEGV handler here hands the address to tc__dirty_fault, which
 * marks the page dirty and lifts its protection, and the write is retried.
 * A fault that is not the heap's (any other address, or not a protection
 * fault) goes to the handler the program had installed before, as libgc
 * chains it; a program that installs its own SIGSEGV handler later is
 * chained too: the controller installs this one again before it protects
 * anything (the protect hook), keeping the program's as the next.
 *
 * The kernel's soft-dirty bits are not available to every user
 * (/proc/self/pagemap needs them and a clear_refs write), nor is
 * userfaultfd's write-protect mode (vm.unprivileged_userfaultfd is 0 on
 * Debian); mprotect is. What that means for a program is dirty.c's
 * caveat: the kernel does not fault on its own writes to a protected page
 * (read(2) into a GC_malloc'd buffer fails with EFAULT); pointer-free
 * objects (GC_malloc_atomic) are never protected.
 *
 * GC_ENABLE_INCREMENTAL is 1 (on) or 0 (off); any other value is malformed,
 * named, and leaves the mode off. The mode starts with the next cycle.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim.h"

static struct sigaction next_segv; /* the program's handler, which faults not ours go to */
static int wanted;                 /* GC_enable_incremental before the heap exists */

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	int saved = errno;
	if (si->si_code == SEGV_ACCERR) {
		int r = tc__dirty_fault(tc__shim.h, (uintptr_t)si->si_addr);
		if (r > 0) {
			errno = saved;
			return;
		}
		if (r < 0) {
			static const char msg[] = "tricolor: GC_ENABLE_INCREMENTAL: a write-protected heap page cannot be "
						  "unprotected (mprotect failed: vm.max_map_count?); aborting\n";
			ssize_t w = write(2, msg, sizeof msg - 1);
			(void)w;
			abort();
		}
	}
	errno = saved;
	if (next_segv.sa_flags & SA_SIGINFO) {
		next_segv.sa_sigaction(sig, si, uc);
	} else if (next_segv.sa_handler == SIG_DFL || next_segv.sa_handler == SIG_IGN) {
		/* As with no handler: the default action, when the faulting
		 * instruction runs again. */
		signal(SIGSEGV, SIG_DFL);
	} else {
		next_segv.sa_handler(sig);
	}
}

/* The handler, installed unless it is in place; false if it cannot be. */
static bool install(void)
{
	struct sigaction cur, sa;
	if (sigaction(SIGSEGV, NULL, &cur) != 0)
		return false;
	if ((cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == on_segv)
		return true;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGPWR); /* no nudge inside the handler (threads.c) */
	if (sigaction(SIGSEGV, &sa, &next_segv) != 0)
		return false;
	return true;
}

/* The controller, before it protects a cycle's pages. */
static void protect_hook(tc_heap *h)
{
	if (!install()) {
		tc__error("GC_ENABLE_INCREMENTAL: the SIGSEGV handler cannot be installed; marking with the world "
			  "stopped from now on");
		atomic_store(&h->dirty_req, 0);
	}
}

static void enable(tc_heap *h)
{
	h->protect_hook = protect_hook;
	if (!install()) {
		tc__error("GC_enable_incremental: the SIGSEGV handler cannot be installed; incremental mode stays off");
		return;
	}
	atomic_store(&h->dirty_req, 1);
}

/* shim_init, before the heap: is the mode asked for (by the program, or
 * the environment)? */
bool tc__shim_vdb_wanted(void)
{
	const char *v = getenv("GC_ENABLE_INCREMENTAL");
	return wanted || (v != NULL && strcmp(v, "1") == 0);
}

/* shim_init: the mode on, if asked for. */
void tc__shim_vdb_init(tc_heap *h)
{
	const char *v = getenv("GC_ENABLE_INCREMENTAL");
	if (v != NULL && strcmp(v, "1") != 0 && strcmp(v, "0") != 0 && *v != 0)
		tc__error("GC_ENABLE_INCREMENTAL=\"%s\" is malformed: expected 1 or 0; incremental mode stays off", v);
	else if (tc__shim_vdb_wanted())
		enable(h);
}

GC_API void GC_enable_incremental(void)
{
	if (tc__shim.h == NULL) {
		wanted = 1; /* GC_init applies it */
		return;
	}
	enable(tc__shim.h);
}

GC_API int GC_is_incremental_mode(void) { return tc__shim.h != NULL ? atomic_load(&tc__shim.h->dirty_req) : wanted; }
