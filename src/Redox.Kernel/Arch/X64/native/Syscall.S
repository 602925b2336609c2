# System calls from ring 3, Redox's register convention: rax = number, then rdi, rsi, rdx, r10, r8; result in rax;
# every other register is preserved except rcx and r11 (the syscall instruction uses them).
#
# The entry saves only what the System V call into C# may change and the Redox convention keeps: the argument
# registers (rdi, rsi, rdx, r8, r9, r10), the SSE state (kernel C# uses xmm registers freely), and the user's rip,
# rflags and rsp (the rare return through iretq builds its frame from them). rbx, rbp and r12-r15 are callee-saved in System V, so the C# dispatcher hands them back
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
        .set FXSAVE_AREA, 512 + 8            # the SSE state, plus 8 so it is 16-byte aligned after nine pushes

        .globl  redox_syscall_entry_address
redox_syscall_entry_address:
        lea     rax, [rip + redox_syscall_entry]
        ret

# Where the syscall instruction lands (IA32_LSTAR), interrupts off (FMASK clears IF), still on the user stack.
redox_syscall_entry:
        swapgs
        mov     gs:[PERCPU_USER_RSP], rsp
        mov     rsp, gs:[PERCPU_KERNEL_RSP]     # 16-byte aligned top of this thread's kernel stack
        push    qword ptr gs:[PERCPU_USER_RSP]  # the user's rsp
        push    r11                             # rflags
        push    rcx                             # rip
        push    rdi
        push    rsi
        push    rdx
        push    r8
        push    r9
        push    r10
        sub     rsp, FXSAVE_AREA
        fxsave  [rsp]
        # No cld: FMASK clears DF on the way in (SyscallEntry), as System V wants it clear at the call.
        # redox_syscall_dispatch(a, b, c, d, e, number): the C# side takes the number last, so Redox's rdi, rsi, rdx
        # and r8 are already where System V wants a, b, c and e; only d (r10 -> rcx) and the number (rax -> r9) move.
        mov     rcx, r10
        mov     r9, rax
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
        # Now [rsp] = rip, [rsp + 8] = rflags, [rsp + 16] = the user's rsp.
        mov     r11, [rsp + 8]                  # sysret takes rflags from r11 (and nothing of the kernel's stays in it)
        # sysret loads rip from rcx; with a non-canonical rcx it would fault in ring 0 with the user's stack
        # (Intel): a return address at the very top of the user half goes back through iretq instead.
        test    byte ptr [rsp + 5], 0x80        # bit 47 of the return address: past the user half
        jnz     1f
        mov     rcx, [rsp]
        mov     rsp, [rsp + 16]
        swapgs
        sysretq
        # The iretq frame (rip, cs, rflags, rsp, ss), two words lower, from the three saved (rcx and r11 are the
        # caller's to lose, as with sysret). Unreachable for our processes (the user half ends a page below the
        # non-canonical hole), kept so a return there could never fault in ring 0 on the user's stack.
1:      sub     rsp, 16
        mov     rcx, [rsp + 16]                 # rip
        mov     r11, [rsp + 24]                 # rflags
        mov     [rsp], rcx
        mov     qword ptr [rsp + 8], USER_CODE
        mov     rcx, [rsp + 32]                 # the user's rsp
        mov     [rsp + 16], r11
        mov     [rsp + 24], rcx
        mov     qword ptr [rsp + 32], USER_DATA
        swapgs
        iretq
        .section .note.GNU-stack, "", @progbits
