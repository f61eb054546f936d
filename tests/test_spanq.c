/* Span-local marking (gc/mark.c, gc/gcwork.c): the local span ring is FIFO
 * and shares its oldest spans through the global list when it is full, when
 * balancing and when disposed, where another marker takes them; a span's
 * owned flag queues it once per batch of marks; a scan takes every object
 * marked and not yet scanned, including a mark set while the span was
 * queued, and a mark set after the scan released the span queues it again.
 * A mutator's gcwork moves grey work without waiting for work.lock, and
 * loses none of it. */
#include <string.h>

#define TC_HOLDER_HELPERS
#include "testutil.h"
#include "gc.h"

typedef struct node {
	struct node *a, *b;
} node;
static const size_t node_offs[] = {0, 8};
static const tc_type node_t = {"node", sizeof(node), node_offs, 2, NULL};

static tc_heap *quiet_heap(void)
{
	tc_config cfg;
	assert_int_equal(tc_config_init(&cfg), 0);
	cfg.gogc = -1; /* no cycle of its own: the test greys and drains by hand */
	cfg.stacks = TC_STACKS_PRECISE;
	tc_heap *h = tc_heap_create(&cfg);
	assert_non_null(h);
	return h;
}

static size_t global_items(tc_heap *h)
{
	size_t n = 0;
	lock(&h->work.lock);
	for (workbuf *b = h->work.full; b; b = b->next)
		n += b->nobj;
	unlock(&h->work.lock);
	return n;
}

static void test_ring_is_fifo_and_spills_its_oldest(void **state)
{
	(void)state;
	tc_heap *h = quiet_heap();
	gcwork w, thief;
	tc__gcw_init(&w, h);
	tc__gcw_init(&thief, h);
	const uintptr_t base = 0x100000; /* items are only carried here, never scanned */
	for (uintptr_t i = 0; i < SPANQ_N + 44; i++)
		gcw_put_span(&w, base + i * 16);
	/* Full at SPANQ_N: the oldest half went to the global list. */
	assert_int_equal(global_items(h), SPANQ_N / 2);
	assert_int_equal(w.qtail - w.qhead, SPANQ_N / 2 + 44);
	/* The owner takes its own spans first, oldest first. */
	for (uintptr_t i = SPANQ_N / 2; i < SPANQ_N / 2 + 10; i++)
		assert_int_equal(gcw_tryget(&w), (base + i * 16) | SPAN_ITEM);
	/* Another marker takes the spilled ones from the global list. */
	uintptr_t got[SPANQ_N / 2];
	for (size_t i = 0; i < SPANQ_N / 2; i++) {
		got[i] = gcw_tryget(&thief);
		assert_true(got[i] & SPAN_ITEM);
		assert_true((got[i] & ~SPAN_ITEM) < base + SPANQ_N / 2 * 16);
	}
	assert_all_distinct(got, SPANQ_N / 2);
	assert_int_equal(gcw_tryget(&thief), 0);
	/* Balancing hands half of what is left over; disposing, the rest. */
	uint32_t left = w.qtail - w.qhead;
	tc__gcw_balance(&w);
	assert_int_equal(global_items(h), left / 2);
	tc__gcw_dispose(&w);
	assert_int_equal(w.qtail, w.qhead);
	assert_int_equal(global_items(h), left);
	size_t n = 0;
	while (gcw_tryget(&thief) != 0)
		n++;
	assert_int_equal(n, left);
	tc__gcw_dispose(&thief);
	tc_heap_destroy(h);
}

static void test_owned_flag_queues_once_per_batch(void **state)
{
	(void)state;
	tc_heap *h = quiet_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *n = tc_alloc(m, &node_t);
	span *s = mheap_span_of(&h->mh, (uintptr_t)n);
	assert_non_null(s);
	assert_true(span_try_acquire(s));   /* unowned: ours, to queue */
	assert_false(span_try_acquire(s));  /* queued: another mark only says "many" */
	assert_false(span_try_acquire(s));
	assert_int_not_equal(span_release(s), SPANQ_ONE);
	assert_true(span_try_acquire(s));   /* released: the next mark queues it again */
	assert_int_equal(span_release(s), SPANQ_ONE);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* Objects x and y share a span; x->a = c, y->a = d. Greying x queues the
 * span once; greying y meanwhile must not be lost (the span was acquired
 * with ONE mark, so the scanner must see "many"). After the drain, c and d
 * are marked. A mark after the scan queues the span again. */
static void test_scan_takes_marks_set_while_queued(void **state)
{
	(void)state;
	tc_heap *h = quiet_heap();
	tc_mutator *m = tc_mutator_attach(h);
	node *x = tc_alloc(m, &node_t), *y = tc_alloc(m, &node_t), *c = tc_alloc(m, &node_t);
	node *d = tc_alloc(m, &node_t), *e = tc_alloc(m, &node_t), *f = tc_alloc(m, &node_t);
	tc_write(m, (void **)&x->a, c);
	tc_write(m, (void **)&y->a, d);
	tc_write(m, (void **)&e->b, f);
	span *s = mheap_span_of(&h->mh, (uintptr_t)x);
	assert_ptr_equal(mheap_span_of(&h->mh, (uintptr_t)f), s);
	gcwork w;
	tc__gcw_init(&w, h);
	assert_true(tc__grey(&w, (uintptr_t)x));
	assert_int_equal(w.qtail - w.qhead, 1);
	assert_true(tc__grey(&w, (uintptr_t)y));
	assert_int_equal(w.qtail - w.qhead, 1); /* queued once */
	tc__mark_drain(h, &w, 0);
	for (node *o = x; o <= f; o++) {
		bool want = o != e && o != f;
		assert_int_equal(span_marked(s, span_obj_index(s, (uintptr_t)o)), want);
	}
	/* Scanned: x, y, and c and d (queued by the scan itself). */
	assert_int_equal(w.greyed, 4);
	assert_true(tc__grey(&w, (uintptr_t)e));
	assert_int_equal(w.qtail - w.qhead, 1); /* released by the scan: queued again */
	tc__mark_drain(h, &w, 0);
	assert_true(span_marked(s, span_obj_index(s, (uintptr_t)f)));
	/* Nothing is scanned twice: a second grey of x finds it marked. */
	assert_true(tc__grey(&w, (uintptr_t)x));
	assert_int_equal(w.qtail - w.qhead, 0);
	tc__gcw_dispose(&w);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- a mutator's gcwork and work.lock ---- */

/* With work.lock held elsewhere, a mutator's gcwork (nowait) takes three
 * buffers' worth of puts (each buffer past its two is kept on its own
 * list, each new one malloc'd) and gives them all back, without waiting;
 * put again, its work reaches the global list at the dispose after the
 * lock is free, none lost. Before, its first new buffer slept until the
 * holder let go. The items are stand-ins: no marker runs (gogc off). */
static void test_mutator_gcwork_never_waits_for_work_lock(void **state)
{
	(void)state;
	tc_heap *h = quiet_heap();
	gcwork w;
	tc__gcw_init(&w, h);
	w.nowait = true;
	enum { N = 3 * WORKBUF_N + 7 };
	holder k; /* work.lock held, as by a marker descheduled inside it */
	holder_start(&k, &h->work.lock, (uint64_t)5000 * 1000000);
	uint64_t t0 = tc__now_ns();
	for (uintptr_t i = 1; i <= N; i++)
		gcw_put(&w, i << 4);
	assert_non_null(w.kept); /* a full buffer it could not hand over */
	uintptr_t sum = 0, x;
	size_t n = 0;
	while ((x = gcw_tryget(&w)) != 0) {
		sum += x >> 4;
		n++;
	}
	assert_int_equal(n, N);
	assert_int_equal(sum, (uintptr_t)N * (N + 1) / 2);
	assert_true(w.missed); /* the global list read as empty for want of the lock: an assist keeps its debt */
	for (uintptr_t i = 1; i <= N; i++)
		gcw_put(&w, i << 4);
	assert_true(tc__now_ns() - t0 < (uint64_t)1000 * 1000000);
	assert_int_equal(atomic_load(&k.held), 1); /* all of it while the lock was held */
	holder_stop(&k);
	tc__gcw_dispose(&w);
	assert_null(w.kept);
	assert_int_equal(global_items(h), N);
	gcwork all; /* empty the global list again: the items are not objects */
	tc__gcw_init(&all, h);
	n = 0;
	while (gcw_tryget(&all) != 0)
		n++;
	assert_int_equal(n, N);
	tc__gcw_dispose(&all);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ring_is_fifo_and_spills_its_oldest),
		cmocka_unit_test(test_owned_flag_queues_once_per_batch),
		cmocka_unit_test(test_scan_takes_marks_set_while_queued),
		cmocka_unit_test(test_mutator_gcwork_never_waits_for_work_lock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
