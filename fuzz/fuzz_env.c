/* fuzz_env.c — libFuzzer target: the environment parsers (gc/config.c,
 * tc_parse_bytes, and the libgc shim's GC_INITIAL_HEAP_SIZE and
 * GC_MAXIMUM_HEAP_SIZE, base/parse.c's tc__parse_gc_size). The first byte
 * picks a variable, the rest is its value. tc_config_init must accept it or
 * fail with a message naming the variable; what it accepts must be in range,
 * and the message must reach the output function (tc_set_output) as one
 * "tricolor: " line. A libgc size must parse to what its digits and unit
 * say, or be refused the same way. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "tricolor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const vars[] = {"TRICOLOR_GOGC",    "TRICOLOR_MEMLIMIT", "TRICOLOR_PACER",      "TRICOLOR_TORTURE",
				   "TRICOLOR_VERIFY",  "TRICOLOR_GCTRACE",  "TRICOLOR_FINALIZERS", "TRICOLOR_TRACE"};

static char lastline[1024];

static void keep_line(const char *line, void *arg)
{
	(void)arg;
	strncpy(lastline, line, sizeof lastline - 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	tc_set_output(keep_line, NULL);
	lastline[0] = 0;
	char val[256];
	size_t n = size - 1 < sizeof val - 1 ? size - 1 : sizeof val - 1;
	memcpy(val, data + 1, n);
	val[n] = 0;
	if (data[0] & 0x80) {
		const char *gv = data[0] & 1 ? "GC_MAXIMUM_HEAP_SIZE" : "GC_INITIAL_HEAP_SIZE";
		uint64_t out = 12345;
		tc_clear_error();
		if (tc__parse_gc_size(gv, val, &out) != 0) {
			const char *e = tc_last_error();
			if (out != 12345 || e == NULL || strstr(e, gv) == NULL || strncmp(lastline, "tricolor: ", 10) != 0)
				__builtin_trap(); /* refused: named, written, nothing stored */
		} else {
			char *end;
			unsigned long long digits = strtoull(val, &end, 10);
			uint64_t mul = *end == 0 ? 1 : (*end | 32) == 'k' ? 1u << 10 : (*end | 32) == 'm' ? 1u << 20 : 1u << 30;
			if (out != digits * mul || (*end != 0 && end[1] != 0))
				__builtin_trap(); /* accepted: exactly the digits times the unit */
		}
		return 0;
	}
	const char *var = vars[data[0] % (sizeof vars / sizeof vars[0])];
	setenv(var, val, 1);
	tc_config c;
	tc_clear_error();
	if (tc_config_init(&c) != 0) {
		const char *e = tc_last_error();
		if (e == NULL || strstr(e, var) == NULL)
			__builtin_trap(); /* an error must name the variable */
		if (strncmp(lastline, "tricolor: ", 10) != 0 || strstr(lastline, var) == NULL)
			__builtin_trap(); /* ... and be written through the output function */
	} else if (c.gogc < -1 || (c.verify != 0 && c.verify != 1) || (c.gctrace != 0 && c.gctrace != 1) ||
		   (c.trace != NULL && c.trace[0] == 0)) {
		__builtin_trap();
	}
	unsetenv(var);
	uint64_t b;
	tc_clear_error();
	if (tc_parse_bytes("fuzz", val, &b) != 0 && tc_last_error() == NULL)
		__builtin_trap();
	return 0;
}
