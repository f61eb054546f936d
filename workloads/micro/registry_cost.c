/*
 * registry_cost.c — what finalizers, weak references and ephemerons cost a
 * collection cycle, and that ephemeron chains resolve in linear time.
 *
 *   registry_cost [N...]     (default: 0 10000 1000000)
 *
 * For each N: N live objects (a rooted array of 32-byte nodes) and a full
 * tc_collect timed, median of 7, with nothing registered; then with a
 * finalizer on each (never due: they stay reachable), then with a weak
 * reference to each, then with an ephemeron keyed by each (value: a fresh
 * node). The weak references and ephemerons are themselves live heap objects
 * (16 and 40 bytes), so part of their cost is marking them; the rest is the
 * once-per-cycle walk of their record. Then a chain of N ephemerons (the
 * value of each references the next one's key, built back to front so the
 * marker meets unmarked keys first), timed the same way: linear in N if
 * the pending table works, quadratic if it does not. One line per
 * measurement: kind,N,median_ms,delta_ms_vs_none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "micro.h"
#include "tricolor.h"

typedef struct node {
	struct node *next;
	uint64_t val[3];
} node;

static const size_t node_offs[] = {0};
static const tc_type node_t = {"node", sizeof(node), node_offs, 1, NULL};
static const size_t slot_offs[] = {0};
static const tc_type slot_t = {"slot", sizeof(void *), slot_offs, 1, NULL};

static double median_collect(tc_mutator *m)
{
	double t[7];
	tc_collect(m); /* settle: the last cycle's sweep and any due work */
	for (int i = 0; i < 7; i++) {
		double t0 = now_ms();
		tc_collect(m);
		t[i] = now_ms() - t0;
	}
	qsort(t, 7, sizeof t[0], cmp_d);
	return t[3];
}

static void *must(void *p)
{
	if (p == NULL) {
		fprintf(stderr, "registry_cost: %s\n", tc_last_error());
		exit(1);
	}
	return p;
}

static void fin(void *obj, void *arg)
{
	(void)obj;
	(void)arg;
}

enum { NONE, FINALIZER, WEAK, EPHEMERON, KINDS };
static const char *const kind_name[KINDS] = {"none", "finalizer", "weak", "ephemeron"};

static double measure(size_t n, int kind)
{
	tc_config c;
	tc_config_init(&c);
	c.stacks = TC_STACKS_PRECISE;
	c.finalizers = "manual";
	tc_heap *h = must(tc_heap_create(&c));
	tc_mutator *m = must(tc_mutator_attach(h));
	void *r[2] = {0};
	tc_roots_push(m, r, 2);
	size_t len = n ? n : 1;
	void **objs = r[0] = must(tc_alloc_array(m, &slot_t, len));
	void **refs = r[1] = must(tc_alloc_array(m, &slot_t, len));
	for (size_t i = 0; i < n; i++) {
		tc_write(m, &objs[i], must(tc_alloc(m, &node_t)));
		if (kind == FINALIZER && tc_set_finalizer(m, objs[i], fin, NULL) != 0)
			must(NULL);
		else if (kind == WEAK)
			tc_write(m, &refs[i], must(tc_weak_new(m, objs[i])));
		else if (kind == EPHEMERON)
			tc_write(m, &refs[i], must(tc_ephemeron_new(m, objs[i], must(tc_alloc(m, &node_t)))));
	}
	double ms = median_collect(m);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
	return ms;
}

static double chain(size_t n)
{
	tc_config c;
	tc_config_init(&c);
	c.stacks = TC_STACKS_PRECISE;
	tc_heap *h = must(tc_heap_create(&c));
	tc_mutator *m = must(tc_mutator_attach(h));
	void *r[4] = {0};
	tc_roots_push(m, r, 4);
	void **es = r[0] = must(tc_alloc_array(m, &slot_t, n));
	for (size_t i = n; i-- > 0;) {
		node *k = r[1] = must(tc_alloc(m, &node_t));
		node *v = r[2] = must(tc_alloc(m, &node_t));
		tc_write(m, (void **)&v->next, r[3]); /* the next key */
		tc_write(m, &es[i], must(tc_ephemeron_new(m, k, v)));
		r[3] = k;
	}
	r[1] = r[2] = NULL; /* r[3]: the first key, the only root into the chain */
	double ms = median_collect(m);
	if (tc_ephemeron_value(m, es[n - 1]) == NULL) {
		fprintf(stderr, "registry_cost: the chain's last value was lost\n");
		exit(1);
	}
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
	return ms;
}

int main(int argc, char **argv)
{
	size_t ns[16] = {0, 10000, 1000000};
	int nn = 3;
	if (argc > 1) {
		nn = 0;
		for (int i = 1; i < argc && nn < 16; i++) {
			char *end;
			unsigned long long v = strtoull(argv[i], &end, 10);
			if (*end != 0 || end == argv[i]) {
				fprintf(stderr, "registry_cost: N must be a count, not '%s'\n", argv[i]);
				return 2;
			}
			ns[nn++] = (size_t)v;
		}
	}
	printf("kind,n,median_ms,delta_ms\n");
	for (int i = 0; i < nn; i++) {
		double base = measure(ns[i], NONE);
		printf("%s,%zu,%.3f,%.3f\n", kind_name[NONE], ns[i], base, 0.0);
		for (int k = FINALIZER; k < KINDS; k++) {
			double ms = measure(ns[i], k);
			printf("%s,%zu,%.3f,%.3f\n", kind_name[k], ns[i], ms, ms - base);
		}
		fflush(stdout);
	}
	for (int i = 0; i < nn; i++)
		if (ns[i] > 0)
			printf("ephemeron-chain,%zu,%.3f,\n", ns[i], chain(ns[i]));
	return 0;
}
