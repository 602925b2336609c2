# Interrupt and exception entry. Every vector gets a stub that makes the stack uniform (a zero error code where
# the CPU pushes none, then the vector number) and jumps to one common path. The common path saves the general
# registers and the SSE state (C# code in handlers and threads uses xmm registers), calls
# redox_interrupt_dispatch(frame) and resumes the frame that returns (the same one, unless a fault upcall changed
# where it goes on). Threads switch inside that call, by redox_switch (below), so a preempted thread's frame stays on
# its own stack until it runs again. Frames from ring 3 swap GS on the way in and out, so kernel code always sees the
# kernel's per-CPU block there.
#
# With page-table isolation (redox.kpti=on) there is a second set of stubs and a second common path, which the boot
# puts in the IDT instead (Idt.UseIsolatedStubs): ring 3 runs on its user view, which maps of the kernel only this
# section and the entry area, so an entry from ring 3 arrives on the per-CPU entry stack (the isolated TSS's RSP0),
# loads the kernel root, and moves the CPU's frame to the thread's kernel stack; the way back to ring 3 moves the
# iretq frame to the entry stack and loads the user root last. Entries from ring 0 run as on the plain path. The
# plain stubs and path are as they were: the option costs them nothing.
        .intel_syntax noprefix
        .section .entry.text, "ax", @progbits

        .include "PerCpu.inc"

        .macro STUB vector, common
        .balign 16
interrupt_stub_\common\()_\vector:
        .if (\vector == 8) || (\vector == 10) || (\vector == 11) || (\vector == 12) || (\vector == 13) || (\vector == 14) || (\vector == 17) || (\vector == 21) || (\vector == 29) || (\vector == 30)
        .else
        push    0
        .endif
        push    \vector
        jmp     \common
        .endm

        .altmacro
        .set    vector, 0
        .rept   256
        STUB    %vector, interrupt_common
        .set    vector, vector + 1
        .endr
        .set    vector, 0
        .rept   256
        STUB    %vector, interrupt_common_isolated
        .set    vector, vector + 1
        .endr

# The general registers and the SSE state, saved and restored the same way by both common paths.
        .macro SAVE_REGISTERS
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
        # 5 (CPU) + 2 (ours) + 15 registers = 176 bytes: rsp is still 16-byte aligned, as fxsave needs.
        sub     rsp, 512
        fxsave  [rsp]
        cld
        .endm

        .macro RESTORE_REGISTERS
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
        add     rsp, 16
        .endm

interrupt_common:
        # From ring 3 (the CS the CPU pushed has RPL 3): switch GS to the kernel's per-CPU block.
        test    byte ptr [rsp + 24], 3
        jz      1f
        swapgs
1:      SAVE_REGISTERS
        mov     rdi, rsp
        call    redox_interrupt_dispatch
        mov     rsp, rax
redox_interrupt_return:
        RESTORE_REGISTERS
        # The frame resumed may be another thread's: its CS says which GS it runs with.
        test    byte ptr [rsp + 8], 3
        jz      2f
        swapgs
2:      iretq

# Isolated: from ring 0 (interrupts inside the kernel) exactly the plain path, on the kernel's root and stack. From
# ring 3 the CPU has pushed its frame on the entry stack under the user view: load the kernel root (rax parked on
# the entry stack meanwhile), then rebuild the frame (vector, error code, rip, cs, rflags, rsp, ss) at the top of
# the thread's kernel stack, where the plain path would have found it, and go on as the plain path does.
interrupt_common_isolated:
        test    byte ptr [rsp + 24], 3
        jz      1f
        swapgs
        push    rax
        mov     rax, gs:[PERCPU_KERNEL_CR3]
        mov     cr3, rax
        mov     rax, rsp
        mov     rsp, gs:[PERCPU_KERNEL_RSP]
        push    qword ptr [rax + 56]            # ss
        push    qword ptr [rax + 48]            # rsp
        push    qword ptr [rax + 40]            # rflags
        push    qword ptr [rax + 32]            # cs
        push    qword ptr [rax + 24]            # rip
        push    qword ptr [rax + 16]            # error code
        push    qword ptr [rax + 8]             # vector
        mov     rax, [rax]
1:      SAVE_REGISTERS
        mov     rdi, rsp
        call    redox_interrupt_dispatch
        mov     rsp, rax
redox_interrupt_return_isolated:
        RESTORE_REGISTERS
        test    byte ptr [rsp + 8], 3
        jz      2f
        jmp     redox_isolated_return_to_user
2:      iretq

# To ring 3 under isolation, every register already the user's and rsp at an iretq frame on the thread's kernel
# stack (from above, or from Syscall.S's rare iretq return): the frame moves to the entry stack, which the user view
# maps, then the user root, then the user's GS.
        .globl  redox_isolated_return_to_user
redox_isolated_return_to_user:
        mov     gs:[PERCPU_SCRATCH], rax
        mov     rax, rsp
        mov     rsp, gs:[PERCPU_ENTRY_STACK_TOP]
        push    qword ptr [rax + 32]            # ss
        push    qword ptr [rax + 24]            # rsp
        push    qword ptr [rax + 16]            # rflags
        push    qword ptr [rax + 8]             # cs
        push    qword ptr [rax]                 # rip
        mov     rax, gs:[PERCPU_USER_CR3]
        mov     cr3, rax
        mov     rax, gs:[PERCPU_USER_CR3_KEEP]  # PCID: a flush asked for (no-flush bit clear) happens once
        mov     gs:[PERCPU_USER_CR3], rax
        mov     rax, gs:[PERCPU_SCRATCH]
        swapgs
        iretq

# The stub addresses, for the IDT: the plain set, then the isolated set.
        .section .rodata
        .balign 8
        .globl  redox_interrupt_stubs
redox_interrupt_stubs:
        .macro STUB_ADDRESS vector, common
        .quad   interrupt_stub_\common\()_\vector
        .endm
        .set    vector, 0
        .rept   256
        STUB_ADDRESS %vector, interrupt_common
        .set    vector, vector + 1
        .endr
        .set    vector, 0
        .rept   256
        STUB_ADDRESS %vector, interrupt_common_isolated
        .set    vector, vector + 1
        .endr

        .text
        .globl  redox_interrupt_stub_table
redox_interrupt_stub_table:
        lea     rax, [rip + redox_interrupt_stubs]
        ret

# redox_switch(rdi = where to save this thread's stack pointer, rsi = the stack pointer to resume): the one way
# threads change, called with interrupts off by Threads (from a blocking call, or from the timer interrupt). As for
# any call, the System V caller has saved what it needs of every other register, and this thread's user state (its
# registers and SSE state) is in the syscall or interrupt frame at the top of its stack: only the callee-saved
# registers and the stack pointer change hands here, not a whole interrupt frame (issue 8: a scheme round trip has
# two switches).
        .globl  redox_switch
redox_switch:
        push    rbp
        push    rbx
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rdi], rsp
        mov     rsp, rsi
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbx
        pop     rbp
        ret

# Where a new thread's first switch returns to (ThreadContext.Create puts this address in its first switch frame):
# the interrupt return path, as right above the switch frame is its start frame, an interrupt frame that enters its
# entry (ring 0) or its program (ring 3). With isolation, the isolated return path (the boot picks which).
        .globl  redox_thread_start_address, redox_thread_start_isolated_address
redox_thread_start_address:
        lea     rax, [rip + redox_interrupt_return]
        ret
redox_thread_start_isolated_address:
        lea     rax, [rip + redox_interrupt_return_isolated]
        ret
        .section .note.GNU-stack, "", @progbits
