# Interrupt and exception entry. Every vector gets a stub that makes the stack uniform (a zero error code where
# the CPU pushes none, then the vector number) and jumps to one common path. The common path saves the general
# registers and the SSE state (C# code in handlers and threads uses xmm registers), calls
# redox_interrupt_dispatch(frame) and resumes the frame that returns (the same one, unless a fault upcall changed
# where it goes on). Threads switch inside that call, by redox_switch (below), so a preempted thread's frame stays on
# its own stack until it runs again. Frames from ring 3 swap GS on the way in and out, so kernel code always sees the
# kernel's per-CPU block there.
        .intel_syntax noprefix
        .text

        .macro STUB vector
        .balign 16
interrupt_stub_\vector:
        .if (\vector == 8) || (\vector == 10) || (\vector == 11) || (\vector == 12) || (\vector == 13) || (\vector == 14) || (\vector == 17) || (\vector == 21) || (\vector == 29) || (\vector == 30)
        .else
        push    0
        .endif
        push    \vector
        jmp     interrupt_common
        .endm

        .altmacro
        .set    vector, 0
        .rept   256
        STUB    %vector
        .set    vector, vector + 1
        .endr

interrupt_common:
        # From ring 3 (the CS the CPU pushed has RPL 3): switch GS to the kernel's per-CPU block.
        test    byte ptr [rsp + 24], 3
        jz      1f
        swapgs
1:      push    rax
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
        mov     rdi, rsp
        call    redox_interrupt_dispatch
        mov     rsp, rax
redox_interrupt_return:
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
        # The frame resumed may be another thread's: its CS says which GS it runs with.
        test    byte ptr [rsp + 8], 3
        jz      2f
        swapgs
2:      iretq

# The stub addresses, for the IDT.
        .section .rodata
        .balign 8
        .globl  redox_interrupt_stubs
redox_interrupt_stubs:
        .macro STUB_ADDRESS vector
        .quad   interrupt_stub_\vector
        .endm
        .set    vector, 0
        .rept   256
        STUB_ADDRESS %vector
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
# entry (ring 0) or its program (ring 3).
        .globl  redox_thread_start_address
redox_thread_start_address:
        lea     rax, [rip + redox_interrupt_return]
        ret
        .section .note.GNU-stack, "", @progbits
