/*
 * sampler.c — the heap timeline: a thread that, every SAMPLE_MS, reads the
 * backend's heap in use, goal and trigger (bk_sample_read) and the process's
 * RSS, keeps the peaks, and with --csv writes DIR/W-B-timeline.csv:
 *
 *   t_ms,heap_bytes,goal_bytes,trigger_bytes,rss_bytes,sys_bytes
 *
 * (sys_bytes: what the heap holds from the OS, mapped and not returned,
 * where the backend knows it; 0 otherwise)
 *
 * The sampler is not a mutator: backends make bk_sample_read safe from an
 * unattached thread (tricolor's metrics are atomics; jemalloc's mallctl,
 * glibc's mallinfo2 and libgc's GC_get_* take their own locks).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "sampler.h"

#define SAMPLE_MS 5

typedef struct row {
	double t_ms;
	uint64_t heap, goal, trigger, rss, sys;
} row;

static pthread_t thr;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int stop;
static row *rows;
static size_t nrows, caprows;
static uint64_t peak_heap;
static struct timespec t0;

static uint64_t rss_bytes(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long size, res = 0;
	if (f == NULL)
		return 0;
	if (fscanf(f, "%lu %lu", &size, &res) != 2)
		res = 0;
	fclose(f);
	return (uint64_t)res * (uint64_t)sysconf(_SC_PAGESIZE);
}

static double ms_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static void sample(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	bk_sample s;
	bk_sample_read(&s);
	if (s.heap > peak_heap)
		peak_heap = s.heap;
	if (nrows == caprows) {
		size_t cap = caprows ? 2 * caprows : 1024;
		row *r = realloc(rows, cap * sizeof *r);
		if (r == NULL)
			return; /* keep the peaks, drop the row */
		rows = r;
		caprows = cap;
	}
	rows[nrows++] = (row){ms_since(&t0, &now), s.heap, s.goal, s.trigger, rss_bytes(), s.sys};
}

static void *sampler_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	while (!stop) {
		sample();
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += SAMPLE_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&cv, &mu, &until);
	}
	sample();
	pthread_mutex_unlock(&mu);
	return NULL;
}

int sampler_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &t0);
	return pthread_create(&thr, NULL, sampler_main, NULL);
}

uint64_t sampler_stop(void)
{
	pthread_mutex_lock(&mu);
	stop = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
	pthread_join(thr, NULL);
	return peak_heap;
}

int sampler_write_csv(const char *path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "t_ms,heap_bytes,goal_bytes,trigger_bytes,rss_bytes,sys_bytes\n");
	for (size_t i = 0; i < nrows; i++)
		fprintf(f, "%.2f,%llu,%llu,%llu,%llu,%llu\n", rows[i].t_ms, (unsigned long long)rows[i].heap,
			(unsigned long long)rows[i].goal, (unsigned long long)rows[i].trigger,
			(unsigned long long)rows[i].rss, (unsigned long long)rows[i].sys);
	free(rows);
	rows = NULL;
	return fclose(f);
}
