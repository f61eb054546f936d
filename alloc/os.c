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
 * Fault injection (for tests/test_faults.c): os_fault_inject(kind, skip, n)
 * makes the n calls of one kind after the next skip fail as the OS would
 * (ENOMEM; EAGAIN for madvise). The check is one relaxed load on paths that
 * already make a system call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "alloc.h"
#include "tricolor.h"

static _Thread_local char lasterr[512];
static _Atomic long fault_skip[OS_FAULT_KINDS], fault_left[OS_FAULT_KINDS];

void os_fault_inject(int kind, long skip, long n)
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

/* Formats into a temporary first, so a message may wrap the previous one
 * (tc_seterr("%s: %s", fn, tc_last_error())) without overlapping buffers. */
void tc_seterr(const char *fmt, ...)
{
	char msg[sizeof lasterr];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
	va_end(ap);
	memcpy(lasterr, msg, sizeof lasterr);
}

const char *tc_last_error(void) { return lasterr[0] ? lasterr : NULL; }

void tc_clear_error(void) { lasterr[0] = 0; }

void *os_reserve(size_t size, size_t align)
{
	size_t len = size + align;
	char *p = fault(OS_FAULT_RESERVE, ENOMEM) ? MAP_FAILED
						  : mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		tc_seterr("tricolor: cannot reserve %zu bytes of address space: %s", size, strerror(errno));
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

int os_map(void *p, size_t size)
{
	if (fault(OS_FAULT_MAP, ENOMEM) ||
	    mmap(p, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
		tc_seterr("tricolor: cannot map %zu bytes for the heap: %s", size, strerror(errno));
		return -1;
	}
	return 0;
}

void os_unmap(void *p, size_t size) { munmap(p, size); }

int os_release(void *p, size_t size)
{
	if (fault(OS_FAULT_RELEASE, EAGAIN) || madvise(p, size, MADV_DONTNEED) != 0) {
		tc_seterr("tricolor: madvise(MADV_DONTNEED) of %zu bytes failed: %s", size, strerror(errno));
		return -1;
	}
	return 0;
}

void *os_alloc_meta(size_t size)
{
	void *p = fault(OS_FAULT_META, ENOMEM)
			  ? MAP_FAILED
			  : mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		tc_seterr("tricolor: cannot map %zu bytes of heap metadata: %s", size, strerror(errno));
		return NULL;
	}
	return p;
}
