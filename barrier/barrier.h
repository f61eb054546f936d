/*
 * barrier.h — the small interface between the write barrier and the
 * collector: the shading slow path, which gc/ implements. (Whether the
 * barrier is on is the mutator's own flag, tricolor/inline.h.)
 */
#ifndef TC_BARRIER_H
#define TC_BARRIER_H

#include <stdbool.h>

#include "tricolor.h"

void barrier_shade(tc_mutator *m, void *old, void *val);

#endif
