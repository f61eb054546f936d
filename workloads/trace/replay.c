/*
 * replay.c — replay an allocation trace recorded from a real program
 * (workloads/traces/, recorded with scripts/record-traces.sh; the format is
 * in trace.h). The whole trace is read and checked before anything runs
 * (replay_prepare): a bad line is an error with its line number, and nothing
 * is replayed.
 *
 * On manual backends a free is a free. On GC backends every live object is
 * held in a root table (slot ID) until its free record clears the slot.
 * Objects that receive pointer stores are allocated as arrays of pointer
 * slots; the others are noscan and stamped (first and last word) with their
 * ID, checked when they die. --size N replays the trace N times.
 */
#include <stdio.h>
#include <stdlib.h>

#include "trace.h"
#include "workloads.h"

typedef struct slot {
	void *p;
} slot;

WTYPE(slot_t, slot, offsetof(slot, p));

static void *new_object(bk_thread *t, const trace *tr, uint32_t id, uint64_t size)
{
	if (tr->scan[id])
		return bk_alloc_array(t, &slot_t, (size + 7) / 8);
	void *p = bk_alloc_noscan(t, size);
	wl_stamp(p, size, id);
	return p;
}

/* Object id dies: its stamp is checked (returns 1 if it was damaged), its
 * slot cleared, and the backend told. */
static long die(bk_thread *t, const trace *tr, void **tab, uint64_t *size, uint32_t id)
{
	void *old = tab[id];
	uint64_t osize = size[id];
	long bad = !tr->scan[id] && !wl_stamp_ok(old, osize, id);
	bk_write(t, &tab[id], NULL);
	size[id] = 0;
	bk_free(t, old, osize);
	return bad;
}

/* One pass over the trace. Returns the number of damaged objects found. */
static long replay_once(bk_thread *t, const trace *tr, void **tab, uint64_t *size)
{
	long bad = 0;
	for (size_t i = 0; i < tr->nops; i++) {
		const op *o = &tr->ops[i];
		if ((i & 1023) == 0)
			bk_safepoint(t);
		switch (o->kind) {
		case OP_A:
			bk_write(t, &tab[o->id], new_object(t, tr, o->id, o->n));
			size[o->id] = o->n;
			break;
		case OP_F:
			bad += die(t, tr, tab, size, o->id);
			break;
		case OP_R: {
			void *p = new_object(t, tr, o->id2, o->n);
			uint64_t n = size[o->id] < o->n ? size[o->id] : o->n;
			if (tr->scan[o->id] && tr->scan[o->id2])
				for (uint64_t w = 0; w < n / 8; w++)
					bk_write(t, &((void **)p)[w], ((void **)tab[o->id])[w]);
			bad += die(t, tr, tab, size, o->id); /* OLD dies, then NEW (maybe the same ID) lives */
			bk_write(t, &tab[o->id2], p);
			size[o->id2] = o->n;
			break;
		}
		default:
			bk_write(t, &((void **)tab[o->id])[o->n / 8], o->id2 == UINT32_MAX ? NULL : tab[o->id2]);
		}
	}
	return bad;
}

static trace tr; /* loaded by replay_prepare, outside the timed run */

int replay_prepare(const wargs *a)
{
	if (a->trace == NULL) {
		fprintf(stderr, "tcbench: replay needs --trace FILE (a trace, plain or gzip; see workloads/traces/)\n");
		return 2;
	}
	return trace_load(&tr, a->trace) != 0 ? 2 : 0;
}

int replay_run(const wargs *a)
{
	void **tab = calloc(tr.nids, sizeof *tab); /* the root table: slot ID holds object ID */
	uint64_t *size = calloc(tr.nids, sizeof *size);
	if (tab == NULL || size == NULL)
		bk_die("replay: out of memory for %u IDs", tr.nids);
	bk_root_add(tab, tr.nids);
	bk_thread *t = bk_attach();
	long bad = 0;
	uint64_t live = 0;
	for (long r = 0; r < a->size; r++) {
		bad += replay_once(t, &tr, tab, size);
		/* What the trace left live dies before the next pass. */
		for (uint32_t id = 0; id < tr.nids; id++) {
			if (tab[id] == NULL)
				continue;
			live += r == 0;
			bad += die(t, &tr, tab, size, id);
			if ((id & 4095) == 0)
				bk_safepoint(t);
		}
	}
	fprintf(a->out, "replay: %s: %zu records, %u IDs, %llu left live at the end, %ld pass(es), %s\n", a->trace,
		tr.nops, tr.nids, (unsigned long long)live, a->size, bad ? "WRONG" : "ok");
	if (bad)
		fprintf(stderr, "tcbench: replay: %ld objects were damaged\n", bad);
	bk_root_remove(tab);
	bk_detach(t);
	free(tab);
	free(size);
	trace_free(&tr);
	return bad != 0;
}
