/*
 * barrier.h — the small interface between the write barrier and the
 * collector: whether the barrier is on for a mutator's heap, and the slow
 * path that shades, which gc/ implements.
 */
#ifndef TC_BARRIER_H
#define TC_BARRIER_H

#include <stdbool.h>

#include "tricolor.h"

bool barrier_enabled(const tc_mutator *m);
void barrier_shade(tc_mutator *m, void *old, void *val);

#endif
