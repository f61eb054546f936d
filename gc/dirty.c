/*
 * dirty.c — mostly-concurrent marking for a heap with no write barrier
 * (Boehm, Demers and Shenker, "Mostly parallel garbage collection", 1991):
 * the libgc shim's GC_enable_incremental (compat/vdb.c).
 *
 * A libgc program never calls tc_write, so the handshake protocol's
 * argument (handshake.c), which rests on the barrier's shades, does not
 * hold for it. Without this file its heap is marked still (stw_mark): every
 * mutator waits from its barrier-on answer to the end of the mark. With it
 * (dirty_mark, latched from dirty_req at each cycle's start) mutators run
 * through the mark, and their writes are caught by page instead:
 *
 *  1. cycle start, before the barrier-on handshake, before anything is
 *     marked: every page of every in-use span that can hold pointers is
 *     write-protected, every dirty bit is clear, and mheap.dirty_new is on.
 *     A mutator's first write to a protected page faults; the handler
 *     (tc__dirty_fault, from the shim's SIGSEGV handler) lifts the page's
 *     protection, then sets its dirty bit, and the write goes on (the
 *     order matters: tc__dirty_fault).
 *     Each protected run and each lifted page splits a mapping, adding up
 *     to two, and the kernel bounds a process's mappings (vm.max_map_count,
 *     65530 by default): pointer-holding spans interleaved with
 *     pointer-free ones, protected run by run, and 4 threads storing at
 *     random reached 38,000-59,000 mappings in 1.5 s of test_conservative,
 *     and past the bound an mprotect or any mmap (the heap's own metadata)
 *     fails. So a cycle's protections and lifts may add at most
 *     dirty_split_max mappings (DIRTY_SPLIT_MAX): past that a run to
 *     protect (here or in a pre-cleaning) is left unprotected and dirty
 *     instead, and a fault, or one whose single lift fails, lifts every
 *     page of its arena handed out so far in one call (which merges the
 *     mappings back) and sets all their dirty bits, in that order. Both
 *     are correct as any dirty page is: rescanned, at a larger cost.
 *     A span made from then on is dirty whole (mheap.c): its pages were
 *     never protected. A span made during the pass is one or the other
 *     (the seq_cst fences in mheap.c and below).
 *  2. concurrent mark: the mutators run and allocate, answering the
 *     barrier-on and stack-scan requests at their safepoints as usual (a
 *     barrier turned on does nothing for a program that never calls it).
 *     Markers read objects as mutators change them; a page changed after
 *     the marker read it is dirty.
 *  3. pre-cleaning, at the first points where the markers find no work
 *     and every stack has been scanned (a mutator that owes its scan is
 *     nudged; at most PRECLEAN_ROUNDS): the pages dirty so far have their bits
 *     cleared, are protected again, and are rescanned, with the mutators
 *     running; the marking goes on from what that finds.
 *  4. the hold (the HS_HOLD handshake), at the next such point. Each
 *     mutator answers it at its next safepoint and then waits, blocked,
 *     for the mark's end (mutator_held: the same wait as a still mark); a
 *     thread that does not call is nudged, as for any handshake. Once every
 *     mutator has answered, no mutator writes to the heap until the mark is
 *     over, and every write before was to a page dirty already (new spans,
 *     pages that faulted) or faulted and set its bit before its mutator
 *     could answer. The controller rescans every allocated, marked object
 *     on a dirty page, asks every stack to be scanned again, and greys the
 *     global roots again (the program's data segments are written with no
 *     fault to see). Marking then runs to its end with the world still:
 *     the ragged flush rounds find every mutator blocked.
 *  5. after the cycle's end, with the mutators running again: every
 *     protection is lifted, in one call a region. A write to a page still
 *     protected meanwhile faults and lifts that page itself; a pointer-free
 *     span made meanwhile on pages a sweep freed lifts them when it is made
 *     (mheap.lift_new), so that pointer-free objects never fault.
 *
 * Why nothing reachable is left white: at the hold, take a reachable white
 * object x and a path to it from a root. Roots are all scanned again. Along
 * the path, some black object b holds a pointer to a white one: b was
 * scanned before that pointer was written into it (a scan greys what it
 * finds), so the write came after the scan; b's page was then protected
 * (b was in use when the pass ran, since an object made during the mark
 * sits in a span dirty whole) or dirty already, and the write made it
 * dirty, at the hold or at a pre-cleaning that protected it again first.
 * So b is rescanned. A grey object on the path is scanned by the
 * mark that follows. Objects allocated during the mark are black (each
 * mutator allocates black after its stack scan); what they hold was
 * written to a page that is dirty. Only the hold is a pause; its length is
 * the rescan of dirty pages and roots plus the marking of what they find.
 *
 * What a program must leave alone: the kernel writes to a protected page
 * with no fault to catch (read(2) into a GC_malloc'd buffer fails with
 * EFAULT), as under libgc's mprotect-based incremental mode; pointer-free
 * spans (GC_malloc_atomic) are never protected, so I/O buffers, which
 * libgc programs allocate atomic, are safe. Each lifted page may split a
 * mapping, and the kernel bounds those (vm.max_map_count): a lift that
 * fails aborts with that said (vdb.c).
 *
 * Invariants: only the controller protects, lifts and clears; the fault
 * handler only sets bits and lifts single pages. dirty_mark changes only
 * at a cycle's start, before its barrier-on request. world.hold is 1 only
 * from the hold request to the barrier-off answers of the same cycle.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "gc.h"

#define DIRTY_SPLIT_MAX 16384 /* mappings a cycle's protections and lifts may add */

/* May this cycle split another mapping (protect a run, lift one page)? */
static bool may_split(tc_heap *h)
{
	uint32_t max = h->dirty_split_max != 0 ? h->dirty_split_max : DIRTY_SPLIT_MAX;
	return atomic_fetch_add_explicit(&h->dirty_splits, 2, memory_order_relaxed) < max;
}

static void clear_region(uintptr_t lo, uintptr_t hi, void *arg)
{
	tc_heap *h = arg;
	for (uintptr_t a = lo & ~(TC_ARENA_SIZE - 1); a < hi; a += TC_ARENA_SIZE) {
		heaparena *ha = mheap_arena_of(&h->mh, a);
		for (size_t i = 0; ha != NULL && i < sizeof ha->dirty / sizeof ha->dirty[0]; i++)
			__atomic_store_n(&ha->dirty[i], 0, __ATOMIC_RELAXED);
	}
}

/* Protect [lo, hi); where that cannot be done, the range is dirty
 * instead: rescanned whole at the hold, correct either way. */
static void protect_run(tc_heap *h, uintptr_t lo, uintptr_t hi)
{
	if (lo < hi && (!may_split(h) || mprotect((void *)lo, hi - lo, PROT_READ) != 0))
		mheap_set_dirty(&h->mh, lo, hi - lo);
}

/* The runs of pointer-holding spans in [lo, hi), each protected. */
static void protect_region(uintptr_t lo, uintptr_t hi, void *arg)
{
	tc_heap *h = arg;
	uintptr_t run = 0, a = lo;
	while (a < hi) {
		span *s = mheap_page_span(&h->mh, a);
		bool scanned = s != NULL && spc_kind(s->spc) != SK_NOSCAN;
		if (scanned && run == 0)
			run = a;
		if (!scanned && run != 0) {
			protect_run(h, run, a);
			run = 0;
		}
		a = s != NULL ? s->base + (s->npages << TC_PAGE_SHIFT) : a + TC_PAGE_SIZE;
	}
	if (run != 0)
		protect_run(h, run, a < hi ? a : hi);
}

void tc__dirty_cycle_start(tc_heap *h)
{
	int on = h->stw_mark && atomic_load(&h->dirty_req);
	if (on && h->protect_hook != NULL) {
		h->protect_hook(h); /* the fault handler in place (compat/vdb.c), or the mode off */
		on = atomic_load(&h->dirty_req);
	}
	atomic_store(&h->dirty_mark, on);
	atomic_store_explicit(&h->dirty_splits, 0, memory_order_relaxed);
	h->ctrl.precleans = 0;
	h->ctrl.next_scan_nudge = 0;
	if (!on)
		return;
	uint64_t t0 = tc__now_ns();
	tc__mheap_each_region(&h->mh, clear_region, h);
	atomic_store_explicit(&h->mh.dirty_new, 1, memory_order_relaxed);
	atomic_thread_fence(memory_order_seq_cst); /* against mheap.c's, after a span's state */
	tc__mheap_each_region(&h->mh, protect_region, h);
	atomic_fetch_add(&h->obs.dirty_protect_ns, tc__now_ns() - t0);
}

/* Every mapped page writable again, in one call a region: lifting the
 * protected runs one by one took 2-3 µs each, with the mapping split at
 * every page a fault had lifted (5 ms a cycle on w3m); this takes about
 * 3 ms there. Pages that were never protected are writable already. */
static void unprotect_region(uintptr_t lo, uintptr_t hi, void *arg)
{
	(void)arg;
	if (lo < hi && mprotect((void *)lo, hi - lo, PROT_READ | PROT_WRITE) != 0)
		tc__fatal("mostly-concurrent mark: cannot lift the write protection of [%#lx, %#lx) (%s)",
			  (unsigned long)lo, (unsigned long)hi, strerror(errno));
}

static void rescan_region(uintptr_t lo, uintptr_t hi, void *arg)
{
	gcwork *w = arg;
	mheap *mh = &w->h->mh;
	for (uintptr_t a = lo & ~(TC_ARENA_SIZE - 1); a < hi; a += TC_ARENA_SIZE) {
		heaparena *ha = mheap_arena_of(mh, a);
		for (size_t i = 0; ha != NULL && i < sizeof ha->dirty / sizeof ha->dirty[0]; i++) {
			for (uint64_t bits = __atomic_load_n(&ha->dirty[i], __ATOMIC_RELAXED); bits; bits &= bits - 1) {
				uintptr_t pg = ha->base + ((i * 64 + (unsigned)__builtin_ctzll(bits)) << TC_PAGE_SHIFT);
				span *s = pg >= lo && pg < hi ? mheap_page_span(mh, pg) : NULL;
				atomic_fetch_add_explicit(&w->h->obs.dirty_pages, 1, memory_order_relaxed);
				if (s != NULL)
					tc__mark_rescan_page(w, s, pg);
			}
		}
	}
}

/* Pre-cleaning (as CMS and Boehm's collector do before their final
 * stop): while the mutators still run, take the pages dirty so far, clear
 * their bits, protect them again, then rescan them. A write before the
 * protection is seen by the rescan (mprotect returns once no thread can
 * write through the old mapping); one after it faults and sets the bit
 * again. What is left for the hold is what was written meanwhile. */
struct preclean {
	gcwork *w;
	uintptr_t run, end; /* pages [run, end) to protect in one call */
	uint64_t pages;
};

static void preclean_flush(struct preclean *pc)
{
	if (pc->run < pc->end &&
	    (!may_split(pc->w->h) || mprotect((void *)pc->run, pc->end - pc->run, PROT_READ) != 0))
		mheap_set_dirty(&pc->w->h->mh, pc->run, pc->end - pc->run); /* left for the hold */
	pc->run = pc->end = 0;
}

static void preclean_region(uintptr_t lo, uintptr_t hi, void *arg)
{
	struct preclean *pc = arg;
	mheap *mh = &pc->w->h->mh;
	for (uintptr_t a = lo & ~(TC_ARENA_SIZE - 1); a < hi; a += TC_ARENA_SIZE) {
		heaparena *ha = mheap_arena_of(mh, a);
		for (size_t i = 0; ha != NULL && i < sizeof ha->dirty / sizeof ha->dirty[0]; i++) {
			if (__atomic_load_n(&ha->dirty[i], __ATOMIC_RELAXED) == 0)
				continue;
			uint64_t bits = __atomic_exchange_n(&ha->dirty[i], 0, __ATOMIC_RELAXED), scanned = 0;
			uintptr_t first = ha->base + ((i * 64) << TC_PAGE_SHIFT);
			span *spans[64];
			for (uint64_t b = bits; b; b &= b - 1) { /* protect them, in runs */
				unsigned k = (unsigned)__builtin_ctzll(b);
				uintptr_t pg = first + ((uintptr_t)k << TC_PAGE_SHIFT);
				spans[k] = mheap_page_span(mh, pg);
				if (spans[k] == NULL || spc_kind(spans[k]->spc) == SK_NOSCAN)
					continue; /* a new pointer-free span: never protected */
				scanned |= (uint64_t)1 << k;
				if (pg != pc->end)
					preclean_flush(pc);
				if (pc->run == 0)
					pc->run = pg;
				pc->end = pg + TC_PAGE_SIZE;
			}
			preclean_flush(pc);
			for (; scanned; scanned &= scanned - 1) { /* then rescan them */
				unsigned k = (unsigned)__builtin_ctzll(scanned);
				pc->pages++;
				tc__mark_rescan_page(pc->w, spans[k], first + ((uintptr_t)k << TC_PAGE_SHIFT));
			}
		}
	}
}

uint64_t tc__dirty_preclean(tc_heap *h, gcwork *w)
{
	struct preclean pc = {.w = w};
	tc__mheap_each_region(&h->mh, preclean_region, &pc);
	atomic_fetch_add(&h->obs.dirty_pages, pc.pages);
	return pc.pages;
}

#define PRECLEAN_ROUNDS 2    /* at most, a cycle */
#define PRECLEAN_MIN_PAGES 32 /* a round that found fewer is the last */

bool tc__dirty_final(tc_heap *h, gcwork *w)
{
	if (!atomic_load_explicit(&h->dirty_mark, memory_order_relaxed) ||
	    atomic_load_explicit(&h->world.hold, memory_order_relaxed))
		return false;
	/* Every stack scanned first, as a mark with a barrier waits for
	 * them: a stack left for the hold would be marked from in the pause
	 * (10 ms on Neko's trees, whose thread had not yet answered). A thread
	 * that does not call is nudged after NUDGE_NS. */
	if (!tc__hs_all_stacks_scanned(h)) {
		tc__hs_nudge_unscanned(h);
		return true;
	}
	uint64_t t0 = tc__now_ns();
	if (h->ctrl.precleans < PRECLEAN_ROUNDS) {
		uint64_t pages = tc__dirty_preclean(h, w);
		h->ctrl.precleans = pages < PRECLEAN_MIN_PAGES ? PRECLEAN_ROUNDS : h->ctrl.precleans + 1;
		atomic_fetch_add(&h->obs.dirty_protect_ns, tc__now_ns() - t0);
		return true; /* mark what it found, with the mutators running */
	}
	lock(&h->world.lock);
	atomic_store(&h->world.hold, 1);
	unlock(&h->world.lock);
	atomic_store(&h->mh.lift_new, 1); /* before any sweep can free a protected span (step 5) */
	tc__handshake(h, HS_HOLD); /* every mutator held from here to the mark's end */
	atomic_store(&h->mh.dirty_new, 0);
	tc__mheap_each_region(&h->mh, rescan_region, w);
	tc__hs_request_scan(h); /* every stack again: each is scanned once its mutator is held */
	if (h->roots_hook)
		h->roots_hook(h, h->roots_hook_arg);
	atomic_fetch_add(&h->work.roots_bytes, tc__roots_globals(h, tc__grey_conservative, w));
	tc__fin_mark_roots(h, w);
	atomic_fetch_add(&h->obs.dirty_rescan_ns, tc__now_ns() - t0);
	return true;
}

void tc__dirty_cycle_end(tc_heap *h)
{
	if (!atomic_load_explicit(&h->dirty_mark, memory_order_relaxed))
		return;
	lock(&h->world.lock);
	atomic_store(&h->world.hold, 0);
	unlock(&h->world.lock);
	/* Lifted after the hold, not in it (3 ms a cycle on w3m): a mutator
	 * that writes a page still protected meanwhile takes the fault, which
	 * lifts that page. */
	uint64_t t0 = tc__now_ns();
	tc__mheap_each_region(&h->mh, unprotect_region, h);
	atomic_store_explicit(&h->mh.lift_new, 0, memory_order_release);
	atomic_fetch_add(&h->obs.dirty_protect_ns, tc__now_ns() - t0);
}

int tc__dirty_fault(tc_heap *h, uintptr_t addr)
{
	/* Only pages of in-use spans were protected: a fault anywhere else,
	 * the heap's unmapped reservation included, is the program's. */
	if (h == NULL || mheap_page_span(&h->mh, addr) == NULL)
		return 0;
	/* Lifted first, marked dirty second, both before the write goes on.
	 * The other order loses the write: a pre-cleaning between the two
	 * (bit cleared, page protected again) is undone by the lift, and the
	 * page is writable with no bit. In this order a pre-cleaning either
	 * comes after the bit (and its protection faults the write again) or
	 * before it (and the bit stands for the hold). */
	uintptr_t pg = addr & ~(uintptr_t)(TC_PAGE_SIZE - 1), lo = pg, hi = pg + TC_PAGE_SIZE;
	if (!may_split(h) || mprotect((void *)pg, TC_PAGE_SIZE, PROT_READ | PROT_WRITE) != 0) {
		/* The whole arena's handed-out pages (all mapped: an arena's
		 * pages are handed out from its base up, below zeroedBase). */
		heaparena *ha = mheap_arena_of(&h->mh, pg);
		uintptr_t top = __atomic_load_n(&ha->zeroedBase, __ATOMIC_RELAXED);
		lo = ha->base;
		hi = top > hi ? top : hi;
		if (mprotect((void *)lo, hi - lo, PROT_READ | PROT_WRITE) != 0)
			return -1;
	}
	if (__builtin_expect(h->fault_hook != NULL, 0))
		h->fault_hook(h, pg);
	mheap_set_dirty(&h->mh, lo, hi - lo);
	return 1;
}
