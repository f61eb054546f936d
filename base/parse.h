/*
 * parse.h — setting parsers shared by the environment (gc/config.c) and the
 * public tc_parse_bytes; see parse.c.
 */
#ifndef TC_PARSE_H
#define TC_PARSE_H

/* Report "VAR=\"VAL\" is malformed: expected WANT" (tc__error); returns -1. */
int tc__bad_value(const char *var, const char *val, const char *want);
/* A decimal integer in [lo, hi] with nothing after it; -1 if not (no report). */
int tc__parse_int(const char *s, long long lo, long long hi, long long *out);

#endif /* TC_PARSE_H */
