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
#
# With page-table isolation (redox.kpti=on; docs/kernel/address-space.md) ring 3 runs on a second root that maps
# none of the kernel but the entry code (this section, .entry.text) and the entry area (EntryArea.cs: the per-CPU
# block, GDT, IDT, TSS, entry stack). redox_syscall_entry_isolated loads the process's kernel root first thing and
# its user root last thing. Both entries are the one body below (a macro) assembled twice, and the boot writes one of
# them into LSTAR: the plain entry has not one instruction more than before the option existed.
        .intel_syntax noprefix
        .section .entry.text, "ax", @progbits

        .include "PerCpu.inc"
        .include "SyscallNumbers.inc"
        .set USER_CODE, 0x23
        .set USER_DATA, 0x1B
        .set FXSAVE_AREA, 512 + 8            # the SSE state, plus 8 so it is 16-byte aligned after nine pushes

        .globl  redox_syscall_entry_address, redox_syscall_entry_isolated_address
redox_syscall_entry_address:
        lea     rax, [rip + redox_syscall_entry]
        ret
redox_syscall_entry_isolated_address:
        lea     rax, [rip + redox_syscall_entry_isolated]
        ret

# The part both entries share: from the thread's kernel stack (rsp = its top) to the registers restored and, with
# rsp at the saved rip, the choice of return: falls through for sysret, jumps to \iret for a non-canonical return.
        .macro SYSCALL_BODY iret
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
        # Interrupts stay off: the dispatcher turns them on for every call that may run long or block, and keeps
        # them off for the scheme round trip's calls, which take the kernel's lock (interrupts off) anyway.
        # The round trip's two calls go to their own handlers, each one frame with no dispatch around it:
        # redox_syscall_read(fd, buffer, length) and redox_syscall_answer_one_then_read(socket, requests, length,
        # head, result), whose arguments are where System V wants them but for the fourth (r10 -> rcx).
        mov     rcx, r10
        cmp     rax, SYS_READ
        je      2f
        cmp     rax, SYS_ANSWER_ONE_THEN_READ
        je      3f
        # redox_syscall_dispatch(a, b, c, d, e, number): the C# side takes the number last, so Redox's rdi, rsi, rdx
        # and r8 are already where System V wants a, b, c and e; only d (r10 -> rcx, above) and the number move.
        mov     r9, rax
        call    redox_syscall_dispatch          # -> rax, the muxed result
        jmp     4f
2:      call    redox_syscall_read
        jmp     4f
3:      call    redox_syscall_answer_one_then_read
4:
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
        jnz     \iret
        mov     rcx, [rsp]
        mov     rsp, [rsp + 16]
        .endm

# The iretq frame (rip, cs, rflags, rsp, ss), two words lower, from the three saved (rcx and r11 are the caller's to
# lose, as with sysret). Unreachable for our processes (the user half ends a page below the non-canonical hole),
# kept so a return there could never fault in ring 0 on the user's stack.
        .macro SYSCALL_IRET_FRAME
        sub     rsp, 16
        mov     rcx, [rsp + 16]                 # rip
        mov     r11, [rsp + 24]                 # rflags
        mov     [rsp], rcx
        mov     qword ptr [rsp + 8], USER_CODE
        mov     rcx, [rsp + 32]                 # the user's rsp
        mov     [rsp + 16], r11
        mov     [rsp + 24], rcx
        mov     qword ptr [rsp + 32], USER_DATA
        .endm

# Where the syscall instruction lands (IA32_LSTAR), interrupts off (FMASK clears IF), still on the user stack.
redox_syscall_entry:
        swapgs
        mov     gs:[PERCPU_USER_RSP], rsp
        mov     rsp, gs:[PERCPU_KERNEL_RSP]     # 16-byte aligned top of this thread's kernel stack
        SYSCALL_BODY 1f
        swapgs
        sysretq
1:      SYSCALL_IRET_FRAME
        swapgs
        iretq

# The same with page-table isolation: GS (the per-CPU block) and this code are mapped in the user view, nothing
# else of the kernel is, so the first thing after parking the user's rsp is the kernel root; the last thing before
# swapgs is the user root, loaded through rsp, the one register that holds nothing of the user's then.
redox_syscall_entry_isolated:
        swapgs
        mov     gs:[PERCPU_USER_RSP], rsp
        mov     rsp, gs:[PERCPU_KERNEL_CR3]
        mov     cr3, rsp
        mov     rsp, gs:[PERCPU_KERNEL_RSP]
        SYSCALL_BODY 1f
        mov     gs:[PERCPU_USER_RSP], rsp
        mov     rsp, gs:[PERCPU_USER_CR3]
        mov     cr3, rsp
        mov     rsp, gs:[PERCPU_USER_CR3_KEEP]  # PCID: a flush asked for (no-flush bit clear) happens once
        mov     gs:[PERCPU_USER_CR3], rsp
        mov     rsp, gs:[PERCPU_USER_RSP]
        swapgs
        sysretq
1:      SYSCALL_IRET_FRAME
        jmp     redox_isolated_return_to_user   # Interrupts.S: the iretq frame moves to the entry stack first
        .section .note.GNU-stack, "", @progbits
