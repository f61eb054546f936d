/*
 * pacer_demo.c — runs a program on tricolor with the example pacer
 * (cputarget_pacer.c), then prints what it decided. Built and run by ctest
 * (pacer_example): it fails if the heap did not use the pacer or its
 * decisions did not hold (the goal above the live heap, the trigger at or
 * below the goal).
 *
 *   pacer_demo [TARGET]   GC CPU share to aim at (default 0.10)
 */
#include <stdio.h>
#include <stdlib.h>

#include "cputarget_pacer.h"

typedef struct node {
	struct node *next;
	long v[6];
} node;
static const size_t node_ptrs[] = {0};
static const tc_type node_t = {"node", sizeof(node), node_ptrs, 1, NULL};

static node *keep; /* a root: a live list of 100,000 nodes */

int main(int argc, char **argv)
{
	double target = argc > 1 ? atof(argv[1]) : 0.10;
	tc_config cfg;
	if (tc_config_init(&cfg) != 0)
		return 2;
	tc_pacer p = cputarget_pacer(target);
	cfg.pacer_impl = &p;
	tc_heap *h = tc_heap_create(&cfg);
	if (h == NULL)
		return 2;
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&keep, 1);
	for (int i = 0; i < 100000; i++) {
		node *n = tc_alloc(m, &node_t);
		tc_write(m, (void **)&n->next, keep);
		tc_write(m, (void **)&keep, n);
	}
	for (int i = 0; i < 3000000; i++)
		tc_alloc(m, &node_t); /* garbage */
	tc_metric mv[] = {{"gc.cycles", 0}, {"heap.live.bytes", 0}, {"heap.goal.bytes", 0}, {"heap.trigger.bytes", 0}};
	tc_metrics_read(h, mv, 4);
	printf("pacer_demo: pacer cputarget (GC CPU target %.2f): %llu cycles; goal %.1f MiB, trigger %.1f MiB, live %.1f MiB\n",
	       target, (unsigned long long)mv[0].value, mv[2].value / 1048576.0, mv[3].value / 1048576.0,
	       mv[1].value / 1048576.0);
	int ok = mv[0].value >= 2 && mv[2].value >= mv[1].value && mv[3].value <= mv[2].value;
	tc_root_remove(h, (void **)&keep);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
	puts(ok ? "pacer_demo: ok" : "pacer_demo: FAILED");
	return ok ? 0 : 1;
}
