/* cputarget_pacer.h — a pacer written outside tricolor, on its public API
 * only (tc_pacer in tricolor.h): see cputarget_pacer.c. */
#ifndef CPUTARGET_PACER_H
#define CPUTARGET_PACER_H

#include <tricolor.h>

/* The pacer, aiming GC CPU at target (0.05 .. 0.9 of one CPU's time per
 * wall second, over all CPUs). */
tc_pacer cputarget_pacer(double target);

#endif
