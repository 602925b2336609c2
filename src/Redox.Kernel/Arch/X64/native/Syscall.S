# System calls, Redox's register convention: rax = number, then rdi, rsi, rdx, r10, r8, r9; result in rax; every
# other register preserved except rcx and r11 (the syscall instruction uses them).
        .intel_syntax noprefix
        .text

# redox_syscall6(number, a, b, c, d, e, f): Redox.Syscall's bare-metal back end (System V in, Redox out).
        .globl  redox_syscall6
redox_syscall6:
        mov     rax, rdi
        mov     rdi, rsi
        mov     rsi, rdx
        mov     rdx, rcx
        mov     r10, r8
        mov     r8, r9
        mov     r9, [rsp + 8]
        syscall
        ret

        .globl  redox_syscall6_address
redox_syscall6_address:
        lea     rax, [rip + redox_syscall6]
        ret

        .globl  redox_syscall_entry_address
redox_syscall_entry_address:
        lea     rax, [rip + redox_syscall_entry]
        ret

# Where the syscall instruction lands (IA32_LSTAR). Callers are kernel threads for now (ring 0): the return is
# "restore flags, jump to rcx" because SYSRET only returns to ring 3. Interrupts are off on entry (FMASK).
redox_syscall_entry:
        push    rcx
        push    r11
        push    rdi
        push    rsi
        push    rdx
        push    r8
        push    r9
        push    r10
        push    rbx
        mov     rbx, rsp
        and     rsp, -16
        sub     rsp, 8
        push    r9                              # f: the 7th argument goes on the stack
        mov     rcx, rdx                        # c
        mov     rdx, rsi                        # b
        mov     rsi, rdi                        # a
        mov     rdi, rax                        # number
        mov     r9, r8                          # e
        mov     r8, r10                         # d
        call    redox_syscall_dispatch
        mov     rsp, rbx
        pop     rbx
        pop     r10
        pop     r9
        pop     r8
        pop     rdx
        pop     rsi
        pop     rdi
        pop     r11
        pop     rcx
        push    r11
        popfq
        jmp     rcx
        .section .note.GNU-stack, "", @progbits
