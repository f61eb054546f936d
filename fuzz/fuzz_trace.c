/* fuzz_trace.c — libFuzzer target: the trace parser (workloads/trace/trace.c).
 * The input is a trace, line by line. Whatever it holds, the parser must
 * accept it or stop with a message, never crash, and what it accepted must
 * satisfy the replayer's preconditions: IDs inside the table, sizes in
 * range, stores inside their object. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	trace tr;
	memset(&tr, 0, sizeof tr);
	tr.path = "fuzz";
	tr.err = devnull;
	char line[512];
	unsigned long ln = 0;
	for (size_t i = 0; i < size;) {
		size_t j = 0;
		while (i < size && data[i] != '\n' && j < sizeof line - 2)
			line[j++] = (char)data[i++];
		if (i < size && data[i] == '\n') {
			line[j++] = '\n';
			i++;
		}
		line[j] = 0;
		if (trace_parse_line(&tr, line, ++ln) != 0)
			break;
	}
	for (size_t k = 0; k < tr.nops; k++) {
		const op *o = &tr.ops[k];
		if (o->id >= tr.nids || (o->kind == OP_R && o->id2 >= tr.nids) ||
		    (o->kind == OP_P && o->id2 != UINT32_MAX && o->id2 >= tr.nids))
			__builtin_trap();
		if ((o->kind == OP_A || o->kind == OP_R) && (o->n == 0 || o->n > TRACE_MAX_SIZE))
			__builtin_trap();
		if (o->kind == OP_P && o->n % 8 != 0)
			__builtin_trap();
	}
	trace_free(&tr);
	return 0;
}
