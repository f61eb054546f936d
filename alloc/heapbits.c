/*
 * heapbits.c — the pointer bitmap of small scan objects (Go 1.22's
 * heapBitsInSpan, kept in arena side metadata rather than the span's tail),
 * and the uniform layout that lets most spans skip it.
 *
 * A span whose objects all have one type needs no bitmap: its layout is
 * UNIFORM and umask gives the pointer words of every object. The mutator
 * that owns the span sets umask and utype before it stores the layout with
 * release, and a marker loads the layout with acquire before it reads umask
 * or the bitmap; so a marker scanning an old object while the owner turns
 * the span MIXED reads either the mask or a bitmap already written from it.
 *
 * One bit per heap word: set iff the word holds a managed pointer field.
 * Invariants: the bits of an object are written, all of them, by the mutator
 * that allocates it, before the object's address escapes; only the mcache that
 * owns the span writes its bits, so a word of the bitmap has one writer at a
 * time; markers read it concurrently, hence the relaxed atomics. Bits of free
 * objects are stale and never read: the collector scans only allocated,
 * marked objects.
 */
#include "alloc.h"

static inline uint64_t *bitword(const span *s, size_t w) { return &s->ptrbits[w / 64]; }

static inline void store_word(uint64_t *p, uint64_t v) { __atomic_store_n(p, v, __ATOMIC_RELAXED); }
static inline uint64_t load_word(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }

/* The pointer words of one element, bit i for word i (offsets inside 64 words). */
static uint64_t offsets_mask(const size_t *offsets, size_t nptrs)
{
	uint64_t mask = 0;
	for (size_t j = 0; j < nptrs; j++)
		mask |= (uint64_t)1 << (offsets[j] / TC_WORD);
	return mask;
}

/* Write the bits of one object of nwords <= 64 words starting at heap word
 * start (from the span base): bit i of mask for word i. One bitmap word, or
 * two when the object straddles a boundary (nwords need not divide 64). */
static void put_obj_bits(span *s, size_t start, size_t nwords, uint64_t mask)
{
	uint64_t *p = bitword(s, start), m = nwords == 64 ? ~(uint64_t)0 : ((uint64_t)1 << nwords) - 1;
	unsigned at = start % 64;
	if (at + nwords <= 64) {
		store_word(p, (load_word(p) & ~(m << at)) | mask << at);
	} else {
		unsigned lo = 64 - at;
		store_word(p, (load_word(p) & ~(~(uint64_t)0 << at)) | mask << at);
		store_word(p + 1, (load_word(p + 1) & ~(m >> lo)) | mask >> lo);
	}
}

void tc__heapbits_write(span *s, uintptr_t obj, size_t typesize, const size_t *offsets, size_t nptrs, size_t count)
{
	size_t start = (obj - s->base) / TC_WORD, nwords = s->elemsize / TC_WORD;
	if (count == 1 && nwords <= 64) {
		put_obj_bits(s, start, nwords, offsets_mask(offsets, nptrs)); /* the common case */
		return;
	}
	/* Clear the object's range a word of bitmap at a time. */
	for (size_t w = start; w < start + nwords;) {
		size_t bit = w % 64, n = 64 - bit;
		if (n > start + nwords - w)
			n = start + nwords - w;
		uint64_t mask = n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1) << bit;
		uint64_t *p = bitword(s, w);
		store_word(p, load_word(p) & ~mask);
		w += n;
	}
	for (size_t k = 0; k < count; k++) {
		for (size_t j = 0; j < nptrs; j++) {
			size_t w = start + (k * typesize + offsets[j]) / TC_WORD;
			uint64_t *p = bitword(s, w);
			store_word(p, load_word(p) | (uint64_t)1 << (w % 64));
		}
	}
}

void tc__heapbits_describe(span *s, uintptr_t obj, const void *type, size_t typesize, const size_t *offsets,
			   size_t nptrs, size_t count)
{
	uint8_t lay = atomic_load_explicit(&s->layout, memory_order_relaxed); /* ours to write */
	size_t nwords = s->elemsize / TC_WORD;
	if (lay == LAYOUT_NONE && count == 1 && nwords <= 64) {
		s->umask = offsets_mask(offsets, nptrs);
		s->utype = type;
		atomic_store_explicit(&s->layout, LAYOUT_UNIFORM, memory_order_release);
		return;
	}
	if (lay == LAYOUT_UNIFORM) {
		/* Another type: every slot gets the mask's bits, then the layout
		 * says to read them. The allocated objects need them now; the free
		 * ones, so that a run the owner prepared for utype (gc/malloc.c)
		 * still hands out slots described as utype's. The object being
		 * allocated now is written below. */
		for (uint32_t i = 0; i < s->nelems; i++)
			put_obj_bits(s, i * nwords, nwords, s->umask);
		s->utype = NULL;
	}
	if (lay != LAYOUT_MIXED)
		atomic_store_explicit(&s->layout, LAYOUT_MIXED, memory_order_release);
	tc__heapbits_write(s, obj, typesize, offsets, nptrs, count);
}

void tc__heapbits_prepare(span *s, uint32_t first, uint64_t slots, const size_t *offsets, size_t nptrs)
{
	size_t nwords = s->elemsize / TC_WORD;
	uint64_t mask = offsets_mask(offsets, nptrs);
	for (; slots != 0; slots &= slots - 1)
		put_obj_bits(s, (first + (unsigned)__builtin_ctzll(slots)) * nwords, nwords, mask);
}

bool tc__heapbits_is_ptr(const span *s, uintptr_t word_addr)
{
	if (atomic_load_explicit(&s->layout, memory_order_acquire) == LAYOUT_UNIFORM)
		return (s->umask >> ((word_addr - s->base) % s->elemsize / TC_WORD)) & 1;
	size_t w = (word_addr - s->base) / TC_WORD;
	return (load_word(bitword(s, w)) >> (w % 64)) & 1;
}
