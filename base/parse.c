/*
 * parse.c — the parsers of tricolor's settings (TRICOLOR_* and flags that take
 * the same syntax): integers and byte counts. A malformed value is an error
 * through the error policy that names the setting and the value; it is never
 * replaced by a default.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "parse.h"

int tc__bad_value(const char *var, const char *val, const char *want)
{
	tc__error("%s=\"%s\" is malformed: expected %s", var, val, want);
	return -1;
}

/* A decimal integer with nothing after it; returns -1 if not. */
int tc__parse_int(const char *s, long long lo, long long hi, long long *out)
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

int tc__parse_gc_size(const char *var, const char *val, uint64_t *out)
{
	const char *want = "a byte count (digits, then k, M or G)";
	if (!isdigit((unsigned char)val[0]))
		return tc__bad_value(var, val, want);
	errno = 0;
	char *end;
	unsigned long long n = strtoull(val, &end, 10);
	uint64_t mul = 1;
	if (*end != 0 && end[1] == 0) {
		switch (tolower((unsigned char)*end)) {
		case 'k': mul = 1ull << 10; end++; break;
		case 'm': mul = 1ull << 20; end++; break;
		case 'g': mul = 1ull << 30; end++; break;
		default: break;
		}
	}
	if (errno || *end != 0 || n > UINT64_MAX / mul)
		return tc__bad_value(var, val, want);
	*out = n * mul;
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
		return tc__bad_value(what, val, want);
	errno = 0;
	char *end;
	unsigned long long n = strtoull(p, &end, 10);
	if (errno)
		return tc__bad_value(what, val, want);
	uint64_t mult = 1;
	if (*end) {
		size_t i, nu = sizeof units / sizeof units[0];
		for (i = 0; i < nu; i++)
			if (!strcmp(end, units[i].unit))
				break;
		if (i == nu)
			return tc__bad_value(what, val, want);
		mult = units[i].mult;
	}
	if (n > UINT64_MAX / mult)
		return tc__bad_value(what, val, "a limit below 2^64 bytes");
	*limit = n * mult;
	return 0;
}
