/*
 * ephemerons.c — a weak-key table whose values reference keys, churned (in
 * the spirit of Whippet's ephemerons benchmark: a JavaScript WeakMap or a Lua
 * weak-key table under load). The table has --size thousand slots, each an
 * ephemeron (key -> value); half as many strong slots hold some of the keys.
 * Each step makes a key and a value that references it (and, one time in
 * four, the key made the step before: chains), puts the pair in a random
 * table slot, and one time in two makes the key strong in a random strong
 * slot, which drops the key held there. Ten steps per table slot.
 *
 * Checks, every table's-worth of steps: a pair reads both or neither, and its
 * value references its key. At the end, after two collections, from the ids
 * this program recorded: the keys reachable from the strong slots, closed
 * under "the value of a live pair references this key" (the ephemeron
 * fixpoint), must all still read from the table (one cleared = WRONG); and
 * every pair whose key is not reachable should read NULL. Those that do not
 * are counted as retained: a few may be kept by stale stack words; with real
 * ephemerons more than that is WRONG. On libgc, which has no ephemerons
 * (backend.h), a value that references its key keeps the pair for ever: the
 * retained count is what that costs.
 */
#include <stdio.h>
#include <stdlib.h>

#include "workloads.h"

typedef struct key {
	uint64_t id;
	uint64_t stamp; /* ~id */
} key;

typedef struct value {
	key *own;   /* this pair's key */
	key *other; /* the key made the step before, or NULL */
	uint64_t id;
} value;

typedef struct slot {
	void *p;
} slot;

WTYPE(value_t, value, offsetof(value, own), offsetof(value, other));
WTYPE(slot_t, slot, offsetof(slot, p));

enum { SLACK = 64 };

/* An open-addressing set of ids (id + 1, so that 0 is empty). */
typedef struct idset {
	uint64_t *v;
	size_t cap;
} idset;

static bool set_add(idset *s, uint64_t id)
{
	size_t i = (size_t)((id + 1) * 0x9E3779B97F4A7C15ull >> 20) & (s->cap - 1);
	while (s->v[i] != 0) {
		if (s->v[i] == id + 1)
			return false;
		i = (i + 1) & (s->cap - 1);
	}
	s->v[i] = id + 1;
	return true;
}

static bool set_has(const idset *s, uint64_t id)
{
	size_t i = (size_t)((id + 1) * 0x9E3779B97F4A7C15ull >> 20) & (s->cap - 1);
	while (s->v[i] != 0) {
		if (s->v[i] == id + 1)
			return true;
		i = (i + 1) & (s->cap - 1);
	}
	return false;
}

static int check_pair(bk_thread *t, void *e, uint64_t want_id)
{
	key *k = bk_ephemeron_key(t, e);
	value *v = bk_ephemeron_value(t, e);
	if (k == NULL && v == NULL)
		return 0;
	if (k == NULL || v == NULL || v->own != k || k->id != want_id || k->stamp != ~k->id || v->id != want_id) {
		fprintf(stderr, "tcbench: ephemerons: pair of key %llu reads key %p value %p (inconsistent or damaged)\n",
			(unsigned long long)want_id, (void *)k, (void *)v);
		return 1;
	}
	return 0;
}

int ephemerons_run(const wargs *a)
{
	if (!bk_gc) {
		fprintf(stderr, "tcbench: ephemerons: backend %s has no collector\n", bk_name);
		return 2;
	}
	size_t n = (size_t)a->size * 1000, nstrong = n / 2;
	uint64_t steps = (uint64_t)n * 10, seed = a->seed ? a->seed : 1;
	uint64_t *ids = calloc(n, sizeof *ids), *other = calloc(n, sizeof *other); /* per table slot */
	if (ids == NULL || other == NULL)
		bk_die("ephemerons: out of memory for the id records");
	bk_thread *t = bk_attach();
	slot *table = bk_alloc_array(t, &slot_t, n), *strong = bk_alloc_array(t, &slot_t, nstrong);
	key *prev = NULL;
	int bad = 0;
	for (uint64_t s = 0; s < steps && !bad; s++) {
		key *k = bk_alloc_noscan(t, sizeof(key));
		k->id = s + 1;
		k->stamp = ~k->id;
		value *v = bk_alloc(t, &value_t);
		v->id = k->id;
		bk_write(t, (void **)&v->own, k);
		bool chain = prev != NULL && wl_rand(&seed) % 4 == 0;
		if (chain)
			bk_write(t, (void **)&v->other, prev);
		size_t i = (size_t)(wl_rand(&seed) % n);
		bk_write(t, &table[i].p, bk_ephemeron_new(t, k, v));
		ids[i] = k->id;
		other[i] = chain ? prev->id : 0;
		if (wl_rand(&seed) % 2)
			bk_write(t, &strong[wl_rand(&seed) % nstrong].p, k);
		prev = k;
		if ((s + 1) % n == 0)
			for (size_t j = 0; j < n && !bad; j++)
				if (table[j].p)
					bad = check_pair(t, table[j].p, ids[j]);
	}
	prev = NULL;
	bk_collect(t);
	bk_collect(t);
	/* The keys that must be alive: strong, and the fixpoint through live
	 * pairs' values. */
	idset live = {calloc((size_t)1 << 22 > 4 * n ? (size_t)1 << 22 : 4 * n, sizeof(uint64_t)), 0};
	live.cap = (size_t)1 << 22 > 4 * n ? (size_t)1 << 22 : 4 * n;
	if (live.v == NULL)
		bk_die("ephemerons: out of memory for the reachability check");
	for (size_t j = 0; j < nstrong; j++)
		if (strong[j].p)
			set_add(&live, ((key *)strong[j].p)->id);
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t j = 0; j < n; j++)
			if (ids[j] && other[j] && set_has(&live, ids[j]))
				grew |= set_add(&live, other[j]);
	}
	uint64_t alive = 0, retained = 0, lost = 0;
	for (size_t j = 0; j < n && !bad; j++) {
		if (ids[j] == 0)
			continue;
		bad = check_pair(t, table[j].p, ids[j]);
		bool reads = bk_ephemeron_key(t, table[j].p) != NULL;
		if (set_has(&live, ids[j]))
			alive++, lost += !reads;
		else
			retained += reads;
	}
	bk_detach(t);
	bad |= lost != 0 || (bk_ephemerons && retained > SLACK);
	fprintf(a->out,
		"ephemerons: %zu slots, %llu steps, %llu pairs must live, %llu cleared wrongly, %llu dead pairs retained%s, "
		"%s\n",
		n, (unsigned long long)steps, (unsigned long long)alive, (unsigned long long)lost,
		(unsigned long long)retained, bk_ephemerons ? "" : " (no ephemerons: values keep their keys)",
		bad ? "WRONG" : "ok");
	free(live.v);
	free(ids);
	free(other);
	return bad;
}
