/*
 * scavenge.c — returning free pages to the OS (Go's mgcscavenge.go, without
 * its background pacing: the collector scavenges after each sweep, and the
 * heap before it grows under a memory limit).
 *
 * A released page stays mapped and in its free run; its bit in the arena's
 * released bitmap is set, and heap.released counts it. Allocating a span
 * over released pages clears their bits (arena.c). A madvise failure leaves
 * the pages mapped, free and usable: it is counted (heap.scavenge.errors),
 * and nothing is lost.
 *
 * Invariant: the mheap lock is held for the whole walk over the free runs.
 */
#include "alloc.h"

struct scav {
	size_t want, got;
	int err;
};

static void scav_run(mheap *h, span *run, void *arg)
{
	struct scav *sc = arg;
	for (size_t i = 0; i < run->npages && sc->got < sc->want && !sc->err;) {
		/* Find a maximal stretch of unreleased pages within one arena. */
		uintptr_t p = run->base + (i << TC_PAGE_SHIFT);
		heaparena *ha = mheap_arena_of(h, p);
		size_t pg = (p - ha->base) >> TC_PAGE_SHIFT, n = 0;
		while (i + n < run->npages && pg + n < TC_PAGES_PER_ARENA &&
		       !(ha->released[(pg + n) / 64] & ((uint64_t)1 << ((pg + n) % 64))) &&
		       sc->got + (n << TC_PAGE_SHIFT) < sc->want)
			n++;
		if (n == 0) { /* released already: skip the rest of its bitmap word that is */
			uint64_t word = ~ha->released[pg / 64] >> (pg % 64);
			size_t skip = word != 0 ? (size_t)__builtin_ctzll(word) : 64 - pg % 64;
			i += skip > 0 ? skip : 1;
			continue;
		}
		if (tc__os_release((void *)p, n << TC_PAGE_SHIFT) != 0) {
			atomic_fetch_add(&h->scav_errors, 1); /* the pages stay mapped and free: nothing lost */
			sc->err = 1;
			return;
		}
		for (size_t k = pg; k < pg + n; k++)
			ha->released[k / 64] |= (uint64_t)1 << (k % 64);
		sc->got += n << TC_PAGE_SHIFT;
		i += n;
	}
}

size_t tc__scavenge_locked(mheap *h, size_t nbytes)
{
	struct scav sc = {nbytes, 0, 0};
	tc__pagealloc_each(h, scav_run, &sc);
	atomic_fetch_add(&h->released, sc.got);
	return sc.got;
}

uint64_t tc__mheap_take_inuse_peak(mheap *h)
{
	return atomic_exchange(&h->inuse_peak, atomic_load(&h->inuse));
}

size_t tc__mheap_scavenge(mheap *h, size_t nbytes)
{
	lock(&h->lock);
	size_t got = tc__scavenge_locked(h, nbytes);
	unlock(&h->lock);
	return got;
}
