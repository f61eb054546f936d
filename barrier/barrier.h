/*
 * barrier.h — the small interface between the write barrier and the
 * collector: the shading slow path, which gc/ implements. (Whether the
 * barrier is on is the mutator's own flag, tricolor/inline.h.)
 */
#ifndef TC_BARRIER_H
#define TC_BARRIER_H

#include <stdbool.h>

#include "tricolor.h"

#define WB_MARKING 1 /* tc_mutator_head.wb_on bits */
#define WB_CHECK 2

void tc__barrier_shade(tc_mutator *m, void *old, void *val);
void tc__barrier_check_slot(tc_mutator *m, void **slot); /* TC_DEBUG: report a slot outside heap and roots */

#endif
