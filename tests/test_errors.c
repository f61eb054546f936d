/* Bad input gets a clear message and loses nothing: malformed environment
 * values, bad types, zero and impossible sizes, misused mutators. */
#define TC_GRAPH_HELPERS
#include <pthread.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

static void expect_error(const char *what, const char *needle1, const char *needle2)
{
	const char *e = tc_last_error();
	if (e == NULL || !strstr(e, needle1) || (needle2 && !strstr(e, needle2)))
		fail_msg("%s: error was '%s', expected it to mention '%s' and '%s'", what, e ? e : "(none)", needle1,
			 needle2 ? needle2 : "");
}

static void env_rejected(const char *var, const char *val)
{
	setenv(var, val, 1);
	tc_clear_error();
	assert_null(tc_heap_create(NULL));
	expect_error(var, var, val);
	unsetenv(var);
}

static void test_malformed_environment_is_rejected_with_name_and_value(void **state)
{
	(void)state;
	env_rejected("TRICOLOR_GOGC", "abc");
	env_rejected("TRICOLOR_GOGC", "100%");
	env_rejected("TRICOLOR_GOGC", "");
	env_rejected("TRICOLOR_GOGC", "99999999999999999999");
	env_rejected("TRICOLOR_MEMLIMIT", "12XB");
	env_rejected("TRICOLOR_MEMLIMIT", "-5MiB");
	env_rejected("TRICOLOR_MEMLIMIT", "99999999999TiB");
	env_rejected("TRICOLOR_GCTRACE", "yes");
	env_rejected("TRICOLOR_VERIFY", "2");
	env_rejected("TRICOLOR_TORTURE", "-1");
	env_rejected("TRICOLOR_TORTURE", "ten");
	env_rejected("TRICOLOR_INTERVALS", "0");
	env_rejected("TRICOLOR_INTERVALS", "many");
	env_rejected("TRICOLOR_INTERVALS", "99999999");
	/* And the field itself, past its bound. */
	tc_config c;
	assert_int_equal(tc_config_init(&c), 0);
	c.interval_log = (uint64_t)1 << 30;
	tc_clear_error();
	assert_null(tc_heap_create(&c));
	expect_error("interval_log", "interval_log", "1073741824");
}

static void test_wellformed_environment_is_applied(void **state)
{
	(void)state;
	tc_config c;
	setenv("TRICOLOR_GOGC", "off", 1);
	setenv("TRICOLOR_MEMLIMIT", "512MiB", 1);
	assert_int_equal(tc_config_init(&c), 0);
	assert_int_equal(c.gogc, -1);
	assert_int_equal(c.memory_limit, (uint64_t)512 << 20);
	setenv("TRICOLOR_GOGC", "250", 1);
	setenv("TRICOLOR_MEMLIMIT", "2GiB", 1);
	assert_int_equal(tc_config_init(&c), 0);
	assert_int_equal(c.gogc, 250);
	assert_int_equal(c.memory_limit, (uint64_t)2 << 30);
	setenv("TRICOLOR_MEMLIMIT", "1000000", 1);
	assert_int_equal(tc_config_init(&c), 0);
	assert_int_equal(c.memory_limit, 1000000);
	setenv("TRICOLOR_INTERVALS", "1000000", 1);
	assert_int_equal(tc_config_init(&c), 0);
	assert_int_equal(c.interval_log, 1000000);
	unsetenv("TRICOLOR_GOGC");
	unsetenv("TRICOLOR_MEMLIMIT");
	unsetenv("TRICOLOR_INTERVALS");
}

static void test_bad_types_and_sizes_are_refused(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	static const size_t unaligned[] = {4};
	static const size_t outside[] = {0, 16};
	const tc_type t_unaligned = {"unaligned", 16, unaligned, 1, NULL};
	const tc_type t_outside = {"outside", 16, outside, 2, NULL};
	const tc_type t_zero = {"zero", 0, NULL, 0, NULL};
	const tc_type t_nooffs = {"nooffs", 16, NULL, 1, NULL};
	tc_clear_error();
	assert_null(tc_alloc(m, &t_unaligned));
	expect_error("unaligned", "unaligned", "not 8-byte aligned");
	assert_null(tc_alloc(m, &t_outside));
	expect_error("outside", "outside", "out of bounds");
	assert_null(tc_alloc_array(m, &t_zero, 3));
	expect_error("zero", "zero", "size 0");
	assert_null(tc_alloc(m, &t_nooffs));
	expect_error("nooffs", "nooffs", "ptr_offsets is NULL");
	assert_null(tc_alloc(m, NULL));
	expect_error("NULL type", "tc_alloc", "NULL");
	assert_null(tc_alloc_noscan(m, 0));
	expect_error("size 0", "tc_alloc_noscan", "size 0");
	assert_null(tc_alloc_noscan(m, (size_t)1 << 62));
	expect_error("huge", "tc_alloc_noscan", "address space");
	assert_null(tc_alloc_array(m, &node_t, (size_t)1 << 60));
	expect_error("huge array", "tc_alloc_array", "address space");
	assert_null(tc_alloc_array(m, &node_t, 0));
	expect_error("empty array", "tc_alloc_array", "0 elements");
	/* The heap still works, and nothing was lost. */
	node *f[1] = {new_node(m, 42)};
	tc_roots_push(m, (void **)f, 1);
	tc_collect(m);
	assert_int_equal(f[0]->val, 42);
	tc_roots_pop(m);
	tc_clear_error();
	tc_roots_pop(m);
	expect_error("extra pop", "tc_roots_pop", "no frame");
	tc_config bad;
	tc_config_init(&bad);
	bad.stacks = 7;
	assert_null(tc_heap_create(&bad));
	expect_error("stacks", "stacks = 7", NULL);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

/* The error policy: one line per error through the output function, the
 * same message in tc_last_error(); warnings say so; NULL restores stderr. */
static char outbuf[4096];
static int outlines;
static void capture(const char *line, void *arg)
{
	assert_ptr_equal(arg, &outlines);
	strncat(outbuf, line, sizeof outbuf - strlen(outbuf) - 1);
	outlines++;
}

static void test_errors_go_through_the_output_function(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	outbuf[0] = 0;
	outlines = 0;
	tc_set_output(capture, &outlines);
	assert_null(tc_alloc_noscan(m, 0));
	assert_int_equal(outlines, 1);
	assert_string_equal(outbuf, "tricolor: tc_alloc_noscan: size 0\n");
	assert_string_equal(tc_last_error(), "tc_alloc_noscan: size 0");
	/* A misuse that still does what it was asked (the store) is a warning. */
	void *loose = NULL;
	outbuf[0] = 0;
	tc_write(m, &loose, NULL);
#ifdef TC_DEBUG
	assert_int_equal(outlines, 2);
	assert_non_null(strstr(outbuf, "tricolor: warning: tc_write: slot"));
#endif
	/* Malformed environment: an error from tc_config_init, on the output too. */
	setenv("TRICOLOR_GOGC", "lots", 1);
	tc_config c;
	outbuf[0] = 0;
	assert_int_equal(tc_config_init(&c), -1);
	unsetenv("TRICOLOR_GOGC");
	assert_non_null(strstr(outbuf, "tricolor: TRICOLOR_GOGC=\"lots\" is malformed"));
	tc_set_output(NULL, NULL);
	int before = outlines;
	assert_null(tc_alloc_noscan(m, 0)); /* to stderr again */
	assert_int_equal(outlines, before);
	tc_mutator_detach(m);
	tc_heap_destroy(h);
}

static tc_mutator *foreign;
static void *use_foreign(void *arg)
{
	(void)arg;
	tc_clear_error();
	void *p = tc_alloc_noscan(foreign, 16);
	return p == NULL && tc_last_error() && strstr(tc_last_error(), "another thread") ? (void *)1 : NULL;
}

static void test_misused_mutators_are_caught(void **state)
{
	(void)state;
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_clear_error();
	assert_null(tc_mutator_attach(h)); /* same thread twice */
	expect_error("attach twice", "already attached", NULL);
	assert_null(tc_alloc_noscan(NULL, 8));
	expect_error("NULL mutator", "tc_alloc_noscan", "NULL");
	tc_heap_destroy(h); /* refused: a mutator is attached */
	expect_error("destroy", "tc_heap_destroy", "still attached");
	assert_non_null(tc_alloc_noscan(m, 8)); /* heap intact */
	tc_blocking_enter(m);
	tc_mutator_detach(m); /* refused: inside a blocking region */
	expect_error("detach blocked", "tc_mutator_detach", "tc_blocking_enter");
	tc_blocking_leave(m);
#ifdef TC_DEBUG
	/* tc_write into a slot the collector does not scan: reported, naming
	 * tc_write, and stored; heap slots and registered roots are quiet. */
	static void *unregistered, *registered;
	void *obj = tc_alloc_noscan(m, 32);
	tc_clear_error();
	tc_write(m, &unregistered, obj);
	expect_error("tc_write outside", "tc_write: slot", "neither inside the heap nor in a registered root");
	assert_ptr_equal(unregistered, obj);
	tc_root_add(h, &registered, 1);
	node *n = tc_alloc(m, &node_t);
	tc_clear_error();
	tc_write(m, &registered, n);
	tc_write(m, (void **)&n->next, obj);
	assert_null(tc_last_error());
	tc_root_remove(h, &registered);
	foreign = m;
	pthread_t t;
	void *ok = NULL;
	pthread_create(&t, NULL, use_foreign, NULL);
	pthread_join(t, &ok);
	assert_non_null(ok);
	tc_mutator_detach(m);
	tc_clear_error();
	assert_null(tc_alloc_noscan(m, 8)); /* use after detach */
	expect_error("detached", "tc_alloc_noscan", "detached");
#else
	(void)use_foreign;
	tc_mutator_detach(m);
#endif
	tc_heap_destroy(h);
}

/* Out of memory through the public API: the message names the call and keeps
 * the OS's reason whole, and the heap keeps what it had. Under an
 * address-space limit, in a child; GOGC off, so no collector thread needs
 * starting. */
#if !defined(TC_SANITIZER) /* the test is skipped there */
static char *oom_keep;

static int oom_before(void *ctx)
{
	tc_mutator **m = ctx;
	tc_config c;
	tc_config_init(&c);
	c.gogc = -1;
	tc_heap *h = tc_heap_create(&c);
	*m = h ? tc_mutator_attach(h) : NULL;
	oom_keep = *m ? tc_alloc_noscan(*m, 1 << 20) : NULL;
	if (oom_keep == NULL)
		return 10;
	memset(oom_keep, 7, 1 << 20);
	return 0;
}

static int oom_after(void *ctx)
{
	tc_clear_error();
	if (tc_alloc_noscan(*(tc_mutator **)ctx, (size_t)512 << 20) != NULL)
		return 12;
	const char *e = tc_last_error();
	if (e == NULL || strncmp(e, "tc_alloc_noscan: cannot", 23) != 0)
		return 13;
	return oom_keep[0] != 7 || oom_keep[(1 << 20) - 1] != 7 ? 14 : 0;
}
#endif

static void test_out_of_memory_names_the_call(void **state)
{
	(void)state;
#if defined(TC_SANITIZER)
	skip(); /* sanitizer runtimes reserve terabytes; RLIMIT_AS breaks them */
#else
	tc_mutator *m = NULL;
	in_child_without_address_space(oom_before, oom_after, &m);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_malformed_environment_is_rejected_with_name_and_value),
		cmocka_unit_test(test_wellformed_environment_is_applied),
		cmocka_unit_test(test_bad_types_and_sizes_are_refused),
		cmocka_unit_test(test_misused_mutators_are_caught),
		cmocka_unit_test(test_errors_go_through_the_output_function),
		cmocka_unit_test(test_out_of_memory_names_the_call),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
