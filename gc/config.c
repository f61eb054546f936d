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

static int bad(const char *var, const char *val, const char *want)
{
	tc__error("%s=\"%s\" is malformed: expected %s", var, val, want);
	return -1;
}

/* A decimal integer with nothing after it; returns -1 if not. */
static int parse_int(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	if (*s == 0 || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int parse_gogc(const char *val, int *gogc)
{
	long long v;
	if (!strcmp(val, "off")) {
		*gogc = -1;
		return 0;
	}
	if (parse_int(val, INT_MIN, INT_MAX, &v) != 0)
		return bad("TRICOLOR_GOGC", val, "an integer percentage or 'off'");
	*gogc = v < 0 ? -1 : (int)v;
	return 0;
}

/* Go's GOMEMLIMIT syntax: a byte count with an optional unit B, KiB, MiB,
 * GiB, TiB (also KB, MB, GB, TB as powers of ten), or "off". */
int tc_parse_bytes(const char *what, const char *val, uint64_t *limit)
{
	static const struct {
		const char *unit;
		uint64_t mult;
	} units[] = {{"B", 1},
		     {"KiB", 1ull << 10},
		     {"MiB", 1ull << 20},
		     {"GiB", 1ull << 30},
		     {"TiB", 1ull << 40},
		     {"KB", 1000ull},
		     {"MB", 1000000ull},
		     {"GB", 1000000000ull},
		     {"TB", 1000000000000ull}};
	const char *want = "a byte count with an optional unit (B, KiB, MiB, GiB, TiB, KB, MB, GB, TB) or 'off'";
	if (!strcmp(val, "off")) {
		*limit = 0;
		return 0;
	}
	const char *p = val;
	if (!isdigit((unsigned char)*p))
		return bad(what, val, want);
	errno = 0;
	char *end;
	unsigned long long n = strtoull(p, &end, 10);
	if (errno)
		return bad(what, val, want);
	uint64_t mult = 1;
	if (*end) {
		size_t i, nu = sizeof units / sizeof units[0];
		for (i = 0; i < nu; i++)
			if (!strcmp(end, units[i].unit))
				break;
		if (i == nu)
			return bad(what, val, want);
		mult = units[i].mult;
	}
	if (n > UINT64_MAX / mult)
		return bad(what, val, "a limit below 2^64 bytes");
	*limit = n * mult;
	return 0;
}

static int parse_flag(const char *var, const char *val, int *out)
{
	if (!strcmp(val, "0") || !strcmp(val, "1")) {
		*out = val[0] - '0';
		return 0;
	}
	return bad(var, val, "0 or 1");
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
	}
	int verify = 0;
	if ((v = getenv("TRICOLOR_VERIFY")) && parse_flag("TRICOLOR_VERIFY", v, &verify) != 0)
		return -1;
	if (verify)
		cfg->verify = 1;
	if ((v = getenv("TRICOLOR_TORTURE"))) {
		long long n;
		if (parse_int(v, 0, UINT_MAX, &n) != 0)
			return bad("TRICOLOR_TORTURE", v, "a non-negative count of allocations between collections");
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
	return tc__config_from_env(cfg, true);
}
