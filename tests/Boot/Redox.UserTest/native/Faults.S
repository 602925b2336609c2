# Instructions a C# program cannot write, for the fault scenarios: each must end only this process.
        .intel_syntax noprefix
        .text
        .globl usertest_hlt, usertest_cli, usertest_ud2, usertest_read_cr3, usertest_rdtsc
usertest_hlt:      hlt; ret                     # privileged: #GP in ring 3
usertest_cli:      cli; ret                     # IOPL 0: #GP in ring 3
usertest_ud2:      ud2; ret                     # #UD
usertest_read_cr3: mov rax, cr3; ret            # privileged: #GP in ring 3
usertest_rdtsc:    rdtsc; shl rdx, 32; or rax, rdx; ret   # allowed in ring 3 (CR4.TSD clear): the benchmarks' clock
        .section .note.GNU-stack, "", @progbits

# usertest_syscall_registers(number, a, b, c, saved*): makes the system call with a, b, c in rdi, rsi, rdx and a
# known pattern in every other general register, then stores what each register holds after it into saved[0..13]
# (rdi, rsi, rdx, r8, r9, r10, rbx, rbp, r12, r13, r14, r15, rcx, r11) and the address the call returns to in saved[14].
# The Redox convention keeps every register but rax, rcx and r11; the kernel's own values must never leak into any.
        .text
        .globl usertest_syscall_registers
usertest_syscall_registers:
        push    rbx
        push    rbp
        push    r12
        push    r13
        push    r14
        push    r15
        push    r8                              # saved*
        mov     rax, rdi
        mov     rdi, rsi
        mov     rsi, rdx
        mov     rdx, rcx
        movabs  r8, 0x0808080808080808
        movabs  r9, 0x0909090909090909
        movabs  r10, 0x1010101010101010
        movabs  rbx, 0x0B0B0B0B0B0B0B0B
        movabs  rbp, 0x0BB0BB0BB0BB0BB0
        movabs  r12, 0x1212121212121212
        movabs  r13, 0x1313131313131313
        movabs  r14, 0x1414141414141414
        movabs  r15, 0x1515151515151515
        syscall
2:      xchg    rax, [rsp]                      # rax = saved*, the result parked on the stack
        mov     [rax], rdi
        mov     [rax + 8], rsi
        mov     [rax + 16], rdx
        mov     [rax + 24], r8
        mov     [rax + 32], r9
        mov     [rax + 40], r10
        mov     [rax + 48], rbx
        mov     [rax + 56], rbp
        mov     [rax + 64], r12
        mov     [rax + 72], r13
        mov     [rax + 80], r14
        mov     [rax + 88], r15
        mov     [rax + 96], rcx
        mov     [rax + 104], r11
        lea     rcx, [rip + 2b]
        mov     [rax + 112], rcx
        pop     rax
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbp
        pop     rbx
        ret
        .section .note.GNU-stack, "", @progbits

# usertest_syscall_xmm(number, seed): puts seed + n in both halves of every xmmN, makes the system call, and returns
# how many of the 32 halves no longer hold their value. The Redox convention keeps the SSE registers across a call;
# a process's are live in the registers (nowhere else) when it enters the kernel, so only the syscall entry's own
# fxsave/fxrstor keeps them when the call switches threads (redox_switch moves callee-saved general registers only).
        .text
        .globl usertest_syscall_xmm
usertest_syscall_xmm:
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        lea     rax, [rsi + \n]
        movq    xmm\n, rax
        punpcklqdq xmm\n, xmm\n
        .endr
        mov     rax, rdi
        syscall                                 # keeps rdi, rsi (the convention: all but rax, rcx, r11)
        xor     r8d, r8d
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
        lea     rdx, [rsi + \n]
        movq    rax, xmm\n
        xor     r9d, r9d
        cmp     rax, rdx
        setne   r9b
        add     r8, r9
        punpckhqdq xmm\n, xmm\n
        movq    rax, xmm\n
        xor     r9d, r9d
        cmp     rax, rdx
        setne   r9b
        add     r8, r9
        .endr
        mov     rax, r8
        ret
        .section .note.GNU-stack, "", @progbits
