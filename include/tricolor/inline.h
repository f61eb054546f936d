/*
 * tricolor/inline.h — the fast paths inlined into the embedder's code
 * (included by tricolor.h; not to be included alone).
 *
 * tc_write's idle path is one load of the mutator's own barrier flag and one
 * predictable branch, then the store; tc_write_init's, the same while the
 * collector marks too, once this mutator's stack is scanned. The flag is the first word of every
 * tc_mutator; each mutator sets its own at a handshake (or the collector sets
 * it while the mutator is blocked), so the load needs no ordering. A library
 * built with TC_DEBUG keeps a second bit set in the flag, so every store
 * takes the slow path and its slot is checked, with no change to the
 * embedder's build.
 *
 * tc_alloc's fast path takes the lowest free slot of a run: up to 64 free
 * slots of one 64-slot stretch of the span the mutator's cache holds for the
 * type's size class (Go's allocCache, kept in the mutator rather than the
 * span; a second type of the same size has a span of its own). A run
 * serves inline only the type it is prepared for: its slots were zeroed
 * when the run was loaded, and the span describes that type's pointers for
 * all its objects, or for each free slot of the run (alloc/heapbits.c), so
 * the object needs no set-up; the store to *published (release) then makes
 * it visible, as allocated, to a marker resolving a conservative pointer.
 * The mutator finds a type's run through a small table indexed by the
 * type's address, filled by the library after it has checked the type: so a
 * type is checked once per mutator (and run), not on every call. Everything
 * else takes tc_alloc_slow: a type not yet seen, an exhausted run (the
 * library loads the next one, and marks it whole while the mutator
 * allocates black), a type other than the one its run was prepared for,
 * torture mode, and a TC_DEBUG library, which keeps alloc_slow set so that
 * every call is checked. The inline path checks m and t for NULL only; a
 * mutator used after detach or from another thread is caught by a TC_DEBUG
 * library. tc_alloc_noscan's fast path is the same, on the run of the
 * noscan span the mutator's cache holds for the size class, found through a
 * table indexed by the size in words (any run of a noscan class is
 * prepared for all of them: nothing is described). The library exports
 * tc_write, tc_alloc and tc_alloc_noscan as functions too, for callers that
 * cannot inline C (FFI).
 *
 * These structs are the library's own (its mutator and mcache begin with
 * and hold them); an embedder reads or writes none of their fields.
 */
#ifndef TRICOLOR_INLINE_H
#define TRICOLOR_INLINE_H

/* A run of free slots (see above). Owner-only: written by its mutator, or
 * by the collector while that mutator is blocked. */
typedef struct tc_alloc_run {
	const tc_type *type;  /* the type whose objects need no set-up here; NULL: none (library path only) */
	uint64_t free;        /* bit i: slot first + i is free and zeroed */
	uintptr_t base;       /* address of slot first */
	size_t elemsize;      /* bytes per slot */
	uint32_t first;       /* slot index of bit 0 (a multiple of 64) */
	uint32_t *published;  /* the span's count of slots visible as allocated (release) */
} tc_alloc_run;

#define TC_ALLOC_TYPES 32 /* entries of a mutator's type → run table */

#define TC_TYPE_SLOT(t) ((unsigned)((uintptr_t)(t) >> 4) % TC_ALLOC_TYPES) /* a type's entry in bytype */

#define TC_NOSCAN_INLINE_MAX 1024 /* bytes: larger tc_alloc_noscan calls take the library's path */

/* The part of a mutator the inlined fast paths read. */
typedef struct tc_mutator_head {
	int wb_on;      /* bit 0: the collector is marking; bit 1: a debug build checks every slot; bit 2:
			 * marking, and this mutator's stack not yet scanned (TC_WB_INIT_SLOW) */
	int alloc_slow; /* nonzero: every allocation takes tc_alloc_slow (torture mode, a TC_DEBUG library) */
	tc_alloc_run *bytype[TC_ALLOC_TYPES]; /* by TC_TYPE_SLOT: the run a type was last allocated from */
	tc_alloc_run *bysize[TC_NOSCAN_INLINE_MAX / 8]; /* by (bytes - 1) / 8: the noscan run of that size class */
} tc_mutator_head;

/* The wb_on bits that send tc_write_init to the library: a debug build's
 * checks, and a stack not yet scanned (the new value is shaded then). */
#define TC_WB_INIT_SLOW 6

TC_API void tc_write_slow(tc_mutator *m, void **slot, void *val);
TC_API void tc_write_init_slow(tc_mutator *m, void **slot, void *val);
TC_API void *tc_alloc_slow(tc_mutator *m, const tc_type *t);
TC_API void *tc_alloc_noscan_slow(tc_mutator *m, size_t bytes);

inline void tc_write(tc_mutator *m, void **slot, void *val)
{
	if (__builtin_expect(__atomic_load_n(&((const tc_mutator_head *)(const void *)m)->wb_on, __ATOMIC_RELAXED), 0))
		tc_write_slow(m, slot, val);
	else
		__atomic_store_n(slot, val, __ATOMIC_RELEASE);
}

/* An initialising store (tricolor.h): the library only while this mutator's
 * stack is not yet scanned, or in a debug build. */
inline void tc_write_init(tc_mutator *m, void **slot, void *val)
{
	if (__builtin_expect(__atomic_load_n(&((const tc_mutator_head *)(const void *)m)->wb_on, __ATOMIC_RELAXED) &
				     TC_WB_INIT_SLOW,
			     0))
		tc_write_init_slow(m, slot, val);
	else
		__atomic_store_n(slot, val, __ATOMIC_RELEASE);
}

/* Take the lowest free slot of run r, whose free slots are f (not 0), and
 * make it visible as allocated; the slot's address is the value. A macro:
 * the inline functions below may not call a static function (C99), and an
 * inline one would be exported. */
#define TC_ALLOC_RUN_TAKE(r, f)                                                                    \
	__extension__({                                                                            \
		unsigned tc_b_ = (unsigned)__builtin_ctzll(f);                                     \
		(r)->free = (f) & ((f)-1);                                                         \
		__atomic_store_n((r)->published, (r)->first + tc_b_ + 1, __ATOMIC_RELEASE);        \
		(void *)((r)->base + (uintptr_t)tc_b_ * (r)->elemsize);                            \
	})

inline void *tc_alloc(tc_mutator *m, const tc_type *t)
{
	if (__builtin_expect(m != NULL && t != NULL, 1)) {
		const tc_mutator_head *mh = (const tc_mutator_head *)(const void *)m;
		tc_alloc_run *r = mh->bytype[TC_TYPE_SLOT(t)];
		uint64_t f = r->free;
		if (__builtin_expect(r->type == t && f != 0 && mh->alloc_slow == 0, 1))
			return TC_ALLOC_RUN_TAKE(r, f);
	}
	return tc_alloc_slow(m, t);
}

inline void *tc_alloc_noscan(tc_mutator *m, size_t bytes)
{
	if (__builtin_expect(m != NULL && bytes - 1 < TC_NOSCAN_INLINE_MAX, 1)) {
		const tc_mutator_head *mh = (const tc_mutator_head *)(const void *)m;
		tc_alloc_run *r = mh->bysize[(bytes - 1) / 8];
		uint64_t f = r->free;
		if (__builtin_expect(r->type != NULL && f != 0 && mh->alloc_slow == 0, 1))
			return TC_ALLOC_RUN_TAKE(r, f);
	}
	return tc_alloc_noscan_slow(m, bytes);
}

#endif /* TRICOLOR_INLINE_H */
