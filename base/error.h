/*
 * error.h — tricolor's one error policy (docs/DESIGN.md, "Errors").
 *
 * Four outcomes, and each error site picks exactly one:
 *
 *   tc__seterr  a lower tier's reason (the OS said no, a size is out of
 *               range): recorded for this thread and returned upward as a
 *               failure value. Not reported: the public call that fails
 *               because of it reports, naming itself and quoting the reason.
 *   tc__error   a public call failed on bad input or misuse (a NULL or
 *               foreign pointer, a bad type, a malformed variable, a mutator
 *               used from the wrong thread): it returns its failure value
 *               and changes nothing; the message names the call.
 *   tc__warn    a public call succeeded, but not as asked (the heap grew past
 *               its memory limit): the program goes on.
 *   tc__fatal   going on could free a reachable object or corrupt the heap
 *               (the verifier found an unmarked live object, grey work could
 *               not be stored): report and abort().
 *
 * tc__trace writes a line of gctrace (TRICOLOR_GCTRACE) through the same
 * output, unprefixed, and records nothing.
 *
 * Every outcome but tc__seterr writes one line "tricolor: [warning: |fatal: ]
 * MESSAGE\n" through the output function (stderr unless the embedder set one
 * with tc_set_output), and all but tc__fatal leave MESSAGE in tc_last_error()
 * for this thread. Messages are at most TC_ERRMSG_MAX - 1 bytes; longer ones
 * are cut.
 */
#ifndef TC_ERROR_H
#define TC_ERROR_H

#include "tricolor.h"

#define TC_ERRMSG_MAX 512

void tc__seterr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tc__error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tc__warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tc__trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void tc__fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* TC_ERROR_H */
