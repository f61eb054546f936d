/*
 * segments.c — the libgc shim's static roots: the writable segments (data
 * and bss) of the program and of every object the dynamic linker loaded
 * (libgc's GC_register_dynamic_libraries).
 *
 * A libgc program keeps heap pointers in its globals and never says where
 * they are, so every writable PT_LOAD segment of every loaded object is a
 * conservative root range (tc__root_add_cons: read as a stack is, every
 * word resolved as a possible pointer). The set is refreshed before every
 * mark, by the controller (tc_heap.roots_hook), while no mutator runs
 * (stw_mark): a library dlopen'd since the last cycle is scanned from its
 * first cycle on, and one dlclose'd is no longer read. dl_iterate_phdr's
 * load and unload counters (dlpi_adds, dlpi_subs) say whether anything
 * changed; when nothing did, the refresh costs one call.
 *
 * Not scanned: this library's own segments (tricolor's globals hold no heap
 * object), read-only segments, and memory from malloc or mmap, as on libgc;
 * nor, when the program sets GC_no_dls (libgc's "don't register dynamic
 * library data segments": it registers what it needs itself), any object
 * but the program (the first dl_iterate_phdr reports).
 *
 * Invariant: segs[0..nsegs) are exactly the ranges this file registered
 * with the heap, all removed before a new set is added (shim.lock).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>

#include "shim.h"

typedef struct segwalk {
	tc_heap *h;
	uintptr_t self_base;  /* this library's load address: skipped */
	unsigned long long adds, subs;
	size_t bytes;
	int failed;
	unsigned seen; /* objects visited so far */
} segwalk;

GC_API int GC_no_dls = 0;

static size_t seg_bytes;

static int counters(struct dl_phdr_info *info, size_t size, void *arg)
{
	segwalk *w = arg;
	(void)size;
	w->adds = info->dlpi_adds;
	w->subs = info->dlpi_subs;
	return 1; /* the counters are the same in every entry */
}

static int add_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	segwalk *w = arg;
	(void)size;
	if (w->seen++ > 0 && __atomic_load_n(&GC_no_dls, __ATOMIC_RELAXED))
		return 1; /* the program only */
	if (info->dlpi_addr == w->self_base && w->self_base != 0)
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W) || ph->p_memsz == 0)
			continue;
		uintptr_t lo = (info->dlpi_addr + ph->p_vaddr + TC_WORD - 1) & ~(uintptr_t)(TC_WORD - 1);
		uintptr_t hi = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz) & ~(uintptr_t)(TC_WORD - 1);
		if (hi <= lo)
			continue;
		if (tc__shim.nsegs == tc__shim.capsegs) {
			size_t cap = tc__shim.capsegs ? 2 * tc__shim.capsegs : 32;
			void **n = realloc(tc__shim.segs, cap * sizeof *n);
			if (n == NULL) {
				w->failed = 1;
				return 1;
			}
			tc__shim.segs = n;
			tc__shim.capsegs = cap;
		}
		tc__root_add_cons(w->h, (void **)lo, (hi - lo) / TC_WORD);
		tc__shim.segs[tc__shim.nsegs++] = (void *)lo;
		w->bytes += hi - lo;
	}
	return 0;
}

void tc__shim_segments_refresh(tc_heap *h, void *arg)
{
	(void)arg;
	segwalk w = {.h = h};
	Dl_info self;
	if (dladdr((void *)tc__shim_segments_refresh, &self) != 0)
		w.self_base = (uintptr_t)self.dli_fbase;
	lock(&tc__shim.lock);
	dl_iterate_phdr(counters, &w);
	if (tc__shim.nsegs != 0 && w.adds == tc__shim.seg_adds && w.subs == tc__shim.seg_subs) {
		unlock(&tc__shim.lock);
		return;
	}
	for (size_t i = 0; i < tc__shim.nsegs; i++)
		tc_root_remove(h, tc__shim.segs[i]);
	tc__shim.nsegs = 0;
	/* The load base of the main program is 0 in dladdr's terms only for a
	 * non-PIE program; dlpi_addr is 0 there too, so compare bases only
	 * when ours is a real one (a shared library's never is 0). */
	dl_iterate_phdr(add_object, &w);
	if (w.failed)
		tc__fatal("libgc shim: out of memory for the data segment table (%zu segments): the program's globals "
			  "could not all be roots",
			  tc__shim.nsegs);
	tc__shim.seg_adds = w.adds;
	tc__shim.seg_subs = w.subs;
	seg_bytes = w.bytes;
	unlock(&tc__shim.lock);
}

size_t tc__shim_segments_bytes(void)
{
	lock(&tc__shim.lock);
	size_t b = seg_bytes;
	unlock(&tc__shim.lock);
	return b;
}
