/* workloads.h — the registry of tcbench workloads. Each checks its own result
 * and returns nonzero (with a message) when it is wrong, so a broken
 * collector cannot pass for a fast one. */
#ifndef TC_WORKLOADS_H
#define TC_WORKLOADS_H

#include <stdint.h>
#include <stdio.h>

#include "backend.h"

typedef struct wargs {
	long size;
	int threads;
	unsigned long long seed;
	FILE *out; /* the workload's own output (binary-trees prints its checks) */
	const char *trace; /* --trace, for replay */
	double seconds;    /* --seconds, for service */
} wargs;

typedef struct workload {
	const char *name;
	const char *size_help; /* what --size means */
	long default_size;
	int (*run)(const wargs *a);
	int (*prepare)(const wargs *a); /* optional, before the timed run: nonzero = cannot run */
} workload;

int binarytrees_run(const wargs *a);
int churn_run(const wargs *a);
int gcbench_run(const wargs *a);
int fifo_run(const wargs *a);
int largemix_run(const wargs *a);
int frag_run(const wargs *a);
int prodcons_run(const wargs *a);
int replay_run(const wargs *a);
int service_run(const wargs *a);
int finalizers_run(const wargs *a);
int ephemerons_run(const wargs *a);
int replay_prepare(const wargs *a); /* reads and checks the whole trace */

/* ---- common.c ---- */
static inline uint64_t wl_rand(uint64_t *s) /* xorshift64; *s must not be 0 */
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}
/* Run fn(arg_i) on n new threads, arg_i = args + i × argsize, while the
 * calling mutator t sits in a blocking region (it must not hold up a
 * collection while it waits). */
void wl_run_threads(bk_thread *t, int n, void *(*fn)(void *), void *args, size_t argsize);
/* Fill / check an object with a stamp derived from key (first and last
 * word, so a freed-and-reused object shows). */
void wl_stamp(void *p, size_t size, uint64_t key);
int wl_stamp_ok(const void *p, size_t size, uint64_t key);

#endif
