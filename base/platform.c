/*
 * os.c — memory from the operating system, and the thread's last error.
 *
 * The heap's address space is reserved PROT_NONE and mapped read-write in
 * chunks as the heap grows (Go's sysReserve / sysMap); free pages go back with
 * MADV_DONTNEED (sysUnused), after which they read as zero. Side metadata is
 * mapped MAP_NORESERVE so that only the pages touched cost memory.
 *
 * Every failure here records a message for tc_last_error() and returns a
 * failure value: nothing in this tier aborts on an OS error.
 *
 * Fault injection (for tests/test_faults.c): tc__os_fault_inject(kind, skip, n)
 * makes the n calls of one kind after the next skip fail as the OS would
 * (ENOMEM; EAGAIN for madvise). The check is one relaxed load on paths that
 * already make a system call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include <pthread.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "platform.h"

static _Atomic long fault_skip[OS_FAULT_KINDS], fault_left[OS_FAULT_KINDS];

void tc__os_fault_inject(int kind, long skip, long n)
{
	atomic_store(&fault_skip[kind], skip);
	atomic_store(&fault_left[kind], n);
}

/* Should this call of kind fail? Sets errno as the OS would. */
static bool fault(int kind, int err)
{
	if (__builtin_expect(atomic_load_explicit(&fault_left[kind], memory_order_relaxed) <= 0, 1))
		return false;
	if (atomic_fetch_sub(&fault_skip[kind], 1) > 0)
		return false;
	if (atomic_fetch_sub(&fault_left[kind], 1) <= 0)
		return false;
	errno = err;
	return true;
}

void *tc__os_reserve(size_t size, size_t align)
{
	size_t len = size + align;
	char *p = fault(OS_FAULT_RESERVE, ENOMEM) ? MAP_FAILED
						  : mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		tc__seterr("cannot reserve %zu bytes of address space: %s", size, strerror(errno));
		return NULL;
	}
	uintptr_t a = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
	size_t head = a - (uintptr_t)p, tail = len - head - size;
	if (head)
		munmap(p, head);
	if (tail)
		munmap((char *)a + size, tail);
	return (void *)a;
}

int tc__os_map(void *p, size_t size)
{
	if (fault(OS_FAULT_MAP, ENOMEM) ||
	    mmap(p, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
		tc__seterr("cannot map %zu bytes for the heap: %s", size, strerror(errno));
		return -1;
	}
	return 0;
}

void tc__os_unmap(void *p, size_t size) { munmap(p, size); }

int tc__os_writable(void *p, size_t size) { return mprotect(p, size, PROT_READ | PROT_WRITE); }

int tc__os_release(void *p, size_t size)
{
	if (fault(OS_FAULT_RELEASE, EAGAIN) || madvise(p, size, MADV_DONTNEED) != 0) {
		tc__seterr("madvise(MADV_DONTNEED) of %zu bytes failed: %s", size, strerror(errno));
		return -1;
	}
	return 0;
}

void *tc__os_alloc_meta(size_t size)
{
	void *p = fault(OS_FAULT_META, ENOMEM)
			  ? MAP_FAILED
			  : mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		tc__seterr("cannot map %zu bytes of heap metadata: %s", size, strerror(errno));
		return NULL;
	}
	return p;
}

uint64_t tc__now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t tc__thread_cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void tc__thread_fine_sleeps(void)
{
	/* Linux lets a sleeping thread's timer fire up to its slack late, 50 us
	 * by default: a 20 us sleep took 70 us or more. Best effort: a failure
	 * costs latency only. */
	(void)prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
}

int tc__cpu_now(void) { return sched_getcpu(); }

int tc__ncpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

int tc__stack_top(uintptr_t *hi)
{
	pthread_attr_t attr;
	void *addr;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &attr) != 0)
		return -1;
	int rc = pthread_attr_getstack(&attr, &addr, &size);
	pthread_attr_destroy(&attr);
	if (rc != 0)
		return -1;
	*hi = (uintptr_t)addr + size;
	return 0;
}
