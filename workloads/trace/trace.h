/*
 * trace.h — the allocation trace format and its parser (trace.c), shared by
 * tcbench's replay workload (replay.c) and the trace fuzzer (fuzz/).
 *
 * One record per line, plain text or gzip:
 *
 *   # anything                 a comment; blank lines are ignored too
 *   a ID SIZE                  allocate object ID of SIZE bytes (1 B .. 1 GiB)
 *   f ID                       object ID dies (free)
 *   r OLD NEW SIZE             realloc: NEW gets SIZE bytes and OLD's contents
 *                              (up to the smaller size), then OLD dies
 *   p ID OFFSET TARGET         store a pointer to TARGET (an ID, or - for
 *                              none) at byte OFFSET (8-aligned) of ID
 *
 * IDs are decimal, below 2^24 (the replayer keeps a table indexed by ID, so
 * IDs must be dense, as scripts/trace-compact.py makes them), and name one
 * live object at a time (an ID may be allocated again after it dies). The parser checks every record
 * against the objects live at that point: a malformed line, a free of an ID
 * that is not live, an allocation of a live ID or a store out of bounds is
 * an error naming the file and line.
 */
#ifndef TC_TRACE_H
#define TC_TRACE_H

#include <stdint.h>
#include <stdio.h>

enum { OP_A, OP_F, OP_R, OP_P };
#define TRACE_MAX_SIZE ((uint64_t)1 << 30)
#define TRACE_MAX_ID ((uint64_t)1 << 24)

typedef struct op {
	uint8_t kind;
	uint32_t id, id2; /* r: OLD, NEW; p: ID, TARGET (UINT32_MAX = none) */
	uint64_t n;       /* a, r: size; p: offset */
} op;

typedef struct trace {
	op *ops;
	size_t nops, cap;
	uint32_t nids;   /* IDs are < nids */
	uint64_t *size;  /* while checking: size of the live object, 0 = not live */
	uint8_t *scan;   /* IDs that receive pointer stores */
	const char *path; /* for messages */
	FILE *err;        /* where messages go (stderr when NULL) */
} trace;

/* Parse one line (NUL-terminated, may end in a newline) into tr; -1 with a
 * message on stderr naming tr->path and line when it is wrong. */
int trace_parse_line(trace *tr, char *s, unsigned long line);
/* Read and check a whole trace file: 0, or -1 with a message. */
int trace_load(trace *tr, const char *path);
void trace_free(trace *tr);

#endif
