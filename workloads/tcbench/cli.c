/* cli.c — tcbench's workload registry and flag parser (cli.h). Every error
 * names the flag, the value and what is allowed. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const workload workloads[] = {
	{"binary-trees", "maximum tree depth (Benchmarks Game n); --threads share the depths", 18, binarytrees_run, NULL},
	{"gcbench", "maximum tree depth (Ellis/Kovac/Boehm GCBench; 1 thread)", 16, gcbench_run, NULL},
	{"churn", "long-lived cache size in MiB (server-like churn, --threads mutators)", 64, churn_run, NULL},
	{"fifo", "live MiB held in FIFO rings, one per thread", 64, fifo_run, NULL},
	{"largemix", "live MiB, one object in ten of 32 KiB..1 MiB; per thread share", 64, largemix_run, NULL},
	{"frag", "live MiB refilled with mismatched sizes (1 thread)", 64, frag_run, NULL},
	{"prodcons", "thousands of messages from ceil(N/2) producers to floor(N/2) consumers", 400, prodcons_run, NULL},
	{"replay", "times to replay --trace FILE (1 thread)", 1, replay_run, replay_prepare},
	{"service", "live MiB of sessions; a request loop timed per iteration for --seconds (default 5)", 64,
	 service_run, NULL},
	{"finalizers", "thousands of objects, each with a finalizer (split among --threads)", 1000, finalizers_run, NULL},
	{"ephemerons", "thousands of slots of a weak-key table, churned 10 times over", 100, ephemerons_run, NULL},
};
#define NWORKLOADS (sizeof workloads / sizeof workloads[0])

void cli_usage(FILE *f, const char *backend)
{
	fprintf(f,
		"usage: tcbench-%s --workload NAME [--size S] [--threads N] [--gogc G|off] [--memlimit B]\n"
		"                  [--pacer P] [--csv DIR] [--seed X] [--trace FILE] [--seconds T] [--metrics]\n"
		"       tcbench-%s --list-metrics | --help\n\nworkloads (--size means):\n",
		backend, backend);
	for (size_t i = 0; i < NWORKLOADS; i++)
		fprintf(f, "  %-14s %s (default %ld)\n", workloads[i].name, workloads[i].size_help,
			workloads[i].default_size);
	fprintf(f, "\npacers:");
	const char *const *p = bk_pacers();
	for (size_t i = 0; p[i] != NULL; i++)
		fprintf(f, "%s %s", i ? "," : "", p[i]);
	fprintf(f, "%s\n", p[0] == NULL ? " none (this backend has no pacer; --pacer is not for it)" : "");
}

static int fail(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
	va_end(ap);
	return -1;
}

static int parse_long(const char *flag, const char *v, long lo, long hi, long *out, char *err, size_t n)
{
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (*v == 0 || *end || errno || x < lo || x > hi)
		return fail(err, n, "%s '%s': expected an integer from %ld to %ld", flag, v, lo, hi);
	*out = x;
	return 0;
}

static bool pacer_known(const char *v)
{
	for (const char *const *p = bk_pacers(); *p != NULL; p++)
		if (!strcmp(*p, v))
			return true;
	return false;
}

int cli_parse(int argc, char **argv, cli_opts *o, char *err, size_t n)
{
	const char *pacer = bk_pacers()[0] ? bk_pacers()[0] : "none";
	*o = (cli_opts){.size = -1, .cfg = {.gogc = 100, .memlimit = 0, .pacer = pacer, .threads = 1}, .seed = 1,
			.seconds = -1};
	for (int i = 1; i < argc; i++) {
		const char *f = argv[i];
		long x = 0;
		if (!strcmp(f, "--help") || !strcmp(f, "-h")) {
			o->help = 1;
			return 0;
		}
		if (!strcmp(f, "--list-metrics")) {
			o->list_metrics = 1;
			return 0;
		}
		if (!strcmp(f, "--metrics")) {
			o->metrics = 1;
			continue;
		}
		if (strncmp(f, "--", 2) != 0)
			return fail(err, n, "unexpected argument '%s'", f);
		if (i + 1 >= argc)
			return fail(err, n, "%s needs a value", f);
		const char *v = argv[++i];
		if (!strcmp(f, "--workload")) {
			o->w = NULL;
			for (size_t k = 0; k < NWORKLOADS; k++)
				if (!strcmp(workloads[k].name, v))
					o->w = &workloads[k];
			if (o->w == NULL) {
				char known[256];
				size_t len = 0;
				for (size_t k = 0; k < NWORKLOADS && len < sizeof known; k++)
					len += (size_t)snprintf(known + len, sizeof known - len, " %s", workloads[k].name);
				return fail(err, n, "unknown workload '%s'; known:%s", v, known);
			}
		} else if (!strcmp(f, "--size")) {
			if (parse_long(f, v, 1, LONG_MAX, &o->size, err, n) != 0)
				return -1;
		} else if (!strcmp(f, "--threads")) {
			if (parse_long(f, v, 1, 64, &x, err, n) != 0)
				return -1;
			o->cfg.threads = (int)x;
		} else if (!strcmp(f, "--gogc")) {
			if (strcmp(v, "off") != 0 && parse_long(f, v, 0, INT_MAX, &x, err, n) != 0)
				return fail(err, n, "--gogc '%s': expected 'off' or an integer from 0 to %d", v, INT_MAX);
			o->cfg.gogc = !strcmp(v, "off") ? -1 : (int)x;
		} else if (!strcmp(f, "--memlimit")) {
			if (tc_parse_bytes("--memlimit", v, &o->cfg.memlimit) != 0)
				return fail(err, n, "%s", tc_last_error());
		} else if (!strcmp(f, "--pacer")) {
			if (!pacer_known(v))
				return fail(err, n, "unknown pacer '%s' for this backend (tcbench --help lists its pacers)", v);
			o->cfg.pacer = v;
		} else if (!strcmp(f, "--csv")) {
			o->csv = v;
		} else if (!strcmp(f, "--trace")) {
			o->trace = v;
		} else if (!strcmp(f, "--seconds")) {
			if (parse_long(f, v, 1, 3600, &x, err, n) != 0)
				return -1;
			o->seconds = (double)x;
		} else if (!strcmp(f, "--seed")) {
			if (parse_long(f, v, 0, LONG_MAX, &x, err, n) != 0)
				return -1;
			o->seed = (unsigned long long)x;
		} else {
			return fail(err, n, "unknown flag '%s'", f);
		}
	}
	if (o->w == NULL)
		return fail(err, n, "--workload is required");
	if (o->trace != NULL && o->w->run != replay_run)
		return fail(err, n, "--trace is for --workload replay only");
	if (o->seconds > 0 && o->w->run != service_run)
		return fail(err, n, "--seconds is for --workload service only");
	return 0;
}
