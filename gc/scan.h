/*
 * scan.h — enumerate the managed pointers of one object: the one place that
 * knows how each kind of object describes its pointers. The mark loop and the
 * heap verifier both use it; it is always inlined, so each caller gets a copy
 * specialised to its own visit function.
 *
 *   small SCAN   the span's pointer mask when all its objects have one type
 *                (layout UNIFORM), else the pointer bitmap, one bit per word
 *   small HDR    header word (type | count << 48), then count elements, each
 *                traced by the type's callback; an ephemeron (weak.c) goes to
 *                the caller's ephe function instead, which decides whether
 *                its value is traced
 *   small CONS   every word, handed to the caller's cons function: a value
 *                that may be no pointer at all, or point at a free slot, as a
 *                stack word may (libgc's GC_malloc objects, compat/)
 *   large        the type and count recorded in the span; scanned in oblets of
 *                MAX_OBLET_BYTES so that one huge array is shared among markers
 *                (the first oblet, at the span base, enqueues the others); the
 *                internal type tc__cons_type makes every word a cons word
 *
 * Values are handed to visit as they are: possibly NULL, possibly not heap,
 * but never a stale pointer to a free slot (precise fields are cleared or
 * written before the object is published); cons words may be anything.
 * Slots are read with acquire atomic loads: a mutator may be writing them.
 */
#ifndef TC_SCAN_H
#define TC_SCAN_H

#include "gc.h"

#define MAX_OBLET_BYTES ((uintptr_t)128 << 10)

typedef void (*val_fn)(uintptr_t v, void *ctx);

/* Acquire: a slot may hold a new object another mutator stored with release
 * (tc_write), and the marker must see that object initialised. */
static inline uintptr_t load_slot(const void *slot) { return __atomic_load_n((const uintptr_t *)slot, __ATOMIC_ACQUIRE); }

struct trace_ctx {
	val_fn fn;
	void *ctx;
};

static void trace_visit(void **slot, void *ctx)
{
	struct trace_ctx *tc = ctx;
	tc->fn(load_slot(slot), tc->ctx);
}

/* What a scan calls: visit for precise fields; cons for the words of a
 * conservative object; oblet (NULL: scan a large object whole) for each
 * further oblet; ephe for an ephemeron's two fields. */
typedef struct scanfns {
	val_fn visit, cons, oblet, ephe;
} scanfns;

static inline void scan_cons_words(uintptr_t lo, uintptr_t hi, val_fn cons, void *ctx)
{
	for (uintptr_t a = lo; a + TC_WORD <= hi; a += TC_WORD)
		cons(load_slot((void *)a), ctx);
}

static inline __attribute__((always_inline)) void scan_each(uintptr_t obj, span *s, const scanfns *f, void *ctx)
{
	unsigned kind = spc_kind(s->spc);
	val_fn visit = f->visit, push_oblet = f->oblet;
	if (spc_sizeclass(s->spc) != 0) {
		if (kind == SK_CONS) {
			scan_cons_words(obj, obj + s->elemsize, f->cons, ctx);
		} else if (kind == SK_SCAN) {
			if (atomic_load_explicit(&s->layout, memory_order_acquire) == LAYOUT_UNIFORM) {
				for (uint64_t bits = s->umask; bits; bits &= bits - 1)
					visit(load_slot((void *)(obj + (unsigned)__builtin_ctzll(bits) * TC_WORD)), ctx);
				return;
			}
			size_t w0 = (obj - s->base) / TC_WORD, n = s->elemsize / TC_WORD;
			for (size_t i = 0; i < n;) {
				size_t avail;
				uint64_t bits = heapbits_chunk(s, w0 + i, n - i, &avail);
				while (bits) {
					unsigned b = (unsigned)__builtin_ctzll(bits);
					visit(load_slot((void *)(obj + (i + b) * TC_WORD)), ctx);
					bits &= bits - 1;
				}
				i += avail;
			}
		} else if (kind == SK_HDR) {
			uintptr_t hdr = load_slot((void *)obj);
			const tc_type *t = hdr_type(hdr);
			size_t count = hdr_count(hdr);
			if (__builtin_expect(t == &tc__ephe_type, 0)) {
				f->ephe(obj + TC_WORD, ctx);
				return;
			}
			struct trace_ctx tc = {visit, ctx};
			for (size_t k = 0; t != NULL && k < count; k++)
				t->trace((void *)(obj + TC_WORD + k * t->size), trace_visit, &tc);
		}
		return;
	}
	const tc_type *t = s->largetype;
	if (t == NULL || kind == SK_NOSCAN)
		return;
	size_t size = t->size * s->largecount;
	uintptr_t lo = 0, hi = size; /* without oblets (verifier): the whole object */
	if (push_oblet) {
		lo = obj - s->base;
		hi = lo + MAX_OBLET_BYTES < size ? lo + MAX_OBLET_BYTES : size;
		if (lo == 0)
			for (uintptr_t o = MAX_OBLET_BYTES; o < size; o += MAX_OBLET_BYTES)
				push_oblet(s->base + o, ctx);
	}
	size_t T = t->size, n = s->largecount;
	if (t == &tc__cons_type) {
		scan_cons_words(s->base + lo, s->base + hi, f->cons, ctx);
	} else if (t->trace) {
		struct trace_ctx tc = {visit, ctx};
		for (size_t k = (lo + T - 1) / T; k < n && k * T < hi; k++)
			t->trace((void *)(s->base + k * T), trace_visit, &tc);
	} else {
		for (size_t k = lo / T; k < n && k * T < hi; k++)
			for (size_t j = 0; j < t->nptrs; j++) {
				size_t a = k * T + t->ptr_offsets[j];
				if (a >= lo && a < hi)
					visit(load_slot((void *)(s->base + a)), ctx);
			}
	}
}

#endif /* TC_SCAN_H */
