/*
 * check.h — invariants checked in debug builds (mimalloc's mi_assert_internal
 * and mi_assert_expensive).
 *
 *   tc_assert(e)            cheap checks (a compare, a load): compiled in with
 *                           TC_DEBUG (Debug and sanitizer builds)
 *   tc_assert_expensive(e)  checks that walk something (count a span's bits,
 *                           look an object up): with TC_DEBUG >= 2 (Debug and
 *                           ASan builds; not TSan, which is slow enough)
 *
 * A failed check is a collector bug: tc__fatal names the expression, file,
 * line and function, and aborts. Release builds compile both to nothing, and
 * the expression is not evaluated: it must have no side effect.
 */
#ifndef TC_CHECK_H
#define TC_CHECK_H

_Noreturn void tc__assert_fail(const char *expr, const char *file, int line, const char *func);

#if defined(TC_DEBUG) && TC_DEBUG >= 1
#define tc_assert(e) ((e) ? (void)0 : tc__assert_fail(#e, __FILE__, __LINE__, __func__))
#else
#define tc_assert(e) ((void)0)
#endif

#if defined(TC_DEBUG) && TC_DEBUG >= 2
#define tc_assert_expensive(e) tc_assert(e)
#define TC_EXPENSIVE_CHECKS 1
#else
#define tc_assert_expensive(e) ((void)0)
#define TC_EXPENSIVE_CHECKS 0
#endif

#endif /* TC_CHECK_H */
