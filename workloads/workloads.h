/* workloads.h — the registry of tcbench workloads. Each checks its own result
 * and returns nonzero (with a message) when it is wrong, so a broken
 * collector cannot pass for a fast one. */
#ifndef TC_WORKLOADS_H
#define TC_WORKLOADS_H

#include <stdio.h>

#include "backend.h"

typedef struct wargs {
	long size;
	int threads;
	unsigned long long seed;
	FILE *out; /* the workload's own output (binary-trees prints its checks) */
} wargs;

typedef struct workload {
	const char *name;
	const char *size_help; /* what --size means */
	long default_size;
	int (*run)(const wargs *a);
} workload;

int binarytrees_run(const wargs *a);
int churn_run(const wargs *a);

#endif
