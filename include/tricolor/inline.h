/*
 * tricolor/inline.h — the fast paths inlined into the embedder's code
 * (included by tricolor.h; not to be included alone).
 *
 * tc_write's idle path is one load of the mutator's own barrier flag and one
 * predictable branch, then the store. The flag is the first word of every
 * tc_mutator; each mutator sets its own at a handshake (or the collector sets
 * it while the mutator is blocked), so the load needs no ordering. A library built with TC_DEBUG keeps a second bit set
 * in the flag, so every store takes the slow path and its slot is checked,
 * with no change to the embedder's build. The library also exports tc_write
 * as a function, for callers that cannot inline C (FFI).
 */
#ifndef TRICOLOR_INLINE_H
#define TRICOLOR_INLINE_H

/* The part of a mutator the inlined fast paths read. */
typedef struct tc_mutator_head {
	int wb_on; /* bit 0: the collector is marking; bit 1: a debug build checks every slot */
} tc_mutator_head;

TC_API void tc_write_slow(tc_mutator *m, void **slot, void *val);

inline void tc_write(tc_mutator *m, void **slot, void *val)
{
	if (__builtin_expect(__atomic_load_n(&((const tc_mutator_head *)(const void *)m)->wb_on, __ATOMIC_RELAXED), 0))
		tc_write_slow(m, slot, val);
	else
		__atomic_store_n(slot, val, __ATOMIC_RELEASE);
}

#endif /* TRICOLOR_INLINE_H */
