/* sampler.h — the heap timeline sampler of tcbench (sampler.c). */
#ifndef TC_SAMPLER_H
#define TC_SAMPLER_H

#include <stdint.h>

#include "backend.h"

int sampler_start(void);                  /* 0, or an errno from pthread_create */
uint64_t sampler_stop(void);              /* the peak heap in use seen */
int sampler_write_csv(const char *path);  /* the timeline; 0 or -1 */

#endif
