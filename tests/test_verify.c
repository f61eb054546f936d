/* The heap verifier must catch the bug it exists for: a reachable object
 * left unmarked. A hook clears one mark bit after mark; the verifier must
 * abort naming the object's type and what refers to it. Runs in a child. */
#define TC_GRAPH_HELPERS
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "gc.h"

static node *groot;

static void clear_one_mark(tc_heap *h, void *arg)
{
	uintptr_t victim = (uintptr_t)arg;
	span *s = mheap_span_of(&h->mh, victim);
	uint32_t idx = span_obj_index(s, victim);
	uint64_t *w = &s->gcmarkbits[idx / 64];
	__atomic_fetch_and(w, ~((uint64_t)1 << (idx % 64)), __ATOMIC_RELAXED);
}

/* Returns what the child wrote on stderr; *status gets its wait status. */
static char *run_child(void (*body)(void), int *status)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		body();
		_exit(0);
	}
	close(fds[1]);
	static char buf[8192];
	size_t n = 0;
	ssize_t r;
	while (n < sizeof buf - 1 && (r = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = 0;
	close(fds[0]);
	waitpid(pid, status, 0);
	return buf;
}

static void broken_mark(void)
{
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&groot, 1);
	build_list(m, &groot, 100);
	node *victim = groot->next->next->next;
	h->after_mark_hook = clear_one_mark;
	h->after_mark_arg = victim;
	tc_collect(m); /* must not return */
}

static void healthy(void)
{
	tc_heap *h = precise_heap();
	tc_mutator *m = tc_mutator_attach(h);
	tc_root_add(h, (void **)&groot, 1);
	build_list(m, &groot, 100);
	tc_collect(m);
}

static void test_verifier_names_reachable_unmarked_object(void **state)
{
	(void)state;
	int st;
	char *err = run_child(broken_mark, &st);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
	if (!strstr(err, "verify: FAILED") || !strstr(err, "type node") || !strstr(err, "reachable from object"))
		fail_msg("unexpected verifier message: %s", err);
}

static void test_verifier_passes_a_correct_heap(void **state)
{
	(void)state;
	int st;
	char *err = run_child(healthy, &st);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_null(strstr(err, "verify"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verifier_names_reachable_unmarked_object),
		cmocka_unit_test(test_verifier_passes_a_correct_heap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
