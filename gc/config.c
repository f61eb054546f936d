/*
 * config.c — tc_config defaults and the TRICOLOR_* environment, the way Go
 * reads GOGC and GOMEMLIMIT.
 *
 * A malformed value is an error that names the variable and the value; it is
 * never replaced by a default. The tuning variables (GOGC, MEMLIMIT, GCTRACE)
 * override defaults only: a heap created from an explicit tc_config keeps what
 * the embedder chose. The debug switches (VERIFY, TORTURE) apply to every
 * heap, so that a whole test suite can be run under them.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "parse.h"

static int parse_gogc(const char *val, int *gogc)
{
	long long v;
	if (!strcmp(val, "off")) {
		*gogc = -1;
		return 0;
	}
	if (tc__parse_int(val, INT_MIN, INT_MAX, &v) != 0)
		return tc__bad_value("TRICOLOR_GOGC", val, "an integer percentage or 'off'");
	*gogc = v < 0 ? -1 : (int)v;
	return 0;
}

static int parse_flag(const char *var, const char *val, int *out)
{
	if (!strcmp(val, "0") || !strcmp(val, "1")) {
		*out = val[0] - '0';
		return 0;
	}
	return tc__bad_value(var, val, "0 or 1");
}

int tc__config_from_env(tc_config *cfg, bool tuning)
{
	const char *v;
	if (tuning) {
		if ((v = getenv("TRICOLOR_GOGC")) && parse_gogc(v, &cfg->gogc) != 0)
			return -1;
		if ((v = getenv("TRICOLOR_MEMLIMIT")) && tc_parse_bytes("TRICOLOR_MEMLIMIT", v, &cfg->memory_limit) != 0)
			return -1;
		if ((v = getenv("TRICOLOR_GCTRACE")) && parse_flag("TRICOLOR_GCTRACE", v, &cfg->gctrace) != 0)
			return -1;
		if ((v = getenv("TRICOLOR_PACER"))) {
			if (tc__pacer_lookup(v) < 0) {
				tc__error("TRICOLOR_PACER=\"%s\" is unknown: expected one of %s", v, tc_pacer_names());
				return -1;
			}
			cfg->pacer = v;
		}
		if ((v = getenv("TRICOLOR_FINALIZERS"))) {
			if (strcmp(v, "thread") != 0 && strcmp(v, "manual") != 0)
				return tc__bad_value("TRICOLOR_FINALIZERS", v, "'thread' or 'manual'");
			cfg->finalizers = v;
		}
		if ((v = getenv("TRICOLOR_ASSISTS"))) {
			if (tc__assists_lookup(v) < 0)
				return tc__bad_value("TRICOLOR_ASSISTS", v, "'marked' or 'scanned'");
			cfg->assists = v;
		}
	}
	if ((v = getenv("TRICOLOR_TRACE"))) {
		if (*v == 0)
			return tc__bad_value("TRICOLOR_TRACE", v, "a file name");
		cfg->trace = v;
	}
	if ((v = getenv("TRICOLOR_INTERVALS"))) {
		long long n;
		if (tc__parse_int(v, 1, TC__IVLOG_MAX, &n) != 0)
			return tc__bad_value("TRICOLOR_INTERVALS", v, "how many intervals the log keeps, 1 to 16777216");
		cfg->interval_log = (uint64_t)n;
	}
	int verify = 0;
	if ((v = getenv("TRICOLOR_VERIFY")) && parse_flag("TRICOLOR_VERIFY", v, &verify) != 0)
		return -1;
	if (verify)
		cfg->verify = 1;
	if ((v = getenv("TRICOLOR_TORTURE"))) {
		long long n;
		if (tc__parse_int(v, 0, UINT_MAX, &n) != 0)
			return tc__bad_value("TRICOLOR_TORTURE", v, "a non-negative count of allocations between collections");
		if (n > 0)
			cfg->torture = (unsigned)n;
	}
	return 0;
}

int tc_config_init(tc_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->gogc = 100;
	cfg->stacks = TC_STACKS_CONSERVATIVE;
	cfg->pacer = "go";
	cfg->finalizers = "thread";
	cfg->assists = "marked";
	return tc__config_from_env(cfg, true);
}
