/*
 * tcbench.c — run one workload on this executable's backend and print one
 * summary line (to stderr, so the workload's own output stays clean):
 *
 *   tcbench: workload=W backend=B size=S threads=N gogc=G pacer=P memlimit=L
 *            wall_s= cpu_s= peak_rss_kb= peak_heap_kb= heap_alloc_bytes=
 *            cycles= pauses= pause_p50_us= pause_p99_us= pause_max_us=
 *            gc_cpu_frac= overshoot_p99=
 *
 * peak_heap_kb is the most the heap timeline saw in use (sampler.c);
 * overshoot_p99 is, over the collector's cycles, the 99th percentile of heap
 * at mark termination / the cycle's goal (0 where the backend has no goal).
 * With --csv DIR it also writes DIR/W-B-pauses.csv (the pause histogram),
 * DIR/W-B-cycles.csv (the per-cycle record), DIR/W-B-intervals.csv (when the
 * collector took time from the program, for MMU curves), DIR/W-B-timeline.csv
 * (the heap timeline), and appends the summary as a row of DIR/summary.csv;
 * a backend without one of these leaves it out.
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
#include <unistd.h>

#include "sampler.h"
#include "workloads.h"

static const workload workloads[] = {
	{"binary-trees", "maximum tree depth (Benchmarks Game n); --threads share the depths", 18, binarytrees_run, NULL},
	{"gcbench", "maximum tree depth (Ellis/Kovac/Boehm GCBench; 1 thread)", 16, gcbench_run, NULL},
	{"churn", "long-lived cache size in MiB (server-like churn, --threads mutators)", 64, churn_run, NULL},
	{"fifo", "live MiB held in FIFO rings, one per thread", 64, fifo_run, NULL},
	{"largemix", "live MiB, one object in ten of 32 KiB..1 MiB; per thread share", 64, largemix_run, NULL},
	{"frag", "live MiB refilled with mismatched sizes (1 thread)", 64, frag_run, NULL},
	{"prodcons", "thousands of messages from ceil(N/2) producers to floor(N/2) consumers", 400, prodcons_run, NULL},
	{"replay", "times to replay --trace FILE (1 thread)", 1, replay_run, replay_prepare},
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
		"                  [--pacer P] [--csv DIR] [--seed X] [--trace FILE]\n\nworkloads (--size means):\n",
		bk_name);
	for (size_t i = 0; i < NWORKLOADS; i++)
		fprintf(f, "  %-14s %s (default %ld)\n", workloads[i].name, workloads[i].size_help,
			workloads[i].default_size);
	fprintf(f, "\npacers (tricolor; ignored by the other backends): %s\n", tc_pacer_names());
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

static bool pacer_known(const char *v)
{
	size_t n = strlen(v);
	for (const char *p = tc_pacer_names(); (p = strstr(p, v)) != NULL; p += n)
		if ((p == tc_pacer_names() || p[-1] == ' ') && (p[n] == ',' || p[n] == 0))
			return true;
	return false;
}

/* Write one of the run's CSV files, DIR/W-B-what.csv, if the backend has it. */
static void write_csv(const char *dir, const char *w, const char *what, int (*fn)(const char *path))
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s-%s-%s.csv", dir, w, bk_name, what);
	if (fn(path) != 0)
		unlink(path); /* this backend has none */
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
	const char *csv = NULL, *trace = NULL;
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
			if (!pacer_known(v))
				bad_flag("unknown pacer '%s'; known: %s", v, tc_pacer_names());
			cfg.pacer = v;
		} else if (!strcmp(f, "--csv")) {
			csv = v;
		} else if (!strcmp(f, "--trace")) {
			trace = v;
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

	if (trace != NULL && w->run != replay_run)
		bad_flag("--trace is for --workload replay only");
	wargs a = {.size = size > 0 ? size : w->default_size, .threads = cfg.threads, .seed = seed, .out = stdout,
		   .trace = trace};
	if (w->prepare && w->prepare(&a) != 0)
		return 2;
	if (sampler_start() != 0)
		bk_die("cannot start the heap sampler thread");
	double w0 = now_s(CLOCK_MONOTONIC), c0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
	int rc = w->run(&a);
	double wall = now_s(CLOCK_MONOTONIC) - w0, cpu = now_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
	uint64_t peak_heap = sampler_stop();
	fflush(stdout);

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	bk_stats st;
	bk_stats_read(&st);
	double gcfrac = cpu > 0 ? (double)st.gc_cpu_ns / 1e9 / cpu : 0;
	char line[1024];
	snprintf(line, sizeof line,
		 "workload=%s backend=%s size=%ld threads=%d gogc=%d pacer=%s memlimit=%llu wall_s=%.4f cpu_s=%.4f "
		 "peak_rss_kb=%ld peak_heap_kb=%llu heap_alloc_bytes=%llu cycles=%llu pauses=%llu pause_p50_us=%.1f "
		 "pause_p99_us=%.1f pause_max_us=%.1f gc_cpu_frac=%.4f overshoot_p99=%.4f",
		 w->name, bk_name, a.size, a.threads, cfg.gogc, cfg.pacer, (unsigned long long)cfg.memlimit, wall, cpu,
		 ru.ru_maxrss, (unsigned long long)(peak_heap >> 10), (unsigned long long)st.alloc_bytes,
		 (unsigned long long)st.cycles, (unsigned long long)st.pause_count, (double)st.pause_p50_ns / 1e3,
		 (double)st.pause_p99_ns / 1e3, (double)st.pause_max_ns / 1e3, gcfrac, st.overshoot_p99);
	fprintf(stderr, "tcbench: %s%s\n", line, rc ? " RESULT=WRONG" : "");
	if (csv) {
		write_csv(csv, w->name, "pauses", bk_pauses_csv);
		write_csv(csv, w->name, "cycles", bk_cycles_csv);
		write_csv(csv, w->name, "intervals", bk_intervals_csv);
		write_csv(csv, w->name, "timeline", sampler_write_csv);
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/summary.csv", csv);
		struct stat sb;
		bool fresh = stat(path, &sb) != 0;
		FILE *f = fopen(path, "a");
		if (f == NULL)
			bad_flag("--csv %s: cannot write: %s", path, strerror(errno));
		/* The header is the summary line's keys, the row its values. */
		for (int pass = fresh ? 0 : 1; pass < 2; pass++) {
			char copy[sizeof line];
			memcpy(copy, line, sizeof line);
			for (char *p = copy, *tok; (tok = strtok(p, " ")); p = NULL) {
				char *eq = strchr(tok, '=');
				if (pass == 0 && eq)
					*eq = 0;
				fprintf(f, "%s%s", p ? "" : ",", pass == 0 || !eq ? tok : eq + 1);
			}
			fputc('\n', f);
		}
		fclose(f);
	}
	bk_fini();
	return rc;
}
