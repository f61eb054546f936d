/* cli.h — tcbench's command line (cli.c): the workload registry and the flag
 * parser, apart from main so that fuzz/fuzz_flags.c can drive it. */
#ifndef TC_CLI_H
#define TC_CLI_H

#include <stdio.h>

#include "workloads.h"

typedef struct cli_opts {
	const workload *w;
	long size; /* -1: the workload's default */
	bk_config cfg;
	const char *csv, *trace;
	unsigned long long seed;
	double seconds; /* --seconds, for service; -1: its default */
	int help;         /* --help was given: print cli_usage and stop */
	int list_metrics; /* --list-metrics: print the backend's metrics and stop */
	int metrics;      /* --metrics: print every metric's value after the run */
} cli_opts;

/* Parse argv[1..argc-1]. Returns 0 (o filled), or -1 with what was wrong,
 * naming the flag and what is allowed, in err. Never exits. */
int cli_parse(int argc, char **argv, cli_opts *o, char *err, size_t errlen);
void cli_usage(FILE *f, const char *backend);

#endif
