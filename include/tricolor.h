/*
 * tricolor.h — the whole public API of tricolor, a concurrent tri-color
 * mark-sweep garbage collector for C (see DESIGN.md for the design).
 */
#ifndef TRICOLOR_H
#define TRICOLOR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TRICOLOR_VERSION "0.1.0"

/* The message describing the last failure on this thread, or NULL. Every
 * function that fails (returns NULL or a negative value) sets it. */
const char *tc_last_error(void);
void tc_clear_error(void);

#ifdef __cplusplus
}
#endif
#endif /* TRICOLOR_H */
