/*
 * tcbench.c — run one workload on this executable's backend and print one
 * summary line (to stderr, so the workload's own output stays clean):
 *
 *   tcbench: workload=W backend=B size=S threads=N gogc=G pacer=P memlimit=L
 *            wall_s= cpu_s= peak_rss_kb= peak_heap_kb= heap_alloc_bytes=
 *            cycles= pauses= pause_p50_us= pause_p99_us= pause_max_us=
 *            gc_cpu_frac= overshoot_p99= verified_objects= steal_ms=
 *
 * peak_heap_kb is the most the heap timeline saw in use (sampler.c);
 * overshoot_p99 is, over the collector's cycles, the 99th percentile of heap
 * at mark termination / the cycle's goal (0 where the backend has no goal);
 * steal_ms is the hypervisor's steal from the whole machine during the run
 * (steal_ms below), to tell a guest's lost time from the program's.
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

#include "cli.h"
#include "sampler.h"
#include "workloads.h"


_Noreturn void bk_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "tcbench (%s): ", bk_name);
	vfprintf(stderr, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): va_start is just above
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
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

/* The machine's steal time so far, in ms (all CPUs; Linux's /proc/stat,
 * its eighth field): time the hypervisor ran something else while a vCPU of
 * this guest had work. A stolen thread neither runs nor is seen as switched
 * out, so a stall it causes is no collector's and no scheduler's: on a
 * 2-vCPU guest here, 35-100 ms gaps in the service loop's iterations and in
 * fifo's handshakes came with steal and with no context switch. -1 where it
 * cannot be read. */
static double steal_ms(void)
{
	FILE *f = fopen("/proc/stat", "r");
	unsigned long long v[8] = {0};
	int n = f ? fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
			   &v[6], &v[7])
		  : 0;
	if (f)
		fclose(f);
	long hz = sysconf(_SC_CLK_TCK);
	return n == 8 && hz > 0 ? (double)v[7] * 1000.0 / (double)hz : -1;
}

int main(int argc, char **argv)
{
	cli_opts o;
	char err[512];
	if (cli_parse(argc, argv, &o, err, sizeof err) != 0) {
		fprintf(stderr, "tcbench: %s\n(tcbench-%s --help lists workloads and flags)\n", err, bk_name);
		return 2;
	}
	if (o.help) {
		cli_usage(stdout, bk_name);
		return 0;
	}
	if (o.list_metrics) {
		bk_metrics_list(stdout);
		return 0;
	}
	const workload *w = o.w;
	const char *csv = o.csv;
	bk_config cfg = o.cfg;
	if (csv && mkdir(csv, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "tcbench: --csv %s: cannot create the directory: %s\n", csv, strerror(errno));
		return 2;
	}
	if (bk_init(&cfg) != 0)
		return 2;

	wargs a = {.size = o.size > 0 ? o.size : w->default_size, .threads = cfg.threads, .seed = o.seed,
		   .seconds = o.seconds > 0 ? o.seconds : 5,
		   .out = stdout, .trace = o.trace};
	if (w->prepare && w->prepare(&a) != 0)
		return 2;
	if (sampler_start() != 0)
		bk_die("cannot start the heap sampler thread");
	double w0 = now_s(CLOCK_MONOTONIC), c0 = now_s(CLOCK_PROCESS_CPUTIME_ID), s0 = steal_ms();
	int rc = w->run(&a);
	double wall = now_s(CLOCK_MONOTONIC) - w0, cpu = now_s(CLOCK_PROCESS_CPUTIME_ID) - c0, s1 = steal_ms();
	double steal = s0 >= 0 && s1 >= 0 ? s1 - s0 : -1;
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
		 "pause_p99_us=%.1f pause_max_us=%.1f stalls=%llu stall_p99_us=%.1f stall_max_us=%.1f mmu_1ms=%.3f "
		 "mmu_10ms=%.3f mmu_100ms=%.3f gc_cpu_frac=%.4f overshoot_p99=%.4f verified_objects=%llu steal_ms=%.0f",
		 w->name, bk_name, a.size, a.threads, cfg.gogc, cfg.pacer, (unsigned long long)cfg.memlimit, wall, cpu,
		 ru.ru_maxrss, (unsigned long long)(peak_heap >> 10), (unsigned long long)st.alloc_bytes,
		 (unsigned long long)st.cycles, (unsigned long long)st.pause_count, (double)st.pause_p50_ns / 1e3,
		 (double)st.pause_p99_ns / 1e3, (double)st.pause_max_ns / 1e3, (unsigned long long)st.stall_count,
		 (double)st.stall_p99_ns / 1e3, (double)st.stall_max_ns / 1e3, st.mmu_1ms, st.mmu_10ms, st.mmu_100ms,
		 gcfrac, st.overshoot_p99,
		 (unsigned long long)st.verified, steal);
	fprintf(stderr, "tcbench: %s%s\n", line, rc ? " RESULT=WRONG" : "");
	if (o.metrics)
		bk_metrics_print(stderr);
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
			bk_die("--csv %s: cannot write: %s", path, strerror(errno));
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
