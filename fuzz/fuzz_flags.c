/* fuzz_flags.c — libFuzzer target: tcbench's flag parser
 * (workloads/tcbench/cli.c). The input is split at newlines and NULs into up to 16
 * arguments. cli_parse must accept them or say what was wrong, never crash
 * and never exit; what it accepts must name a workload (or be --help or
 * --list-metrics). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The workloads' files need the runner's bk_die; parsing never calls it. */
void bk_die(const char *fmt, ...)
{
	(void)fmt;
	__builtin_trap();
}

static void drop(const char *line, void *arg)
{
	(void)line;
	(void)arg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tc_set_output(drop, NULL); /* tc_parse_bytes reports too; cli_parse's err is what is checked */
	char buf[1024];
	size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
	memcpy(buf, data, n);
	buf[n] = 0;
	char *argv[18] = {"tcbench-fuzz"};
	int argc = 1;
	for (size_t i = 0; i <= n && argc < 17;) {
		argv[argc++] = buf + i;
		while (i < n && buf[i] != 0 && buf[i] != '\n')
			i++;
		buf[i++] = 0;
	}
	cli_opts o;
	char err[512];
	err[0] = 0;
	int rc = cli_parse(argc, argv, &o, err, sizeof err);
	if (rc != 0 && err[0] == 0)
		__builtin_trap(); /* an error must say what was wrong */
	if (rc == 0 && !o.help && !o.list_metrics && o.w == NULL)
		__builtin_trap();
	return 0;
}
