# System calls from ring 3, Redox's register convention: rax = number, then rdi, rsi, rdx, r10, r8; result in rax;
# every other register is preserved except rcx and r11 (the syscall instruction uses them).
#
# The entry saves only what the System V call into C# may change and the Redox convention keeps: the argument
# registers (rdi, rsi, rdx, r8, r9, r10), the SSE state (kernel C# uses xmm registers freely), and the user's rip,
# rflags and rsp (as an iretq frame). rbx, rbp and r12-r15 are callee-saved in System V, so the C# dispatcher hands them back
# unchanged. A call that blocks switches threads by redox_switch (Interrupts.S), a System V call that keeps the
# callee-saved registers on this stack, so nothing here needs to be a full InterruptFrame: that is what makes the
# entry lean (issue 7: the null syscall's cost is mostly this path).
# Per-CPU data is reached through GS: in ring 0 GS is the kernel's per-CPU block, in ring 3 the user's (swapgs on
# every crossing; interrupts from ring 3 do the same in Interrupts.S).
        .intel_syntax noprefix
        .text

        .set PERCPU_KERNEL_RSP, 0
        .set PERCPU_USER_RSP, 8
        .set USER_CODE, 0x23
        .set USER_DATA, 0x1B
        .set FXSAVE_AREA, 512 + 8            # the SSE state, plus 8 so it is 16-byte aligned after eleven pushes

        .globl  redox_syscall_entry_address
redox_syscall_entry_address:
        lea     rax, [rip + redox_syscall_entry]
        ret

# Where the syscall instruction lands (IA32_LSTAR), interrupts off (FMASK clears IF), still on the user stack.
redox_syscall_entry:
        swapgs
        mov     gs:[PERCPU_USER_RSP], rsp
        mov     rsp, gs:[PERCPU_KERNEL_RSP]     # 16-byte aligned top of this thread's kernel stack
        push    USER_DATA                       # ss  } an iretq frame, for the rare return sysret cannot make
        push    qword ptr gs:[PERCPU_USER_RSP]  # rsp }
        push    r11                             # rflags
        push    USER_CODE                       # cs
        push    rcx                             # rip
        push    rdi
        push    rsi
        push    rdx
        push    r8
        push    r9
        push    r10
        sub     rsp, FXSAVE_AREA
        fxsave  [rsp]
        cld
        # redox_syscall_dispatch(number, a, b, c, d, e): Redox's rax, rdi, rsi, rdx, r10, r8 into System V's order.
        mov     r9, r8
        mov     r8, r10
        mov     rcx, rdx
        mov     rdx, rsi
        mov     rsi, rdi
        mov     rdi, rax
        sti                                     # the call may run long or block: stay preemptible
        call    redox_syscall_dispatch          # -> rax, the muxed result
        cli
        fxrstor [rsp]
        add     rsp, FXSAVE_AREA
        pop     r10
        pop     r9
        pop     r8
        pop     rdx
        pop     rsi
        pop     rdi
        # Now [rsp] = rip, [rsp + 8] = cs, [rsp + 16] = rflags, [rsp + 24] = rsp, [rsp + 32] = ss: an iretq frame.
        mov     r11, [rsp + 16]                 # sysret takes rflags from r11 (and nothing of the kernel's stays in it)
        # sysret loads rip from rcx; with a non-canonical rcx it would fault in ring 0 with the user's stack
        # (Intel): a return address at the very top of the user half goes back through iretq instead.
        mov     rcx, [rsp]
        shr     rcx, 47
        jnz     1f
        mov     rcx, [rsp]
        mov     rsp, [rsp + 24]
        swapgs
        sysretq
1:      mov     rcx, [rsp]
        swapgs
        iretq
        .section .note.GNU-stack, "", @progbits
