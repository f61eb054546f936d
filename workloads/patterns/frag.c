/*
 * frag.c — a fragmentation pattern: fill --size MiB with objects of one
 * size, let every other one die, then refill the freed bytes with objects of
 * another size that does not fit the holes exactly; five rounds, through the
 * sizes 64, 96, 48, 160, 80, 256 bytes. A segregated-fit heap can only reuse
 * the holes for objects of the same class, so peak RSS against the live
 * bytes is the figure to read. Checks: every survivor's stamp after each
 * round, and all of them at the end.
 */
#include <stdio.h>
#include <stdlib.h>

#include "workloads.h"

typedef struct slot {
	void *p;
} slot;

WTYPE(slot_t, slot, offsetof(slot, p));

static const size_t sizes[] = {64, 96, 48, 160, 80, 256};
enum { ROUNDS = 5 };

typedef struct fobj {
	size_t size;
	uint64_t key;
} fobj;

int frag_run(const wargs *a)
{
	bk_thread *t = bk_attach();
	size_t live = (size_t)a->size * 1048576, n = live / sizes[0];
	/* Slots for the most objects any round can hold: the smallest size. */
	size_t cap = live / 48 + 1;
	slot *tab = bk_alloc_array(t, &slot_t, cap);
	fobj *meta = calloc(cap, sizeof *meta);
	if (meta == NULL)
		bk_die("frag: out of memory");
	uint64_t key = 1;
	for (size_t i = 0; i < n; i++, key++) {
		void *p = bk_alloc_noscan(t, sizes[0]);
		wl_stamp(p, sizes[0], key);
		bk_write(t, &tab[i].p, p);
		meta[i] = (fobj){sizes[0], key};
	}
	int bad = 0;
	for (int r = 1; r <= ROUNDS && !bad; r++) {
		/* Every other object dies; count the bytes freed. */
		size_t freed = 0, used = 0;
		for (size_t i = 0; i < cap; i++) {
			if (tab[i].p == NULL)
				continue;
			if (!wl_stamp_ok(tab[i].p, meta[i].size, meta[i].key)) {
				fprintf(stderr, "tcbench: frag: round %d: object %zu was damaged\n", r, i);
				bad = 1;
				break;
			}
			if (used++ % 2 == 0) {
				freed += meta[i].size;
				bk_free(t, tab[i].p, meta[i].size);
				bk_write(t, &tab[i].p, NULL);
			}
			if (i % 4096 == 0)
				bk_safepoint(t);
		}
		/* Refill the freed bytes with the round's size, in empty slots. */
		size_t size = sizes[r], i = 0;
		for (size_t got = 0; got + size <= freed && !bad; got += size, key++) {
			while (i < cap && tab[i].p != NULL)
				i++;
			if (i == cap)
				break;
			void *p = bk_alloc_noscan(t, size);
			wl_stamp(p, size, key);
			bk_write(t, &tab[i].p, p);
			meta[i] = (fobj){size, key};
		}
	}
	size_t alive = 0;
	for (size_t i = 0; i < cap; i++) {
		if (tab[i].p == NULL)
			continue;
		alive++;
		if (!wl_stamp_ok(tab[i].p, meta[i].size, meta[i].key))
			bad = 1;
		if (bk_manual)
			bk_free(t, tab[i].p, meta[i].size);
	}
	if (bk_manual)
		bk_free(t, tab, cap * sizeof(slot));
	free(meta);
	fprintf(a->out, "frag: %ld MiB, %d rounds, %zu objects left, %s\n", a->size, ROUNDS, alive, bad ? "WRONG" : "ok");
	bk_detach(t);
	return bad;
}
