/*
 * heap.c — creating and destroying a heap.
 *
 * Invariants: a heap shares nothing with any other heap (its own arenas,
 * page→span map, mutators, workers and metrics), so a process may hold many.
 * tc_heap_destroy returns every mapping and thread to the OS; it refuses to
 * run while mutators are still attached, since they may still hold pointers
 * into the heap.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

tc_heap *tc_heap_create(const tc_config *cfg)
{
	tc_config c;
	if (cfg != NULL) {
		c = *cfg;
		if (tc__config_from_env(&c, false) != 0)
			return NULL;
	} else if (tc_config_init(&c) != 0) {
		return NULL;
	}
	if (c.stacks != TC_STACKS_CONSERVATIVE && c.stacks != TC_STACKS_PRECISE) {
		tc__error("tc_heap_create: stacks = %d is neither TC_STACKS_CONSERVATIVE nor TC_STACKS_PRECISE", c.stacks);
		return NULL;
	}
	int policy = c.pacer_impl ? 0 : tc__pacer_lookup(c.pacer ? c.pacer : "go");
	if (c.pacer_impl != NULL && c.pacer_impl->next == NULL) {
		tc__error("tc_heap_create: pacer \"%s\" has no next callback (it is required)",
			  c.pacer_impl->name ? c.pacer_impl->name : "(unnamed)");
		return NULL;
	}
	if (policy < 0) {
		tc__error("tc_heap_create: pacer \"%s\" is unknown; known: %s", c.pacer, tc_pacer_names());
		return NULL;
	}
	if (c.assists != NULL && tc__assists_lookup(c.assists) < 0) {
		tc__error("tc_heap_create: assists \"%s\" is unknown: expected \"marked\" or \"scanned\"", c.assists);
		return NULL;
	}
	if (c.interval_log > TC__IVLOG_MAX) {
		tc__error("tc_heap_create: interval_log = %llu is beyond %llu (0 = 65536)",
			  (unsigned long long)c.interval_log, (unsigned long long)TC__IVLOG_MAX);
		return NULL;
	}
	if (c.mark_workers < 0 || c.mark_workers > 1024) {
		tc__error("tc_heap_create: mark_workers = %d is outside 0..1024 (0 = one per CPU)", c.mark_workers);
		return NULL;
	}
	FILE *trace = NULL;
	if (c.trace != NULL && (trace = fopen(c.trace, "w")) == NULL) {
		tc__error("tc_heap_create: the trace file \"%s\" cannot be opened for writing: %s", c.trace, strerror(errno));
		return NULL;
	}
	tc_heap *h = tc__os_alloc_meta(sizeof *h);
	if (h == NULL) {
		if (trace)
			fclose(trace);
		return NULL;
	}
	if (tc__mheap_init(&h->mh) != 0) {
		tc__os_unmap(h, sizeof *h);
		return NULL;
	}
	h->cfg = c;
	h->obs.trace_out = trace;
	h->nprocs = tc__ncpus();
	if (tc__pacer_init(h, c.pacer_impl ? c.pacer_impl : tc__pacer_builtin(policy)) != 0) {
		if (trace)
			fclose(trace);
		tc__mheap_destroy(&h->mh);
		tc__os_unmap(h, sizeof *h);
		return NULL;
	}
	lock_init(&h->obs.lock, LR_OBS);
	h->mh.junk_free = c.verify != 0;
	h->mh.limit = c.memory_limit;
	lock_init(&h->world.lock, LR_WORLD);
	pthread_cond_init(&h->world.stopped, NULL);
	pthread_cond_init(&h->world.resumed, NULL);
	lock_init(&h->ctrl.lock, LR_CTRL);
	pthread_cond_init(&h->ctrl.wake, NULL);
	pthread_cond_init(&h->ctrl.progress, NULL);
	lock_init(&h->roots.lock, LR_ROOTS);
	lock_init(&h->work.lock, LR_WORK);
	pthread_cond_init(&h->work.workcv, NULL);
	pthread_cond_init(&h->work.startcv, NULL);
	pthread_cond_init(&h->work.donecv, NULL);
	pthread_cond_init(&h->work.hungrycv, NULL);
	tc__fin_init(h);
	tc__weak_init(h);
	h->obs.start_ns = tc__now_ns();
	h->obs.ivcap = c.interval_log ? c.interval_log : IVLOG_N;
	h->pacer.end_ns = h->obs.start_ns;
	return h;
}

void tc_heap_destroy(tc_heap *h)
{
	if (h == NULL)
		return;
	lock(&h->world.lock);
	size_t n = h->world.n;
	unlock(&h->world.lock);
	if (n != 0 && tc__fin_mutator(h) != NULL)
		n--; /* the finalizer thread's own: tc__fin_stop detaches it */
	if (n != 0) {
		tc__error("tc_heap_destroy: %zu mutator%s still attached; detach them first (heap %p left intact)", n,
			  n == 1 ? " is" : "s are", (void *)h);
		return;
	}
	tc__fin_stop(h);
	tc__gc_controller_stop(h);
	tc__mark_workers_stop(h);
	if (h->obs.trace_out != NULL) {
		if (tc_trace_write_json(h, h->obs.trace_out) != 0 || fclose(h->obs.trace_out) != 0)
			tc__error("tc_heap_destroy: the trace file \"%s\" could not be written", h->cfg.trace);
		h->obs.trace_out = NULL;
	}
	tc__work_free_all(h);
	free(h->roots.r);
	free(h->obs.recs);
	free(h->obs.ivs);
	free(h->obs.tr);
	lock_destroy(&h->obs.lock);
	for (tc_mutator *m = h->world.graveyard, *next; m; m = next) {
		next = m->next;
		free(m);
	}
	tc__fin_destroy(h); /* the controller, which reads the records, has stopped */
	tc__pacer_destroy(h);
	tc__weak_destroy(h);
	tc__verify_free_types(h);
	tc__mheap_destroy(&h->mh);
	lock_destroy(&h->world.lock);
	pthread_cond_destroy(&h->world.stopped);
	pthread_cond_destroy(&h->world.resumed);
	lock_destroy(&h->ctrl.lock);
	pthread_cond_destroy(&h->ctrl.wake);
	pthread_cond_destroy(&h->ctrl.progress);
	lock_destroy(&h->roots.lock);
	lock_destroy(&h->work.lock);
	pthread_cond_destroy(&h->work.workcv);
	pthread_cond_destroy(&h->work.startcv);
	pthread_cond_destroy(&h->work.donecv);
	pthread_cond_destroy(&h->work.hungrycv);
	tc__os_unmap(h, sizeof *h);
}
