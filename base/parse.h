/*
 * parse.h — setting parsers shared by the environment (gc/config.c) and the
 * public tc_parse_bytes; see parse.c.
 */
#ifndef TC_PARSE_H
#define TC_PARSE_H

#include <stdint.h>

/* Report "VAR=\"VAL\" is malformed: expected WANT" (tc__error); returns -1. */
int tc__bad_value(const char *var, const char *val, const char *want);
/* A decimal integer in [lo, hi] with nothing after it; -1 if not (no report). */
int tc__parse_int(const char *s, long long lo, long long hi, long long *out);
/* libgc's size syntax (GC_INITIAL_HEAP_SIZE, GC_MAXIMUM_HEAP_SIZE): digits,
 * then optionally k, m or g in either case (powers of 2). Malformed or past
 * 2^64: a named error (tc__error), -1, *out unchanged. */
int tc__parse_gc_size(const char *var, const char *val, uint64_t *out);

#endif /* TC_PARSE_H */
