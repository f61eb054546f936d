/*
 * context.c — tc__context_call, in assembly (see platform.h; its entry
 * points, such as tc_blocking_enter, are made with TC_CONTEXT_ENTRY). The registers saved are exactly the caller's
 * callee-saved registers: a conservative stack scan that reads them and the
 * stack above caller_sp sees every pointer the caller's frames may hold.
 */
#include "platform.h"

#if defined(__x86_64__)
__asm__(".text\n"
	".globl tc__context_call\n"
	".hidden tc__context_call\n"
	".type tc__context_call,@function\n"
	"tc__context_call:\n"
	"	subq $56, %rsp\n" /* 6 registers + alignment: rsp is 16-aligned for the call */
	"	movq %rbx, 0(%rsp)\n"
	"	movq %rbp, 8(%rsp)\n"
	"	movq %r12, 16(%rsp)\n"
	"	movq %r13, 24(%rsp)\n"
	"	movq %r14, 32(%rsp)\n"
	"	movq %r15, 40(%rsp)\n"
	"	movq %rsi, %rax\n"
	"	movq %rsp, %rsi\n"
	"	leaq 64(%rsp), %rdx\n" /* 56 + the return address */
	"	call *%rax\n"
	"	addq $56, %rsp\n"
	"	ret\n"
	".size tc__context_call, .-tc__context_call\n"
	".section .note.GNU-stack,\"\",@progbits\n"
	".text\n");
#elif defined(__aarch64__)
__asm__(".text\n"
	".globl tc__context_call\n"
	".hidden tc__context_call\n"
	".type tc__context_call,%function\n"
	"tc__context_call:\n"
	"	stp x29, x30, [sp, #-96]!\n"
	"	mov x29, sp\n"
	"	stp x19, x20, [sp, #16]\n"
	"	stp x21, x22, [sp, #32]\n"
	"	stp x23, x24, [sp, #48]\n"
	"	stp x25, x26, [sp, #64]\n"
	"	stp x27, x28, [sp, #80]\n"
	"	mov x9, x1\n"
	"	mov x1, sp\n"
	"	add x2, sp, #96\n"
	"	blr x9\n"
	"	ldp x29, x30, [sp], #96\n"
	"	ret\n"
	".size tc__context_call, .-tc__context_call\n");
#else
#error "tricolor: tc__context_call needs porting to this architecture"
#endif
