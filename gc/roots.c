/*
 * roots.c — where marking starts: global roots, precise frames, and each
 * mutator's registers and stack (Go's markroot, with Boehm-style conservative
 * stacks since C has no stack maps).
 *
 * Invariants:
 *  - A mutator's roots are enumerated by the mutator itself (at a safepoint,
 *    its context just saved), or by the controller while the mutator is
 *    blocked or stopped, so its frames, registers and stack do not change
 *    under the scan. Global roots are scanned concurrently with mutators,
 *    by the controller in steps with rests between (a ring of 80,000
 *    sessions took 0.45 ms at once, a mutator off its CPU meanwhile).
 *  - A stopped mutator's stack is scanned from the stack pointer it saved on
 *    stopping up to the top of its stack; words below it belong to code that
 *    holds no managed pointer (the collector's own frames, or the body of a
 *    blocking region).
 *  - Every value is handed on as it is; the consumer decides what is a heap
 *    pointer, so interior pointers and foreign addresses are both fine.
 *  - The global root list is guarded by rootlock; its slots are read with
 *    acquire atomic loads since tc_write may store to them concurrently.
 *    Conservative ranges (the data segments the libgc shim registers, which
 *    are written with plain stores and hold sanitizer redzones between
 *    globals) are read as stacks are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barrier.h"
#include "gc.h"

/* Stacks hold redzones and other threads' dead frames: read them without the
 * sanitizers' checks, a word at a time. */
__attribute__((no_sanitize("address", "thread"))) static void scan_stack(uintptr_t lo, uintptr_t hi,
									  void (*fn)(uintptr_t, void *), void *ctx)
{
	lo = (lo + TC_WORD - 1) & ~(uintptr_t)(TC_WORD - 1);
	for (uintptr_t p = lo; p + TC_WORD <= hi; p += TC_WORD)
		fn(*(volatile uintptr_t *)p, ctx);
}

static void scan_slots(void **slots, size_t n, void (*fn)(uintptr_t, void *), void *ctx)
{
	for (size_t i = 0; i < n; i++)
		fn(__atomic_load_n((uintptr_t *)&slots[i], __ATOMIC_ACQUIRE), ctx); /* as scan.h's load_slot */
}

/* A range removed while a scan in steps rests shifts the ranges after it
 * down the table, and the cursor would skip one: the scan starts again from
 * the first range (scanning a range twice greys nothing twice), and the
 * second time runs to the end in one step, so that a program removing ranges
 * all the time cannot keep it from finishing. A range added meanwhile goes
 * at the end, where the scan still reaches it. Scanning one range in pieces,
 * the mutators storing meanwhile, is as safe as scanning it at once: the
 * barrier is on, and an overwritten value not yet scanned was shaded by its
 * writer (barrier.c). */
uint64_t tc__roots_globals_step(tc_heap *h, rootcursor *c, size_t max, void (*fn)(uintptr_t v, void *ctx), void *ctx)
{
	uint64_t bytes = 0;
	lock(&h->roots.lock);
	if (!c->started) {
		*c = (rootcursor){.removed = h->roots.removed, .started = true};
	} else if (c->removed != h->roots.removed) {
		*c = (rootcursor){.removed = h->roots.removed, .started = true, .again = true};
	}
	if (c->again)
		max = SIZE_MAX;
	while (max > 0 && c->i < h->roots.n) {
		rootrange *r = &h->roots.r[c->i];
		size_t n = r->n - c->off < max ? r->n - c->off : max;
		if (r->cons)
			scan_stack((uintptr_t)(r->slots + c->off), (uintptr_t)(r->slots + c->off + n), fn, ctx);
		else
			scan_slots(r->slots + c->off, n, fn, ctx);
		bytes += n * TC_WORD;
		max -= n;
		c->off += n;
		if (c->off == r->n) {
			c->i++;
			c->off = 0;
		}
	}
	unlock(&h->roots.lock);
	return bytes;
}

uint64_t tc__roots_globals(tc_heap *h, void (*fn)(uintptr_t v, void *ctx), void *ctx)
{
	rootcursor c = {0};
	return tc__roots_globals_step(h, &c, SIZE_MAX, fn, ctx);
}

void tc__roots_frames(tc_mutator *m, void (*fn)(uintptr_t v, void *ctx), void *ctx)
{
	for (size_t i = 0; i < m->nframes; i++)
		scan_slots(m->frames[i].slots, m->frames[i].n, fn, ctx);
}

/* m is stopped, blocked, or m itself is the caller. */
void tc__roots_mutator(tc_heap *h, tc_mutator *m, void (*fn)(uintptr_t v, void *ctx), void *ctx)
{
	tc__roots_frames(m, fn, ctx);
	if (h->cfg.stacks == TC_STACKS_PRECISE)
		return;
	for (size_t i = 0; i < REGS_N; i++)
		fn(m->regs[i], ctx);
	scan_stack(atomic_load_explicit(&m->sp, memory_order_relaxed), m->stack_hi, fn, ctx);
}

/* The verifier's record of the root words a scan took for objects. */
void tc__roots_note(tc_mutator *m, uintptr_t v)
{
	if (m->snapn == m->snapcap) {
		size_t cap = m->snapcap ? 2 * m->snapcap : 256;
		uintptr_t *snap = realloc(m->snap, cap * sizeof *snap);
		if (snap == NULL)
			tc__fatal("verify: out of memory for a stack snapshot");
		m->snap = snap;
		m->snapcap = cap;
	}
	m->snap[m->snapn++] = v;
}

static void root_add(tc_heap *h, void **slots, size_t n, bool cons, const char *fn)
{
	if (h == NULL || (slots == NULL && n > 0)) {
		tc__error("%s: %s is NULL", fn, h == NULL ? "heap" : "slots");
		return;
	}
	if (((uintptr_t)slots & (TC_WORD - 1)) != 0) {
		tc__error("%s: slots %p are not pointer-aligned", fn, (void *)slots);
		return;
	}
	lock(&h->roots.lock);
	if (h->roots.n == h->roots.cap) {
		size_t cap = h->roots.cap ? 2 * h->roots.cap : 16;
		rootrange *r = realloc(h->roots.r, cap * sizeof *r);
		if (r == NULL) {
			unlock(&h->roots.lock);
			tc__error("%s: out of memory for the root table (%zu ranges)", fn, cap);
			return;
		}
		h->roots.r = r;
		h->roots.cap = cap;
	}
	h->roots.r[h->roots.n] = (rootrange){slots, n, cons};
	h->roots.n++;
	unlock(&h->roots.lock);
}

void tc_root_add(tc_heap *h, void **slots, size_t n) { root_add(h, slots, n, false, "tc_root_add"); }

void tc__root_add_cons(tc_heap *h, void **slots, size_t n) { root_add(h, slots, n, true, "tc__root_add_cons"); }

void tc_root_remove(tc_heap *h, void **slots)
{
	if (h == NULL) {
		tc__error("tc_root_remove: heap is NULL");
		return;
	}
	lock(&h->roots.lock);
	for (size_t i = h->roots.n; i-- > 0;) {
		if (h->roots.r[i].slots == slots) {
			memmove(&h->roots.r[i], &h->roots.r[i + 1], (h->roots.n - i - 1) * sizeof h->roots.r[0]);
			h->roots.n--;
			h->roots.removed++;
			unlock(&h->roots.lock);
			return;
		}
	}
	unlock(&h->roots.lock);
	tc__error("tc_root_remove: %p was never added with tc_root_add", (void *)slots);
}

void tc_roots_push(tc_mutator *m, void **slots, size_t n)
{
	if (!tc__mutator_check(m, "tc_roots_push"))
		return;
	if (m->nframes == m->capframes) {
		size_t cap = m->capframes ? 2 * m->capframes : 16;
		rootframe *f = realloc(m->frames, cap * sizeof *f);
		if (f == NULL) {
			/* Dropping a frame could free live objects: stop loudly. */
			tc__fatal("tc_roots_push: out of memory for %zu frames", cap);
		}
		m->frames = f;
		m->capframes = cap;
	}
	m->frames[m->nframes].slots = slots;
	m->frames[m->nframes].n = n;
	m->nframes++;
}

void tc_roots_pop(tc_mutator *m)
{
	if (!tc__mutator_check(m, "tc_roots_pop"))
		return;
	if (m->nframes == 0) {
		tc__error("tc_roots_pop: no frame to pop (more pops than pushes)");
		return;
	}
	m->nframes--;
}

/* The barrier's debug check (barrier.h): a tc_write slot must be inside the
 * heap (an in-use span), a global root range or one of m's precise frames. */
bool tc__gc_slot_known(tc_mutator *m, void **slot)
{
	tc_heap *h = m->h;
	/* Inside an in-use span is enough: whether the object there is
	 * allocated is in alloc bits that sweeping rewrites concurrently. */
	if (mheap_span_of(&h->mh, (uintptr_t)slot) != NULL)
		return true;
	for (size_t i = 0; i < m->nframes; i++)
		if (slot >= m->frames[i].slots && slot < m->frames[i].slots + m->frames[i].n)
			return true;
	bool ok = false;
	lock(&h->roots.lock);
	for (size_t i = 0; i < h->roots.n && !ok; i++)
		ok = slot >= h->roots.r[i].slots && slot < h->roots.r[i].slots + h->roots.r[i].n;
	unlock(&h->roots.lock);
	return ok;
}
