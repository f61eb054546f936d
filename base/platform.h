/*
 * platform.h — everything tricolor asks of the operating system and the
 * processor, behind one small interface. Nothing else in the tree includes
 * <sys/mman.h>, reads a clock, asks for the stack bounds or writes assembly.
 *
 * Supported: Linux on x86-64 and aarch64 (glibc or any libc with
 * pthread_getattr_np). A port implements this header: the memory calls, the
 * clocks, the CPU count, the stack bounds, cpu_relax, and tc__context_call
 * (base/context.c) with the public tc_blocking_enter entry.
 *
 * Memory (Go's sysReserve / sysMap / sysUnused / sysFree):
 *   reserve  address space only, PROT_NONE, aligned as asked
 *   map      make reserved pages read-write (fresh pages read as zero)
 *   release  give pages back to the OS; they stay mapped and read as zero
 *   meta     a zeroed read-write mapping for side metadata, MAP_NORESERVE so
 *            that only the pages touched cost memory
 * Every failure records a message (tc__seterr) and returns a failure value;
 * nothing here aborts. Fault injection (tests/test_faults.c) makes the n calls
 * of one kind after the next `skip` fail as the OS would.
 */
#ifndef TC_PLATFORM_H
#define TC_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#if !defined(__linux__) || !(defined(__x86_64__) || defined(__aarch64__))
#error "tricolor supports Linux on x86-64 and aarch64 (see base/platform.h to port it)"
#endif

enum { OS_FAULT_RESERVE, OS_FAULT_MAP, OS_FAULT_RELEASE, OS_FAULT_META, OS_FAULT_KINDS };
void tc__os_fault_inject(int kind, long skip, long n); /* tests: fail n calls of kind after skip */

void *tc__os_reserve(size_t size, size_t align);
int tc__os_map(void *p, size_t size);
int tc__os_writable(void *p, size_t size); /* mprotect read-write: 0, or -1 */
void tc__os_unmap(void *p, size_t size);
int tc__os_release(void *p, size_t size);
void *tc__os_alloc_meta(size_t size); /* zeroed, NORESERVE mapping */

uint64_t tc__now_ns(void);        /* CLOCK_MONOTONIC */
uint64_t tc__thread_cpu_ns(void); /* CPU time of the calling thread */
void tc__thread_fine_sleeps(void); /* the calling thread's timed sleeps end within ~1 us of their time */
int tc__ncpus(void);              /* online CPUs, at least 1 */
int tc__cpu_now(void);            /* the CPU the calling thread runs on (rseq or vDSO: nanoseconds); -1 if unknown */
int tc__stack_top(uintptr_t *hi); /* highest address of the calling thread's stack; -1 if unknown */

/* A spin-wait hint to the processor. */
static inline void cpu_relax(void)
{
#if defined(__x86_64__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}

/*
 * tc__context_call(m, fn): save the callee-saved registers on the stack,
 * then fn(m, regs, caller_sp), where caller_sp is the stack pointer of the
 * caller of tc__context_call after it returns, and regs holds CTX_NREGS saved
 * registers. Written in assembly so that the registers saved are exactly the
 * caller's: no compiler-chosen spill can hide a pointer from a stack scan.
 * The public tc_blocking_enter(m) is an assembly tail call of
 * tc__context_call(m, tc__blocking_enter_impl), for the same reason.
 */
#if defined(__x86_64__)
#define CTX_NREGS 6
#else
#define CTX_NREGS 12
#endif
struct tc_mutator;
typedef void (*tc__ctx_fn)(struct tc_mutator *m, uintptr_t *regs, uintptr_t caller_sp);
void tc__context_call(struct tc_mutator *m, tc__ctx_fn fn);

/* TC_CONTEXT_ENTRY(name, impl), at file scope: a global function
 * name(m) that is tc__context_call(m, impl) with no C in between, so that
 * the registers saved are name's caller's (name returns to it). */
#if defined(__x86_64__)
#define TC_CONTEXT_ENTRY(name, impl)                                                             \
	__asm__(".text\n.globl " #name "\n.type " #name ",@function\n" #name ":\n"              \
		"	leaq " #impl "(%rip), %rsi\n	jmp tc__context_call\n.size " #name ", .-" #name "\n")
#else
#define TC_CONTEXT_ENTRY(name, impl)                                                              \
	__asm__(".text\n.globl " #name "\n.type " #name ",%function\n" #name ":\n"               \
		"	adrp x1, " #impl "\n	add x1, x1, :lo12:" #impl "\n	b tc__context_call\n"        \
		".size " #name ", .-" #name "\n")
#endif

#endif /* TC_PLATFORM_H */
