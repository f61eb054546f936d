/*
 * gc_client.c — a libgc program, built against Debian's gc.h and linked with
 * -lgc, as any client of the Boehm collector is. ctest runs it with
 * LD_LIBRARY_PATH naming the directory where libgc.so.1 is tricolor's
 * (compat/), so it checks the drop-in from the outside: the same binary would
 * run on libgc.
 *
 *   gc_client            the API's semantics, data-segment and uncollectable
 *                        roots, interior and past-the-end pointers, misuse
 *                        reported through the warn proc with nothing freed
 *   gc_client oom        run with GC_MAXIMUM_HEAP_SIZE: the oom fn is called
 *   gc_client runtime    finalizers (run once, in order, replaced), disappearing
 *                        links, GC_add_roots / GC_remove_roots
 *   gc_client debug      the GC_debug_* calls a -DGC_DEBUG program makes
 *
 * Exit 0 on success; every failure prints what was wrong.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
#define CHECK(c)                                                                  \
	do {                                                                      \
		if (!(c)) {                                                       \
			fprintf(stderr, "gc_client: %s:%d: failed: %s\n", __FILE__, __LINE__, #c); \
			failures++;                                               \
		}                                                                 \
	} while (0)

typedef struct node {
	struct node *next;
	uint64_t magic;
	char pad[16];
} node;
#define MAGIC 0x6c6962676331ull

static node *list_head;          /* .bss: a data-segment root */
static char *interior_only;      /* points into the middle of its object */
static char *past_end;           /* points just past the bytes asked for */
static void **uncoll;            /* from GC_malloc_uncollectable */

static void churn(size_t bytes)
{
	for (size_t done = 0; done < bytes; done += 64) {
		void *p = GC_malloc(48);
		if (p == NULL) {
			fprintf(stderr, "gc_client: GC_malloc returned NULL while churning\n");
			exit(1);
		}
	}
}

static int list_ok(size_t n)
{
	size_t k = 0;
	for (node *p = list_head; p; p = p->next, k++)
		if (p->magic != MAGIC)
			return 0;
	return k == n;
}

static char last_warning[256];
static GC_word last_arg;
static void my_warn(char *msg, GC_word arg)
{
	snprintf(last_warning, sizeof last_warning, "%s", msg);
	last_arg = arg;
}

static size_t oom_calls;
static void *my_oom(size_t n)
{
	(void)n;
	oom_calls++;
	return NULL;
}

static int run_oom(void)
{
	GC_init();
	GC_set_oom_fn(my_oom);
	node *keep = NULL;
	size_t got = 0;
	for (int i = 0; i < 100000 && oom_calls == 0; i++) {
		node *n = GC_malloc(4096);
		if (n == NULL)
			break;
		n->next = keep; /* all kept: the heap must hit the limit */
		keep = n;
		got++;
	}
	printf("gc_client oom: %zu objects of 4 KiB before the oom fn was called %zu times\n", got, oom_calls);
	CHECK(oom_calls == 1);
	CHECK(got < 100000);
	list_head = (node *)keep;
	return failures ? 1 : 0;
}

/* ---- the runtime part: finalizers, links, roots ---- */

#define NF 1000
static int fin_count[NF];
static int order_bad, finalized_total;
static node *keep_alive;
static void *links[100];
static void *root_buf_link[100];

static void count_fin(void *obj, void *cd)
{
	node *n = obj;
	intptr_t i = (intptr_t)cd;
	if (n->magic != MAGIC || (n->next != NULL && n->next->magic != MAGIC))
		order_bad++; /* a finalizer saw its object, or what it references, freed */
	fin_count[i]++;
	finalized_total++;
}

static void other_fin(void *obj, void *cd) { (void)obj, (void)cd; }

__attribute__((noinline)) static void make_finalizable(void)
{
	for (intptr_t i = 0; i < NF; i++) {
		node *a = GC_malloc(sizeof *a), *b = GC_malloc(sizeof *b);
		a->magic = b->magic = MAGIC;
		a->next = b; /* A references B: A's finalizer first, B intact */
		GC_register_finalizer(a, count_fin, (void *)i, NULL, NULL);
		if (i == 0) {
			GC_finalization_proc ofn;
			void *ocd;
			GC_register_finalizer(a, other_fin, NULL, &ofn, &ocd);
			CHECK(ofn == count_fin && ocd == (void *)0);
			GC_register_finalizer(a, count_fin, (void *)i, &ofn, &ocd);
			CHECK(ofn == other_fin && ocd == NULL);
		}
	}
	keep_alive = GC_malloc(sizeof *keep_alive);
	keep_alive->magic = MAGIC;
	GC_register_finalizer(keep_alive, count_fin, (void *)(intptr_t)(NF - 1), NULL, NULL);
	for (int i = 0; i < 100; i++) {
		void *o = GC_malloc(64);
		links[i] = (void *)GC_HIDE_POINTER(o); /* hidden: the link itself keeps nothing */
		CHECK(GC_general_register_disappearing_link(&links[i], o) == 0);
		if (i == 0)
			CHECK(GC_general_register_disappearing_link(&links[i], o) == 1); /* GC_DUPLICATE */
	}
}

__attribute__((noinline)) static void **make_rooted(void)
{
	void **buf = malloc(100 * sizeof(void *)); /* not scanned, unless added */
	GC_add_roots(buf, buf + 100);
	for (int i = 0; i < 100; i++) {
		buf[i] = GC_malloc(32);
		root_buf_link[i] = (void *)GC_HIDE_POINTER(buf[i]);
		GC_general_register_disappearing_link(&root_buf_link[i], buf[i]);
	}
	return buf;
}

static int count_nonnull(void **v, int n)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		k += v[i] != NULL;
	return k;
}

static int run_runtime(void)
{
	GC_INIT();
	make_finalizable();
	void **buf = make_rooted();
	for (int r = 0; r < 4; r++) {
		churn(16u << 20);
		GC_gcollect();
	}
	churn(1u << 20); /* finalizers run at an allocation after the collection */
	int once = 1;
	for (int i = 0; i < NF; i++)
		once &= fin_count[i] <= 1;
	printf("gc_client runtime: %d of %d finalizers ran (stale stack words may keep a few), %d links of 100 "
	       "cleared, %d rooted objects kept\n",
	       finalized_total, NF, 100 - count_nonnull(links, 100), count_nonnull(root_buf_link, 100));
	CHECK(once);
	CHECK(finalized_total >= NF * 9 / 10);
	CHECK(order_bad == 0);
	CHECK(fin_count[NF - 1] <= 1 && keep_alive->magic == MAGIC); /* reachable: not finalized twice */
	CHECK(count_nonnull(links, 100) <= 10);
	CHECK(count_nonnull(root_buf_link, 100) == 100); /* GC_add_roots kept them */
	CHECK(GC_unregister_disappearing_link(&root_buf_link[0]) == 1);
	CHECK(GC_unregister_disappearing_link(&root_buf_link[0]) == 0);
	GC_remove_roots(buf, buf + 100);
	memset(buf, 0, 100 * sizeof(void *));
	for (int r = 0; r < 2; r++) {
		churn(16u << 20);
		GC_gcollect();
	}
	int left = count_nonnull(root_buf_link + 1, 99);
	printf("gc_client runtime: after GC_remove_roots, %d of 99 links still set\n", left);
	CHECK(left <= 10);
	free(buf);
	return failures ? 1 : 0;
}

/* ---- gc_client debug ---- */

static node *dbg_list;
static int dbg_finalized;
static void dbg_finalizer(void *obj, void *cd)
{
	(void)obj;
	(void)cd;
	dbg_finalized++;
}

static void dbg_garbage(void)
{
	for (int i = 0; i < 100; i++) {
		node *g = GC_debug_malloc(sizeof *g, __FILE__, __LINE__);
		GC_debug_register_finalizer(g, dbg_finalizer, NULL, NULL, NULL);
	}
}

static int run_debug(void)
{
	GC_INIT();
	const size_t N = 20000;
	for (size_t i = 0; i < N; i++) {
		node *n = GC_debug_malloc(sizeof *n, __FILE__, __LINE__);
		CHECK(n != NULL && n->magic == 0); /* cleared */
		n->magic = MAGIC + i;
		n->next = dbg_list;
		dbg_list = n;
	}
	char *s = GC_debug_strdup("debugging", __FILE__, __LINE__);
	char *a = GC_debug_malloc_atomic(64, __FILE__, __LINE__);
	memset(a, 'a', 64);
	char *r = GC_debug_realloc(GC_debug_strndup("abcdefgh", 4, __FILE__, __LINE__), 4096, __FILE__, __LINE__);
	char *u = GC_debug_malloc_uncollectable(32, __FILE__, __LINE__);
	strcpy(u, "uncollectable");
	dbg_garbage();
	for (int k = 0; k < 3; k++) {
		GC_gcollect();
		GC_invoke_finalizers();
	}
	size_t n = 0, bad = 0;
	for (node *p = dbg_list; p != NULL; p = p->next, n++)
		bad += p->magic != MAGIC + (N - 1 - n);
	CHECK(n == N && bad == 0);
	CHECK(strcmp(s, "debugging") == 0 && a[63] == 'a' && memcmp(r, "abcd", 5) == 0);
	CHECK(strcmp(u, "uncollectable") == 0);
	CHECK(dbg_finalized >= 90); /* stale stack words may keep a few */
	GC_debug_free(u);
	GC_debug_free(r);
	printf("gc_client debug: %zu nodes intact, %d of 100 finalizers ran\n", n, dbg_finalized);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "debug") == 0)
		return run_debug();
	if (argc > 1 && strcmp(argv[1], "oom") == 0)
		return run_oom();
	if (argc > 1 && strcmp(argv[1], "runtime") == 0)
		return run_runtime();
	GC_INIT();
	Dl_info di;
	char *lib = dladdr((void *)GC_malloc, &di) != 0 ? realpath(di.dli_fname, NULL) : NULL;
	CHECK(lib != NULL && strstr(lib, "libtricolor-gc") != NULL); /* not libgc's */
	printf("gc_client: GC_malloc is from %s\n", lib ? lib : "(unknown)");
	free(lib);

	/* A list held only by a global. */
	const size_t N = 100000;
	for (size_t i = 0; i < N; i++) {
		node *n = GC_malloc(sizeof *n);
		CHECK(n != NULL && n->next == NULL && n->magic == 0); /* cleared */
		n->magic = MAGIC;
		n->next = list_head;
		list_head = n;
	}
	char *a = GC_malloc(1000);
	memset(a, 'a', 1000);
	interior_only = a + 500;
	a = NULL;
	char *b = GC_malloc_atomic(77);
	memset(b, 'b', 77);
	past_end = b + 77;
	b = NULL;
	uncoll = GC_malloc_uncollectable(8 * sizeof(void *));
	char *held_by_uncoll = GC_malloc_atomic(32);
	snprintf(held_by_uncoll, 32, "%s", "held by an uncollectable object");
	uncoll[3] = held_by_uncoll;
	held_by_uncoll = NULL;

	GC_word gc0 = GC_get_gc_no();
	churn(256u << 20);
	GC_gcollect();
	printf("gc_client: %lu collections, heap %zu bytes\n", (unsigned long)(GC_get_gc_no() - gc0), GC_get_heap_size());
	CHECK(GC_get_gc_no() - gc0 >= 2);
	CHECK(list_ok(N));
	CHECK(interior_only[-500] == 'a' && interior_only[499] == 'a');
	CHECK(past_end[-77] == 'b' && past_end[-1] == 'b');
	CHECK(strcmp(uncoll[3], "held by an uncollectable object") == 0);
	CHECK(GC_get_heap_size() < (256u << 20)); /* the churn was collected */

	/* GC_base, GC_size. */
	char *c = GC_malloc(100);
	CHECK(GC_base(c + 42) == c);
	CHECK(GC_base(c) == c);
	CHECK(GC_size(c) >= 100);
	int on_stack;
	CHECK(GC_base(&on_stack) == NULL);
	CHECK(GC_base(&list_head) == NULL);

	/* GC_realloc: grow keeps the contents, NULL is malloc. */
	char *s = GC_strdup("tricolor");
	CHECK(s != NULL && strcmp(s, "tricolor") == 0);
	s = GC_realloc(s, 100000);
	CHECK(s != NULL && strcmp(s, "tricolor") == 0 && GC_size(s) >= 100000);
	char *r = GC_realloc(NULL, 10);
	CHECK(r != NULL && GC_base(r) == r);

	/* Misuse through the warn proc, nothing freed. */
	GC_set_warn_proc(my_warn);
	CHECK(GC_get_warn_proc() == my_warn);
	GC_free(interior_only);
	CHECK(strstr(last_warning, "GC_free") != NULL && last_arg == (GC_word)interior_only);
	char *foreign = malloc(16);
	snprintf(foreign, 16, "%s", "foreign");
	last_warning[0] = 0;
	CHECK(GC_realloc(foreign, 64) == NULL);
	CHECK(strstr(last_warning, "GC_realloc") != NULL && last_arg == (GC_word)foreign);
	CHECK(strcmp(foreign, "foreign") == 0);
	free(foreign);
	churn(64u << 20);
	GC_gcollect();
	CHECK(interior_only[-500] == 'a'); /* the bad GC_free freed nothing */

	/* GC_free makes a small object's memory the next of its size, as on
	 * libgc; a second GC_free of it is caught. */
	char *f1 = GC_malloc(40);
	GC_free(f1);
	char *f2 = GC_malloc(40);
	CHECK(f2 == f1 && f2[0] == 0 && f2[39] == 0);
	GC_free(f2);
	last_warning[0] = 0;
	GC_free(f2);
	CHECK(strstr(last_warning, "freed already") != NULL);
	churn(32u << 20);
	GC_gcollect();
	char *f3 = GC_malloc_atomic(40); /* atomic: another list */
	CHECK(f3 != f2);
	char *f4 = GC_malloc(40);
	CHECK(f4 == f2); /* still waiting after a collection: kept, not swept */

	char *l1 = GC_malloc(100000); /* large: reused by an allocation it can hold */
	l1[99999] = 'x';
	GC_free(l1);
	char *l2 = GC_malloc(200000);
	CHECK(l2 != l1);
	char *l3 = GC_malloc_uncollectable(90000);
	CHECK(l3 == l1 && l3[89999] == 0); /* cleared on reuse */
	GC_free(l3);

	/* GC_free of an uncollectable object: its referent may now go. */
	GC_free(uncoll);
	uncoll = NULL;

	/* GC_disable: no collection, however much is allocated. */
	GC_disable();
	GC_word g1 = GC_get_gc_no();
	churn(64u << 20);
	GC_gcollect();
	CHECK(GC_get_gc_no() == g1);
	GC_enable();
	churn(64u << 20);
	CHECK(GC_get_gc_no() > g1);
	CHECK(list_ok(N));

	printf("gc_client: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
