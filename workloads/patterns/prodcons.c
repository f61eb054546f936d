/*
 * prodcons.c — producers hand messages to consumers on other threads: a
 * message is a header, an 8-node list and a 64..256-byte payload, built by
 * one thread, put in a shared bounded queue (1024 slots, a global root), and
 * checked and dropped by another. Objects are allocated by one mutator and
 * die on another, so the cross-thread paths (barriers, remote frees) are the
 * ones measured. --threads N: ceil(N/2) producers (at least one) and
 * max(1, floor(N/2)) consumers; --size: thousands of messages in all.
 * Waiting for a slot or a message happens in a blocking region; the queue
 * lock is held only around a pointer store, never across a safepoint.
 * Checks: every message's list sums to its header, its payload is stamped
 * with its sequence number, and every message arrives exactly once.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "workloads.h"

typedef struct mnode {
	struct mnode *next;
	uint64_t v;
} mnode;

typedef struct msg {
	mnode *list;
	uint64_t *payload;
	uint64_t seq, sum;
	size_t psize;
} msg;

WTYPE(mnode_t, mnode, offsetof(mnode, next));
WTYPE(msg_t, msg, offsetof(msg, list), offsetof(msg, payload));

enum { QCAP = 1024, LIST = 8 };

static msg **queue; /* QCAP slots, a global root */
static size_t qhead, qtail;
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static sem_t qfree, qfull;
static _Atomic uint64_t next_seq, claimed;
static uint64_t total;
static _Atomic uint8_t *seen;

typedef struct job {
	int producer;
	int bad;
} job;

static void wait_sem(bk_thread *t, sem_t *s)
{
	bk_blocking_enter(t);
	while (sem_wait(s) != 0)
		;
	bk_blocking_leave(t);
}

static msg *build(bk_thread *t, uint64_t seq)
{
	msg *m = bk_alloc(t, &msg_t);
	m->seq = seq;
	for (int i = 0; i < LIST; i++) {
		mnode *n = bk_alloc(t, &mnode_t);
		n->v = seq * 31 + (uint64_t)i;
		m->sum += n->v;
		bk_write_init(t, (void **)&n->next, m->list);
		bk_write(t, (void **)&m->list, n);
	}
	m->psize = 64 + (size_t)(seq % 25) * 8;
	uint64_t *p = bk_alloc_noscan(t, m->psize);
	wl_stamp(p, m->psize, seq);
	bk_write_init(t, (void **)&m->payload, p); /* m is only on this stack yet */
	return m;
}

static int check_and_drop(bk_thread *t, msg *m)
{
	uint64_t sum = 0;
	int n = 0;
	for (mnode *x = m->list; x; x = x->next, n++)
		sum += x->v;
	int ok = n == LIST && sum == m->sum && m->seq < total && wl_stamp_ok(m->payload, m->psize, m->seq) &&
		 atomic_fetch_add(&seen[m->seq], 1) == 0;
	for (mnode *x = m->list, *nx; bk_manual && x; x = nx) {
		nx = x->next;
		bk_free(t, x, sizeof *x);
	}
	bk_free(t, m->payload, m->psize);
	bk_free(t, m, sizeof *m);
	return ok;
}

static void *producer(bk_thread *t)
{
	for (;;) {
		uint64_t seq = atomic_fetch_add(&next_seq, 1);
		if (seq >= total)
			return NULL;
		msg *m = build(t, seq);
		wait_sem(t, &qfree);
		pthread_mutex_lock(&qlock);
		bk_write(t, (void **)&queue[qhead++ % QCAP], m);
		pthread_mutex_unlock(&qlock);
		sem_post(&qfull);
	}
}

static void consumer(bk_thread *t, job *j)
{
	while (atomic_fetch_add(&claimed, 1) < total) {
		wait_sem(t, &qfull);
		pthread_mutex_lock(&qlock);
		msg *m = queue[qtail % QCAP];
		bk_write(t, (void **)&queue[qtail++ % QCAP], NULL);
		pthread_mutex_unlock(&qlock);
		sem_post(&qfree);
		if (!check_and_drop(t, m))
			j->bad = 1;
	}
}

static void *prodcons_thread(void *arg)
{
	job *j = arg;
	bk_thread *t = bk_attach();
	if (j->producer)
		producer(t);
	else
		consumer(t, j);
	bk_detach(t);
	return NULL;
}

int prodcons_run(const wargs *a)
{
	int n = a->threads < 2 ? 2 : a->threads > 64 ? 64 : a->threads, np = (n + 1) / 2;
	total = (uint64_t)a->size * 1000;
	queue = calloc(QCAP, sizeof(msg *));
	seen = calloc(total, 1);
	if (queue == NULL || seen == NULL || sem_init(&qfree, 0, QCAP) != 0 || sem_init(&qfull, 0, 0) != 0)
		bk_die("prodcons: cannot set up the queue");
	bk_root_add((void **)queue, QCAP);
	job jobs[64];
	for (int i = 0; i < n; i++)
		jobs[i] = (job){.producer = i < np, .bad = 0};
	bk_thread *t = bk_attach();
	wl_run_threads(t, n, prodcons_thread, jobs, sizeof jobs[0]);
	bk_detach(t);
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad |= jobs[i].bad;
	for (uint64_t s = 0; s < total; s++)
		bad |= seen[s] != 1;
	fprintf(a->out, "prodcons: %d producers, %d consumers, %llu messages, %s\n", np, n - np,
		(unsigned long long)total, bad ? "WRONG" : "ok");
	bk_root_remove((void **)queue);
	free(queue);
	free((void *)seen);
	sem_destroy(&qfree);
	sem_destroy(&qfull);
	return bad;
}
