/*
 * tcbench.c — run one workload on this executable's backend and print one
 * summary line (to stderr, so the workload's own output stays clean):
 *
 *   tcbench: workload=W backend=B size=S threads=N wall_s= cpu_s= peak_rss_kb=
 *            heap_alloc_bytes= cycles= pause_p50_us= pause_p99_us= pause_max_us=
 *            gc_cpu_frac=
 *
 * With --csv DIR it also writes DIR/W-B-pauses.csv (the pause histogram) and
 * appends the summary as a row of DIR/summary.csv.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "workloads.h"

static const workload workloads[] = {
	{"binary-trees", "maximum tree depth (Benchmarks Game n)", 18, binarytrees_run},
	{"churn", "long-lived cache size in MiB (server-like churn, --threads mutators)", 64, churn_run},
};
#define NWORKLOADS (sizeof workloads / sizeof workloads[0])

_Noreturn void bk_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "tcbench (%s): ", bk_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: tcbench-%s --workload NAME [--size S] [--threads N] [--gogc G|off] [--memlimit B]\n"
		"                  [--pacer P] [--csv DIR] [--seed X]\n\nworkloads (--size means):\n",
		bk_name);
	for (size_t i = 0; i < NWORKLOADS; i++)
		fprintf(f, "  %-14s %s (default %ld)\n", workloads[i].name, workloads[i].size_help,
			workloads[i].default_size);
	fprintf(f, "\npacers: go\n");
}

static _Noreturn void bad_flag(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "tcbench: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n(tcbench-%s --help lists workloads and flags)\n", bk_name);
	va_end(ap);
	exit(2);
}

static long parse_long(const char *flag, const char *v, long lo, long hi)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (*v == 0 || *end || errno || n < lo || n > hi)
		bad_flag("%s '%s': expected an integer from %ld to %ld", flag, v, lo, hi);
	return n;
}

static double now_s(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const workload *w = NULL;
	long size = -1;
	bk_config cfg = {.gogc = 100, .memlimit = 0, .pacer = "go", .threads = 1};
	const char *csv = NULL;
	unsigned long long seed = 1;
	for (int i = 1; i < argc; i++) {
		const char *f = argv[i];
		if (!strcmp(f, "--help") || !strcmp(f, "-h")) {
			usage(stdout);
			return 0;
		}
		if (strncmp(f, "--", 2) != 0)
			bad_flag("unexpected argument '%s'", f);
		if (i + 1 >= argc)
			bad_flag("%s needs a value", f);
		const char *v = argv[++i];
		if (!strcmp(f, "--workload")) {
			for (size_t k = 0; k < NWORKLOADS; k++)
				if (!strcmp(workloads[k].name, v))
					w = &workloads[k];
			if (w == NULL) {
				fprintf(stderr, "tcbench: unknown workload '%s'; known:", v);
				for (size_t k = 0; k < NWORKLOADS; k++)
					fprintf(stderr, " %s", workloads[k].name);
				fputc('\n', stderr);
				return 2;
			}
		} else if (!strcmp(f, "--size")) {
			size = parse_long(f, v, 1, LONG_MAX);
		} else if (!strcmp(f, "--threads")) {
			cfg.threads = (int)parse_long(f, v, 1, 64);
		} else if (!strcmp(f, "--gogc")) {
			cfg.gogc = !strcmp(v, "off") ? -1 : (int)parse_long(f, v, 0, INT_MAX);
		} else if (!strcmp(f, "--memlimit")) {
			if (tc_parse_bytes("--memlimit", v, &cfg.memlimit) != 0)
				bad_flag("%s", tc_last_error());
		} else if (!strcmp(f, "--pacer")) {
			if (strcmp(v, "go") != 0)
				bad_flag("unknown pacer '%s'; known: go", v);
			cfg.pacer = v;
		} else if (!strcmp(f, "--csv")) {
			csv = v;
		} else if (!strcmp(f, "--seed")) {
			seed = (unsigned long long)parse_long(f, v, 0, LONG_MAX);
		} else {
			bad_flag("unknown flag '%s'", f);
		}
	}
	if (w == NULL)
		bad_flag("--workload is required");
	if (csv && mkdir(csv, 0777) != 0 && errno != EEXIST)
		bad_flag("--csv %s: cannot create the directory: %s", csv, strerror(errno));
	if (bk_init(&cfg) != 0)
		return 2;

	wargs a = {.size = size > 0 ? size : w->default_size, .threads = cfg.threads, .seed = seed, .out = stdout};
	double w0 = now_s(CLOCK_MONOTONIC), c0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
	int rc = w->run(&a);
	double wall = now_s(CLOCK_MONOTONIC) - w0, cpu = now_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
	fflush(stdout);

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	bk_stats st;
	bk_stats_read(&st);
	double gcfrac = cpu > 0 ? (double)st.gc_cpu_ns / 1e9 / cpu : 0;
	char line[1024];
	snprintf(line, sizeof line,
		 "workload=%s backend=%s size=%ld threads=%d gogc=%d wall_s=%.4f cpu_s=%.4f peak_rss_kb=%ld "
		 "heap_alloc_bytes=%llu cycles=%llu pauses=%llu pause_p50_us=%.1f pause_p99_us=%.1f "
		 "pause_max_us=%.1f gc_cpu_frac=%.4f",
		 w->name, bk_name, a.size, a.threads, cfg.gogc, wall, cpu, ru.ru_maxrss,
		 (unsigned long long)st.alloc_bytes, (unsigned long long)st.cycles,
		 (unsigned long long)st.pause_count, (double)st.pause_p50_ns / 1e3, (double)st.pause_p99_ns / 1e3,
		 (double)st.pause_max_ns / 1e3, gcfrac);
	fprintf(stderr, "tcbench: %s%s\n", line, rc ? " RESULT=WRONG" : "");
	if (csv) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s-%s-pauses.csv", csv, w->name, bk_name);
		bk_pauses_csv(path);
		snprintf(path, sizeof path, "%s/summary.csv", csv);
		struct stat sb;
		bool fresh = stat(path, &sb) != 0;
		FILE *f = fopen(path, "a");
		if (f == NULL)
			bad_flag("--csv %s: cannot write: %s", path, strerror(errno));
		if (fresh)
			fprintf(f, "workload,backend,size,threads,gogc,wall_s,cpu_s,peak_rss_kb,heap_alloc_bytes,cycles,"
				   "pauses,pause_p50_us,pause_p99_us,pause_max_us,gc_cpu_frac\n");
		/* The summary line's values, in the header's order. */
		for (char *p = line, *tok; (tok = strtok(p, " ")); p = NULL) {
			char *eq = strchr(tok, '=');
			fprintf(f, "%s%s", p ? "" : ",", eq ? eq + 1 : tok);
		}
		fputc('\n', f);
		fclose(f);
	}
	bk_fini();
	return rc;
}
