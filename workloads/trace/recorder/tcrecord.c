/*
 * tcrecord.c — the trace recorder: an LD_PRELOAD shim that writes every
 * malloc, calloc, realloc, free, memalign, posix_memalign and aligned_alloc
 * of a program to TCRECORD_OUT.PID as raw records with addresses:
 *
 *   a ADDR SIZE      r OLD NEW SIZE      f ADDR
 *
 * scripts/trace-compact.py turns a raw file into the replayable trace format
 * (workloads/replay.c): addresses become small dense IDs, and frees of memory
 * allocated before the shim started are dropped. TCRECORD_MAX stops
 * recording after that many records (the program runs on, unrecorded).
 *
 * Ordering: a free is written before the real free and an allocation after
 * the real allocation returns, under one lock, so an address is never
 * recorded as allocated again before its free is. Allocations made while
 * dlsym looks the real functions up come from a static bootstrap buffer and
 * are never freed to libc. The shim's own writes go through write(2), which
 * does not allocate, and a per-thread flag keeps it from recording itself.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static void *(*real_memalign)(size_t, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int fd = -1, disabled;
static unsigned long long nrec, maxrec = ~0ull;
static char buf[1 << 16];
static size_t nbuf;
static __thread int inside __attribute__((tls_model("initial-exec")));

static char boot[1 << 16];
static size_t nboot;

static void init(void)
{
	static int state; /* 0 none, 1 in progress, 2 done */
	if (state)
		return;
	state = 1;
	real_malloc = dlsym(RTLD_NEXT, "malloc");
	real_calloc = dlsym(RTLD_NEXT, "calloc");
	real_realloc = dlsym(RTLD_NEXT, "realloc");
	real_free = dlsym(RTLD_NEXT, "free");
	real_memalign = dlsym(RTLD_NEXT, "memalign");
	real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
	real_aligned_alloc = dlsym(RTLD_NEXT, "aligned_alloc");
	const char *out = getenv("TCRECORD_OUT"), *max = getenv("TCRECORD_MAX");
	if (max)
		maxrec = strtoull(max, NULL, 10);
	if (out) {
		char path[4096];
		snprintf(path, sizeof path, "%s.%d", out, (int)getpid());
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	}
	disabled = fd < 0;
	state = 2;
}

static void flush_locked(void)
{
	for (size_t off = 0; off < nbuf;) {
		ssize_t n = write(fd, buf + off, nbuf - off);
		if (n <= 0 && errno != EINTR) {
			disabled = 1;
			break;
		}
		off += n > 0 ? (size_t)n : 0;
	}
	nbuf = 0;
}

/* Append one record; the formatting is by hand so nothing here allocates. */
static char *hex(char *p, uintptr_t v)
{
	char tmp[20];
	int n = 0;
	do
		tmp[n++] = "0123456789abcdef"[v & 15];
	while ((v >>= 4) != 0);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static char *dec(char *p, uint64_t v)
{
	char tmp[24];
	int n = 0;
	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static void record(char kind, const void *a, const void *b, size_t size)
{
	if (disabled || inside)
		return;
	inside = 1;
	pthread_mutex_lock(&lock);
	if (!disabled && nrec < maxrec) {
		nrec++;
		if (nbuf > sizeof buf - 64)
			flush_locked();
		char *p = buf + nbuf;
		*p++ = kind;
		*p++ = ' ';
		p = hex(p, (uintptr_t)a);
		if (kind == 'r') {
			*p++ = ' ';
			p = hex(p, (uintptr_t)b);
		}
		if (kind != 'f') {
			*p++ = ' ';
			p = dec(p, size);
		}
		*p++ = '\n';
		nbuf = (size_t)(p - buf);
	}
	pthread_mutex_unlock(&lock);
	inside = 0;
}

__attribute__((destructor)) static void fini(void)
{
	pthread_mutex_lock(&lock);
	if (fd >= 0 && !disabled)
		flush_locked();
	disabled = 1;
	pthread_mutex_unlock(&lock);
}

static int from_boot(const void *p) { return (const char *)p >= boot && (const char *)p < boot + sizeof boot; }

void *malloc(size_t n)
{
	init();
	void *p = real_malloc(n);
	if (p)
		record('a', p, NULL, n);
	return p;
}

void *calloc(size_t n, size_t m)
{
	if (real_calloc == NULL) { /* dlsym itself may calloc: serve it from boot */
		size_t sz = (n * m + 15) & ~(size_t)15;
		if (nboot + sz > sizeof boot)
			return NULL;
		void *p = boot + nboot;
		nboot += sz;
		return p; /* static storage: already zero */
	}
	void *p = real_calloc(n, m);
	if (p)
		record('a', p, NULL, n * m);
	return p;
}

void *realloc(void *old, size_t n)
{
	init();
	if (from_boot(old)) {
		void *p = malloc(n);
		size_t room = (size_t)(boot + sizeof boot - (char *)old);
		if (p)
			memcpy(p, old, n < room ? n : room);
		return p;
	}
	if (old == NULL)
		return malloc(n);
	void *p = real_realloc(old, n);
	if (p)
		record('r', old, p, n);
	else if (n == 0)
		record('f', old, NULL, 0);
	return p;
}

void free(void *p)
{
	if (p == NULL || from_boot(p))
		return;
	init();
	record('f', p, NULL, 0);
	real_free(p);
}

void *memalign(size_t al, size_t n)
{
	init();
	void *p = real_memalign(al, n);
	if (p)
		record('a', p, NULL, n);
	return p;
}

int posix_memalign(void **out, size_t al, size_t n)
{
	init();
	int rc = real_posix_memalign(out, al, n);
	if (rc == 0)
		record('a', *out, NULL, n);
	return rc;
}

void *aligned_alloc(size_t al, size_t n)
{
	init();
	void *p = real_aligned_alloc(al, n);
	if (p)
		record('a', p, NULL, n);
	return p;
}
