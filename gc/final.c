/*
 * final.c — finalizers and cleanups (Go's SetFinalizer and AddCleanup: the
 * specials of mheap.go, markrootSpans in mgcmark.go, the finq of mfinal.go).
 *
 * Records. finstate.tab maps an object's user address to its finalizer and
 * cleanups (open addressing, under finstate.lock). Nothing on the allocation
 * or barrier paths looks at it; a cycle with no record and no job skips it
 * on one load (nrec).
 *
 * What a record keeps alive, greyed by the controller when marking begins
 * (tc__fin_mark_roots, Go's markrootSpans): for a finalizer, every object the
 * finalizable object references, but not the object itself (nor through a
 * pointer into itself), and the finalizer's arg; for a cleanup, its arg. So
 * when a finalizable object is found white at termination, everything it
 * references is marked: its finalizer can run on an intact graph, and if A
 * references B and both are finalizable, B is marked through A's record and
 * only A's finalizer is due; B's comes in a cycle after A has gone. A cycle
 * of two finalizable objects keeps itself alive (documented in tricolor.h).
 * The controller copies the values under the lock and greys them without
 * it. A record made while marking, after that copy, is greyed by the mutator
 * that makes it (Go's addfinalizer does the same): it reads the phase under
 * the lock, so either the copy sees the record or the mutator sees MARK.
 *
 * Due (tc__fin_sweep, the controller, after termination and after
 * tc__weak_sweep, before the barrier-off handshake): a record whose object is
 * white queues its finalizer, and the object is marked so that this cycle's
 * sweep keeps it (its referents are marked already); cleanups are queued only
 * when the object is white and has no finalizer left, and then it is freed.
 * Weak references to the object were cleared just before (Go's order). A
 * queued or running job's object and arg are roots until it returns.
 *
 * Jobs run on the finalizer thread ("thread", started at the first record;
 * an attached mutator that waits for jobs inside a blocking region) or on
 * whatever thread calls tc_run_finalizers. A job runs as ordinary mutator
 * code: it may allocate, store, set finalizers, collect or block (inside
 * tc_blocking_enter/leave), and a job that never returns holds only its
 * thread. No lock is held while one runs.
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"

#define SLOT_EMPTY ((uintptr_t)0)
#define SLOT_DELETED ((uintptr_t)1)

void tc__fin_init(tc_heap *h)
{
	lock_init(&h->fin.lock, LR_SPECIAL);
	lock_init(&h->fin.qlock, LR_FINQ);
	pthread_cond_init(&h->fin.qcv, NULL);
	h->fin.manual = h->cfg.finalizers != NULL && strcmp(h->cfg.finalizers, "manual") == 0;
}

/* ---- the table (lock held) ---- */

/* Fibonacci hashing: the top bits of the product (cap is a power of two,
 * at least 64). */
static size_t slot0(const finstate *f, uintptr_t obj)
{
	return (size_t)((obj >> 3) * 0x9E3779B97F4A7C15ull >> (64 - __builtin_ctzll(f->cap)));
}

static special *find(finstate *f, uintptr_t obj)
{
	if (f->cap == 0)
		return NULL;
	for (size_t i = slot0(f, obj);; i = (i + 1) & (f->cap - 1)) {
		if (f->tab[i].obj == obj)
			return &f->tab[i];
		if (f->tab[i].obj == SLOT_EMPTY)
			return NULL;
	}
}

/* A free slot for obj (not in the table), growing it past half full. */
static special *insert(finstate *f, uintptr_t obj)
{
	if (2 * (f->used + 1) > f->cap) {
		size_t ncap = f->cap ? (2 * f->n + 2 > f->cap / 2 ? 2 * f->cap : f->cap) : 64;
		special *nt = calloc(ncap, sizeof *nt), *old = f->tab;
		if (nt == NULL)
			return NULL;
		size_t ocap = f->cap;
		f->tab = nt;
		f->cap = ncap;
		f->used = 0;
		for (size_t i = 0; i < ocap; i++)
			if (old[i].obj > SLOT_DELETED) {
				special *s = insert(f, old[i].obj);
				*s = old[i];
			}
		free(old);
	}
	size_t i = slot0(f, obj);
	while (f->tab[i].obj > SLOT_DELETED)
		i = (i + 1) & (f->cap - 1);
	if (f->tab[i].obj == SLOT_EMPTY)
		f->used++;
	memset(&f->tab[i], 0, sizeof f->tab[i]);
	f->tab[i].obj = obj;
	f->n++;
	return &f->tab[i];
}

static void delete(finstate *f, special *s)
{
	s->obj = SLOT_DELETED;
	f->n--;
}

/* ---- the queue ---- */

/* Queue a list of jobs, first..last, n of them. */
static void enqueue(tc_heap *h, finjob *first, finjob *last, size_t n)
{
	finstate *f = &h->fin;
	lock(&f->qlock);
	last->next = NULL;
	if (f->tail)
		f->tail->next = first;
	else
		f->head = first;
	f->tail = last;
	atomic_fetch_add_explicit(&f->queued, n, memory_order_relaxed);
	pthread_cond_signal(&f->qcv);
	unlock(&f->qlock);
}

/* A batch: up to max of the oldest jobs, moved to the running list as one
 * entry (qlock held); NULL if none. Batches keep the lock traffic per job
 * low when a cycle makes a hundred thousand of them due. */
#define BATCH 256
typedef struct batch {
	finjob *jobs[BATCH];
	size_t n;
	struct batch *next; /* the running list */
} batch;

static batch *take(finstate *f, batch *b, size_t max)
{
	b->n = 0;
	while (f->head != NULL && b->n < max && b->n < BATCH) {
		b->jobs[b->n++] = f->head;
		f->head = f->head->next;
	}
	if (f->head == NULL)
		f->tail = NULL;
	if (b->n == 0)
		return NULL;
	b->next = f->running;
	f->running = b;
	return b;
}

/* The batch's jobs stay in the running list, roots, until all have
 * returned; then they go. */
static void run_batch(tc_heap *h, batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		finjob *j = b->jobs[i];
		if (j->fin)
			j->fin(j->obj, j->arg);
		else
			j->cfn(j->arg);
		atomic_fetch_add_explicit(&h->fin.run, 1, memory_order_relaxed);
	}
	finstate *f = &h->fin;
	lock(&f->qlock);
	batch **pp = &f->running;
	while (*pp != b)
		pp = &(*pp)->next;
	*pp = b->next;
	unlock(&f->qlock);
	for (size_t i = 0; i < b->n; i++)
		free(b->jobs[i]);
}

size_t tc_run_finalizers(tc_mutator *m)
{
	if (!tc__mutator_check(m, "tc_run_finalizers"))
		return 0;
	finstate *f = &m->h->fin;
	lock(&f->qlock);
	size_t due = 0;
	for (finjob *j = f->head; j; j = j->next)
		due++;
	unlock(&f->qlock);
	size_t ran = 0;
	batch b;
	while (ran < due) {
		lock(&f->qlock);
		batch *got = take(f, &b, due - ran);
		unlock(&f->qlock);
		if (got == NULL)
			break; /* the thread took the rest */
		run_batch(m->h, &b);
		ran += b.n;
	}
	return ran;
}

/* ---- the finalizer thread ---- */

static void *fin_main(void *arg)
{
	tc_heap *h = arg;
	finstate *f = &h->fin;
	tc_mutator *m = tc_mutator_attach(h);
	lock(&f->qlock);
	f->tm = m;
	unlock(&f->qlock);
	if (m == NULL)
		return NULL; /* attach said why; jobs wait for tc_run_finalizers */
	batch b;
	for (;;) {
		lock(&f->qlock);
		bool idle = f->head == NULL && f->tstate != 2;
		unlock(&f->qlock);
		if (idle) {
			tc_blocking_enter(m); /* waiting holds up no handshake */
			lock(&f->qlock);
			while (f->head == NULL && f->tstate != 2)
				lock_wait(&f->qcv, &f->qlock);
			unlock(&f->qlock);
			tc_blocking_leave(m);
		}
		lock(&f->qlock);
		batch *got = f->tstate == 2 ? NULL : take(f, &b, BATCH);
		unlock(&f->qlock);
		if (got == NULL) {
			if (f->tstate == 2)
				break;
			continue;
		}
		run_batch(h, &b);
	}
	lock(&f->qlock);
	f->tm = NULL;
	unlock(&f->qlock);
	tc_mutator_detach(m);
	return NULL;
}

static void start_thread(tc_heap *h)
{
	finstate *f = &h->fin;
	if (f->manual)
		return;
	lock(&f->qlock);
	if (f->tstate == 0) {
		if (pthread_create(&f->thread, NULL, fin_main, h) == 0)
			f->tstate = 1;
		else
			tc__warn("finalizers: cannot start the finalizer thread; they run only in tc_run_finalizers");
	}
	unlock(&f->qlock);
}

tc_mutator *tc__fin_mutator(tc_heap *h)
{
	lock(&h->fin.qlock);
	tc_mutator *m = h->fin.tm;
	unlock(&h->fin.qlock);
	return m;
}

void tc__fin_stop(tc_heap *h)
{
	finstate *f = &h->fin;
	lock(&f->qlock);
	int started = f->tstate == 1;
	f->tstate = 2;
	pthread_cond_broadcast(&f->qcv);
	unlock(&f->qlock);
	if (started)
		pthread_join(f->thread, NULL);
}

/* After the controller has stopped: nothing reads the records any more. */
void tc__fin_destroy(tc_heap *h)
{
	finstate *f = &h->fin;
	for (finjob *j = f->head, *next; j; j = next) {
		next = j->next;
		free(j);
	}
	for (size_t i = 0; i < f->cap; i++)
		if (f->tab[i].obj > SLOT_DELETED)
			for (cleanup *c = f->tab[i].cleanups, *next; c; c = next) {
				next = c->next;
				free(c);
			}
	free(f->tab);
	lock_destroy(&f->lock);
	lock_destroy(&f->qlock);
	pthread_cond_destroy(&f->qcv);
}

/* ---- registration ---- */

/* The record lock, for a mutator: a wait for it (the controller walks the
 * table once a cycle, under it) is a stall, counted like any other. */
static void lock_records(tc_mutator *m)
{
	if (lock_try(&m->h->fin.lock))
		return;
	uint64_t t0 = tc__now_ns();
	lock(&m->h->fin.lock);
	tc__mutator_stall(m, t0, IV_WAIT);
}

/* A record made: if marking began before it, grey what it keeps alive now
 * (into m's own grey work, published at its next flush), whether or not m's
 * stack is scanned: m may drop obj before its scan. Only while m's barrier
 * is on: once off, marking is complete, obj (which m holds) is black and its
 * referents marked, and the sweepgen bump may come at any moment. */
static void registered(tc_mutator *m, bool marking, uintptr_t fields, void *arg)
{
	if (marking && (__atomic_load_n(&m->wb.head.wb_on, __ATOMIC_RELAXED) & WB_MARKING)) {
		if (fields)
			tc__grey_fields(&m->gcw, fields);
		tc__grey(&m->gcw, (uintptr_t)arg);
	}
	start_thread(m->h);
}

int tc_set_finalizer(tc_mutator *m, void *obj, void (*fn)(void *obj, void *arg), void *arg)
{
	span *s;
	uintptr_t base;
	if (!tc__mutator_check(m, "tc_set_finalizer") ||
	    tc__obj_check(m->h, obj, "tc_set_finalizer", "obj", &s, &base) != 0)
		return -1;
	finstate *f = &m->h->fin;
	lock_records(m);
	special *r = find(f, (uintptr_t)obj);
	if (fn == NULL) {
		if (r == NULL || r->fin == NULL) {
			unlock(&f->lock);
			tc__error("tc_set_finalizer: obj %p has no finalizer to remove", obj);
			return -1;
		}
		r->fin = NULL;
		r->finarg = NULL;
		if (r->cleanups == NULL)
			delete(f, r);
		atomic_store_explicit(&f->nrec, f->n, memory_order_relaxed);
		unlock(&f->lock);
		return 0;
	}
	if (r != NULL && r->fin != NULL) {
		unlock(&f->lock);
		tc__error("tc_set_finalizer: obj %p already has a finalizer (remove it with fn = NULL first)", obj);
		return -1;
	}
	if (r == NULL && (r = insert(f, (uintptr_t)obj)) == NULL) {
		unlock(&f->lock);
		tc__error("tc_set_finalizer: out of memory for the finalizer table");
		return -1;
	}
	r->fin = fn;
	r->finarg = arg;
	atomic_store_explicit(&f->nrec, f->n, memory_order_relaxed);
	bool marking = atomic_load(&m->h->phase) == GC_MARK;
	unlock(&f->lock);
	registered(m, marking, (uintptr_t)obj, arg);
	return 0;
}

bool tc__fin_get(tc_mutator *m, void *obj, void (**fn)(void *obj, void *arg), void **arg)
{
	finstate *f = &m->h->fin;
	lock_records(m);
	special *r = find(f, (uintptr_t)obj);
	bool has = r != NULL && r->fin != NULL;
	*fn = has ? r->fin : NULL;
	*arg = has ? r->finarg : NULL;
	unlock(&f->lock);
	return has;
}

int tc_add_cleanup(tc_mutator *m, void *obj, void (*fn)(void *arg), void *arg)
{
	span *s;
	uintptr_t base;
	if (!tc__mutator_check(m, "tc_add_cleanup") || tc__obj_check(m->h, obj, "tc_add_cleanup", "obj", &s, &base) != 0)
		return -1;
	if (fn == NULL) {
		tc__error("tc_add_cleanup: fn is NULL");
		return -1;
	}
	cleanup *c = malloc(sizeof *c);
	if (c == NULL) {
		tc__error("tc_add_cleanup: out of memory");
		return -1;
	}
	*c = (cleanup){fn, arg, NULL};
	finstate *f = &m->h->fin;
	lock_records(m);
	special *r = find(f, (uintptr_t)obj);
	if (r == NULL && (r = insert(f, (uintptr_t)obj)) == NULL) {
		unlock(&f->lock);
		free(c);
		tc__error("tc_add_cleanup: out of memory for the finalizer table");
		return -1;
	}
	c->next = r->cleanups;
	r->cleanups = c;
	atomic_store_explicit(&f->nrec, f->n, memory_order_relaxed);
	bool marking = atomic_load(&m->h->phase) == GC_MARK;
	unlock(&f->lock);
	registered(m, marking, 0, arg);
	return 0;
}

/* ---- the collector's side ---- */

typedef struct vec {
	uintptr_t *v;
	size_t n, cap;
} vec;

static void vpush(vec *x, uintptr_t v)
{
	if (x->n == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 256;
		uintptr_t *n = realloc(x->v, cap * sizeof *n);
		if (n == NULL)
			tc__fatal("finalizers: out of memory for the roots they keep");
		x->v = n;
		x->cap = cap;
	}
	x->v[x->n++] = v;
}

/* Copy what the records and jobs keep alive: objects whose referents are
 * kept (fields), and values kept themselves (vals). */
static void roots_copy(tc_heap *h, vec *fields, vec *vals)
{
	finstate *f = &h->fin;
	lock(&f->lock);
	for (size_t i = 0; i < f->cap; i++) {
		special *r = &f->tab[i];
		if (r->obj <= SLOT_DELETED)
			continue;
		if (r->fin) {
			vpush(fields, r->obj);
			vpush(vals, (uintptr_t)r->finarg);
		}
		for (cleanup *c = r->cleanups; c; c = c->next)
			vpush(vals, (uintptr_t)c->arg);
	}
	unlock(&f->lock);
	lock(&f->qlock);
	for (finjob *j = f->head; j; j = j->next) {
		vpush(vals, (uintptr_t)j->obj);
		vpush(vals, (uintptr_t)j->arg);
	}
	for (batch *b = f->running; b; b = b->next)
		for (size_t i = 0; i < b->n; i++) {
			vpush(vals, (uintptr_t)b->jobs[i]->obj);
			vpush(vals, (uintptr_t)b->jobs[i]->arg);
		}
	unlock(&f->qlock);
}

void tc__fin_mark_roots(tc_heap *h, gcwork *w)
{
	if (atomic_load_explicit(&h->fin.nrec, memory_order_relaxed) == 0 &&
	    atomic_load(&h->fin.queued) == atomic_load(&h->fin.run))
		return;
	vec fields = {0}, vals = {0};
	roots_copy(h, &fields, &vals);
	for (size_t i = 0; i < fields.n; i++)
		tc__grey_fields(w, fields.v[i]);
	for (size_t i = 0; i < vals.n; i++)
		tc__grey(w, vals.v[i]);
	free(fields.v);
	free(vals.v);
}

void tc__fin_roots(tc_heap *h, void (*fields)(uintptr_t obj, void *ctx), void (*val)(uintptr_t v, void *ctx), void *ctx)
{
	vec fv = {0}, vv = {0};
	roots_copy(h, &fv, &vv);
	for (size_t i = 0; i < fv.n; i++)
		fields(fv.v[i], ctx);
	for (size_t i = 0; i < vv.n; i++)
		val(vv.v[i], ctx);
	free(fv.v);
	free(vv.v);
}

static finjob *append(finjob **first, finjob *last, finjob *j)
{
	if (last)
		last->next = j;
	else
		*first = j;
	return j;
}

static finjob *job(void *obj, void (*fin)(void *, void *), void (*cfn)(void *), void *arg)
{
	finjob *j = malloc(sizeof *j);
	if (j == NULL)
		tc__fatal("finalizers: out of memory for a due finalizer (its object would be lost)");
	*j = (finjob){obj, fin, cfn, arg, NULL};
	return j;
}

void tc__fin_sweep(tc_heap *h)
{
	finstate *f = &h->fin;
	if (atomic_load_explicit(&f->nrec, memory_order_relaxed) == 0)
		return;
	size_t due = 0;
	finjob *first = NULL, *last = NULL;
	lock(&f->lock);
	for (size_t i = 0; i < f->cap; i++) {
		special *r = &f->tab[i];
		if (r->obj <= SLOT_DELETED)
			continue;
		span *s = mheap_span_of(&h->mh, r->obj);
		tc_assert(s != NULL); /* a record's object is not freed before its record goes */
		uint32_t idx = span_obj_index(s, r->obj);
		if (span_marked(s, idx))
			continue;
		if (r->fin) {
			/* Kept for its finalizer: marked now, its referents are
			 * already (they were greyed from this record). */
			last = append(&first, last, job((void *)r->obj, r->fin, NULL, r->finarg));
			due++;
			if (span_set_mark(s, idx))
				atomic_fetch_add(&h->work.bytes_marked, s->elemsize);
			r->fin = NULL;
			r->finarg = NULL;
			if (r->cleanups == NULL)
				delete(f, r);
		} else {
			for (cleanup *c = r->cleanups, *next; c; c = next) {
				next = c->next;
				last = append(&first, last, job(NULL, NULL, c->fn, c->arg));
				due++;
				free(c);
			}
			delete(f, r);
		}
	}
	atomic_store_explicit(&f->nrec, f->n, memory_order_relaxed);
	unlock(&f->lock);
	if (first != NULL) {
		enqueue(h, first, last, due);
		start_thread(h);
	}
}
