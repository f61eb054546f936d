/*
 * debug.c — libgc's debugging calls (GC_debug_*), which a program built
 * with -DGC_DEBUG makes instead of the plain ones (gc.h's GC_MALLOC and
 * friends), each with the caller's file and line.
 *
 * libgc's debugging allocator puts a header with that file and line before
 * each object and checks, at collections, that nothing wrote past its end.
 * The shim does not: each GC_debug_ call is the plain call, its file and
 * line unused, so a GC_DEBUG program runs with the same semantics as
 * without it. Overwrites are found instead by tricolor's own checks (an
 * ASan build, the heap verifier: TRICOLOR_VERIFY=1). The objects have no
 * header, so a pointer from GC_debug_malloc may be handed to GC_free and
 * one from GC_malloc to GC_debug_free, which libgc's debugging mode would
 * refuse. With libgc 8.2's gc.h on x86-64 Linux the extra parameters are
 * (const char *file, int line): GC_ADD_CALLER is not defined there, since
 * glibc can save call stacks.
 */
#include "shim.h"

GC_API void *GC_debug_malloc(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc(n);
}

GC_API void *GC_debug_malloc_atomic(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc_atomic(n);
}

GC_API void *GC_debug_malloc_uncollectable(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc_uncollectable(n);
}

GC_API void *GC_debug_malloc_atomic_uncollectable(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc_atomic_uncollectable(n);
}

GC_API void *GC_debug_malloc_ignore_off_page(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc(n);
}

GC_API void *GC_debug_malloc_atomic_ignore_off_page(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc_atomic(n);
}

/* Stubborn objects are plain ones in libgc 8 too. */
GC_API void *GC_debug_malloc_stubborn(size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_malloc(n);
}

GC_API void GC_debug_change_stubborn(const void *p) { (void)p; }
GC_API void GC_debug_end_stubborn_change(const void *p) { (void)p; }

GC_API char *GC_debug_strdup(const char *str, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_strdup(str);
}

GC_API char *GC_debug_strndup(const char *str, size_t k, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_strndup(str, k);
}

GC_API void GC_debug_free(void *p) { GC_free(p); }

GC_API void *GC_debug_realloc(void *p, size_t n, const char *s, int i)
{
	(void)s;
	(void)i;
	return GC_realloc(p, n);
}

/* As libgc's: with dummy file and line, so they can replace malloc. */
GC_API void *GC_debug_malloc_replacement(size_t n) { return GC_malloc(n); }
GC_API void *GC_debug_realloc_replacement(void *p, size_t n) { return GC_realloc(p, n); }

GC_API void GC_debug_register_finalizer(void *obj, GC_finalization_proc fn, void *cd, GC_finalization_proc *ofn,
					void **ocd)
{
	GC_register_finalizer(obj, fn, cd, ofn, ocd);
}

GC_API void GC_debug_register_finalizer_ignore_self(void *obj, GC_finalization_proc fn, void *cd,
						    GC_finalization_proc *ofn, void **ocd)
{
	GC_register_finalizer_ignore_self(obj, fn, cd, ofn, ocd);
}

GC_API void GC_debug_register_finalizer_no_order(void *obj, GC_finalization_proc fn, void *cd,
						 GC_finalization_proc *ofn, void **ocd)
{
	GC_register_finalizer_no_order(obj, fn, cd, ofn, ocd);
}

GC_API void GC_debug_register_displacement(size_t n) { GC_register_displacement(n); }

/* What GC_PTR_STORE_AND_DIRTY becomes under GC_DEBUG: the store (no
 * manual dirty bits: incremental mode finds writes by page, vdb.c). */
GC_API void GC_debug_ptr_store_and_dirty(void *p, const void *q) { *(const void **)p = q; }
