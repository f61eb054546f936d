/* The races of weak references and finalizers against concurrent marking
 * (gc/weak.c, gc/final.c), made deterministic with the controller's mark
 * hook (called once per cycle, during concurrent mark, after blocked
 * stacks are scanned), with the heap verifier on:
 *  - a mutator whose stack is already scanned gets, through a weak
 *    reference, an object nothing else holds, and keeps it only in a frame
 *    the collector will not scan again: the read must shade it;
 *  - a mutator whose stack is not scanned yet sets a finalizer, during
 *    marking and after the controller took the finalizer roots, on an object
 *    it does not keep: the object's referents must be kept for the
 *    finalizer, by the registration itself. */
#define TC_GRAPH_HELPERS
#include <pthread.h>
#include <stdatomic.h>

#include "testutil.h"
#include "gc.h"

/* ---- 1. a scanned mutator reads a weak reference while marking ---- */

static void *wroot;       /* a global root: the weak reference */
static atomic_int hooked; /* the hook ran its part (once) */

static void reader_hook(tc_heap *h, void *arg)
{
	(void)h;
	(void)arg;
	if (atomic_exchange(&hooked, 1))
		return;
	set_stage(1); /* the reader, scanned while blocked, reads now */
	wait_stage(2);
}

static void *reader(void *arg)
{
	tc_mutator *m = tc_mutator_attach(arg);
	node *held = NULL;
	tc_roots_push(m, (void **)&held, 1);
	wait_stage_blocked(m, 1); /* the controller scans this stack meanwhile */
	assert_true(m->allocblack); /* scanned: this frame is not looked at again this cycle */
	held = tc_weak_get(m, wroot);
	assert_non_null(held);
	set_stage(2);
	wait_stage_blocked(m, 3);
	/* The cycle is over: what the read handed out was kept. */
	assert_int_equal(held->magic, NODE_MAGIC);
	assert_int_equal(held->next->val, 2);
	assert_ptr_equal(tc_weak_get(m, wroot), held);
	tc_roots_pop(m);
	tc_mutator_detach(m);
	return NULL;
}

static void test_scanned_reader_shades(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	stage = 0;
	atomic_store(&hooked, 0);
	tc_root_add(h, &wroot, 1);
	node *t = new_node(m, 1);
	node *tmp[1] = {t};
	tc_roots_push(m, (void **)tmp, 1);
	tc_write(m, (void **)&t->next, new_node(m, 2));
	tc_write(m, &wroot, tc_weak_new(m, t));
	tc_roots_pop(m);
	t = tmp[0] = NULL; /* only the weak reference refers to it now */
	pthread_t r;
	pthread_create(&r, NULL, reader, h);
	h->mark_hook = reader_hook;
	tc_collect(m); /* the verifier checks the reader's frame: the object must be marked */
	h->mark_hook = NULL;
	set_stage(3);
	tc_blocking_enter(m);
	pthread_join(r, NULL);
	tc_blocking_leave(m);
	/* Now nothing holds it: cleared by the next cycle. */
	tc_collect(m);
	assert_null(tc_weak_get(m, wroot));
	tc_root_remove(h, &wroot);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* ---- 2. an unscanned mutator sets a finalizer while marking ---- */

static atomic_int go, done, fin_ok;
static atomic_int answered; /* the registrar left the safepoint where it answered barrier-on */

/* The barrier-on request: phase MARK (and with it the stack-scan request)
 * waits until the registrar has answered and left that safepoint. Else a
 * controller quick to see the answer could set phase MARK while the
 * registrar is still inside the safepoint, which then scans its stack. */
static void answered_hook(tc_heap *h, int kind, void *arg)
{
	(void)h;
	(void)arg;
	if (kind == HS_BARRIER_ON)
		while (!atomic_load(&answered))
			;
}

static void check_child(void *obj, void *arg)
{
	(void)arg;
	node *o = obj;
	atomic_store(&fin_ok, o->magic == NODE_MAGIC && o->next != NULL && o->next->magic == NODE_MAGIC &&
				      o->next->val == 8);
}

static void registrar_hook(tc_heap *h, void *arg)
{
	(void)h;
	(void)arg;
	if (atomic_exchange(&hooked, 1))
		return;
	atomic_store(&go, 1);
	while (!atomic_load(&done))
		;
}

static void *registrar(void *arg)
{
	tc_mutator *m = tc_mutator_attach(arg);
	node *o = new_node(m, 7); /* held in a C local only: no root of a precise heap */
	node *keep[1] = {o};
	tc_roots_push(m, (void **)keep, 1);
	tc_write(m, (void **)&o->next, new_node(m, 8));
	tc_roots_pop(m);
	set_stage(1);
	/* Answer the barrier-on request, then run without a safepoint: this
	 * stack is not scanned when the hook asks for the finalizer. */
	while (!(m->wb.head.wb_on & WB_MARKING))
		tc_safepoint(m);
	atomic_store(&answered, 1);
	while (!atomic_load(&go))
		;
	assert_false(m->allocblack);
	assert_int_equal(tc_set_finalizer(m, o, check_child, NULL), 0);
	o = NULL;
	atomic_store(&done, 1);
	wait_stage_blocked(m, 3);
	tc_mutator_detach(m);
	return NULL;
}

static void *collect_thread(void *arg)
{
	tc_mutator *m = tc_mutator_attach(arg);
	tc_collect(m);
	tc_mutator_detach(m);
	return NULL;
}

static void test_unscanned_registration_keeps_referents(void **state)
{
	(void)state;
	tc_heap *h = manual_heap();
	tc_mutator *m = tc_mutator_attach(h);
	stage = 0;
	atomic_store(&hooked, 0);
	atomic_store(&go, 0);
	atomic_store(&done, 0);
	atomic_store(&fin_ok, 0);
	atomic_store(&answered, 0);
	pthread_t r, c;
	pthread_create(&r, NULL, registrar, h);
	wait_stage_blocked(m, 1);
	h->mark_hook = registrar_hook;
	h->hs_hook = answered_hook;
	tc_blocking_enter(m);
	pthread_create(&c, NULL, collect_thread, h);
	pthread_join(c, NULL); /* the verifier checks the finalizer's object's referents */
	tc_blocking_leave(m);
	h->mark_hook = NULL;
	h->hs_hook = NULL;
	set_stage(3);
	tc_blocking_enter(m);
	pthread_join(r, NULL);
	tc_blocking_leave(m);
	for (int i = 0; i < 1000; i++) /* a freed child would be reused */
		new_node(m, 0);
	assert_int_equal(tc_run_finalizers(m), 1);
	assert_true(atomic_load(&fin_ok));
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scanned_reader_shades),
		cmocka_unit_test(test_unscanned_registration_keeps_referents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
