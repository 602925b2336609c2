# System calls from ring 3, Redox's register convention: rax = number, then rdi, rsi, rdx, r10, r8, r9; result in
# rax; every other register is preserved except rcx and r11 (the syscall instruction uses them).
#
# The entry builds the same InterruptFrame the interrupt path builds (Interrupts.S, InterruptFrame.cs), on the
# calling thread's kernel stack, so a call that blocks or exits is switched away from exactly like a preempted
# thread, and the user's registers and SSE state are saved whole (kernel C# uses xmm registers freely).
# Per-CPU data is reached through GS: in ring 0 GS is the kernel's per-CPU block, in ring 3 the user's (swapgs on
# every crossing; interrupts from ring 3 do the same in Interrupts.S).
        .intel_syntax noprefix
        .text

        .set PERCPU_KERNEL_RSP, 0
        .set PERCPU_USER_RSP, 8
        .set USER_CODE, 0x23
        .set USER_DATA, 0x1B
        .set SYSCALL_VECTOR, 0x80            # marks a frame built by this entry (never an IDT vector here)

        .globl  redox_syscall_entry_address
redox_syscall_entry_address:
        lea     rax, [rip + redox_syscall_entry]
        ret

# Where the syscall instruction lands (IA32_LSTAR), interrupts off (FMASK clears IF), still on the user stack.
redox_syscall_entry:
        swapgs
        mov     gs:[PERCPU_USER_RSP], rsp
        mov     rsp, gs:[PERCPU_KERNEL_RSP]
        push    USER_DATA                       # ss
        push    qword ptr gs:[PERCPU_USER_RSP]  # rsp
        push    r11                             # rflags
        push    USER_CODE                       # cs
        push    rcx                             # rip
        push    0                               # error code
        push    SYSCALL_VECTOR
        push    rax
        push    rbx
        push    rcx
        push    rdx
        push    rsi
        push    rdi
        push    rbp
        push    r8
        push    r9
        push    r10
        push    r11
        push    r12
        push    r13
        push    r14
        push    r15
        sub     rsp, 512
        fxsave  [rsp]
        cld
        mov     rdi, rsp
        sti                                     # the call may run long or block: stay preemptible
        call    redox_syscall_dispatch          # (frame) -> rax written into the frame
        cli
        fxrstor [rsp]
        add     rsp, 512
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     r11
        pop     r10
        pop     r9
        pop     r8
        pop     rbp
        pop     rdi
        pop     rsi
        pop     rdx
        pop     rcx
        pop     rbx
        pop     rax
        add     rsp, 16                         # vector and error code
        # sysret loads rip from rcx; with a non-canonical rcx it would fault in ring 0 with the user's stack
        # (Intel): a return address at the very top of the user half goes back through iretq instead.
        mov     rcx, [rsp]
        shr     rcx, 47
        jnz     1f
        mov     rcx, [rsp]                      # rip
        mov     r11, [rsp + 16]                 # rflags
        mov     rsp, [rsp + 24]                 # user rsp
        swapgs
        sysretq
1:      mov     rcx, [rsp]
        swapgs
        iretq
        .section .note.GNU-stack, "", @progbits
