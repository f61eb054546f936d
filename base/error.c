/*
 * error.c — the error policy of error.h: the thread's last error and the
 * output function (mimalloc's mi_register_output).
 *
 * Invariants: the last error is thread-local, so no lock; the output function
 * and its argument are one pair, swapped atomically under outlock so that a
 * message never goes to one function with another's argument. A message is
 * formatted into a temporary first, so it may wrap the previous one
 * (tc__error("%s: %s", fn, tc_last_error())).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "error.h"
#include "lock.h"

static _Thread_local char lasterr[TC_ERRMSG_MAX];
static mutex outlock = {PTHREAD_MUTEX_INITIALIZER, LR_OUTPUT};
static tc_output_fn outfn;
static void *outarg;

enum { E_SET, E_ERROR, E_WARN, E_FATAL, E_TRACE };

static void vreport(int what, const char *fmt, va_list ap)
{
	static const char *const level[] = {"", "", "warning: ", "fatal: "};
	bool trace = what == E_TRACE;
	char msg[TC_ERRMSG_MAX], line[TC_ERRMSG_MAX + 32];
	vsnprintf(msg, sizeof msg, fmt, ap); // NOLINT(clang-analyzer-valist.Uninitialized): callers va_start
	if (what != E_FATAL && !trace)
		memcpy(lasterr, msg, sizeof lasterr);
	if (what == E_SET)
		return;
	snprintf(line, sizeof line, "%s%s%s\n", trace ? "" : "tricolor: ", trace ? "" : level[what], msg);
	lock(&outlock);
	tc_output_fn fn = outfn;
	void *arg = outarg;
	unlock(&outlock);
	if (fn != NULL)
		fn(line, arg);
	else
		fputs(line, stderr);
}

#define REPORT(what)                      \
	do {                              \
		va_list ap;               \
		va_start(ap, fmt);        \
		vreport(what, fmt, ap);   \
		va_end(ap);               \
	} while (0)

void tc__seterr(const char *fmt, ...) { REPORT(E_SET); }
void tc__error(const char *fmt, ...) { REPORT(E_ERROR); }
void tc__warn(const char *fmt, ...) { REPORT(E_WARN); }
void tc__trace(const char *fmt, ...) { REPORT(E_TRACE); }

void tc__fatal(const char *fmt, ...)
{
	REPORT(E_FATAL);
	abort();
}

void tc_set_output(tc_output_fn fn, void *arg)
{
	lock(&outlock);
	outfn = fn;
	outarg = arg;
	unlock(&outlock);
}

const char *tc_last_error(void) { return lasterr[0] ? lasterr : NULL; }

void tc_clear_error(void) { lasterr[0] = 0; }

void tc__assert_fail(const char *expr, const char *file, int line, const char *func)
{
	tc__fatal("internal check failed: %s (%s:%d, %s): a collector bug", expr, file, line, func);
}
