/* common.c — helpers the workloads share (workloads.h). */
#include <pthread.h>
#include <string.h>

#include "workloads.h"

void wl_run_threads(bk_thread *t, int n, void *(*fn)(void *), void *args, size_t argsize)
{
	pthread_t th[64];
	n = n < 1 ? 1 : n > 64 ? 64 : n;
	bk_blocking_enter(t);
	for (int i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, fn, (char *)args + (size_t)i * argsize) != 0)
			bk_die("pthread_create failed");
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	bk_blocking_leave(t);
}

void wl_stamp(void *p, size_t size, uint64_t key)
{
	uint64_t *w = p;
	if (size < 8)
		return;
	w[0] = key;
	if (size >= 16)
		w[size / 8 - 1] = ~key;
}

int wl_stamp_ok(const void *p, size_t size, uint64_t key)
{
	const uint64_t *w = p;
	return size < 8 || (w[0] == key && (size < 16 || w[size / 8 - 1] == ~key));
}
