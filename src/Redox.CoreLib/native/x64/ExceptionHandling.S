# Exception entry points and funclet calls (see Internal.Runtime.CompilerHelpers.ExceptionHandling). A context is
# eight words: rip, rsp, rbx, rbp, r12, r13, r14, r15 (RegisterContext in C#) - the state of one managed frame.
        .intel_syntax noprefix
        .text

# RhpThrowEx(exception = rdi), called by `throw`. The frame that threw is described by our return address and
# the stack pointer above it; its callee-saved registers are still live.
        .globl  RhpThrowEx
RhpThrowEx:
        xor     edx, edx
        jmp     throw_common

# RhpRethrow(), called by `throw;` inside a catch funclet: the dispatcher finds the exception being handled.
        .globl  RhpRethrow
RhpRethrow:
        xor     edi, edi
        mov     edx, 1
throw_common:
        mov     rax, [rsp]
        lea     rcx, [rsp + 8]
        sub     rsp, 72                         # eight words and alignment (rsp was 8 mod 16)
        mov     [rsp + 0x00], rax
        mov     [rsp + 0x08], rcx
        mov     [rsp + 0x10], rbx
        mov     [rsp + 0x18], rbp
        mov     [rsp + 0x20], r12
        mov     [rsp + 0x28], r13
        mov     [rsp + 0x30], r14
        mov     [rsp + 0x38], r15
        mov     rsi, rsp
        # RhpDispatchException(exception, context, rethrow) never returns.
        call    RhpDispatchException
        ud2

# Funclet calls. Each pushes the callee-saved registers, then the address of the dispatcher's record for the
# frame (a FuncletCall: the frame's context first), loads that frame's registers and calls the funclet. An
# exception escaping the funclet finds the record at [rsp] of the frame whose return address is the label after
# the call: that is how the unwinder steps from a funclet back to its parent frame.
        .macro  FUNCLET_PROLOGUE record
        push    rbp
        push    rbx
        push    r12
        push    r13
        push    r14
        push    r15
        push    \record                         # rsp is now 16-byte aligned
        mov     rbx, [\record + 0x10]
        mov     rbp, [\record + 0x18]
        mov     r12, [\record + 0x20]
        mov     r13, [\record + 0x28]
        mov     r14, [\record + 0x30]
        mov     r15, [\record + 0x38]
        .endm

        .macro  FUNCLET_EPILOGUE
        add     rsp, 8
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbx
        pop     rbp
        .endm

# RhpCallCatchFunclet(exception = rdi, handler = rsi, record = rdx): the catch funclet returns where to resume
# in its frame; resume there with the frame's stack pointer. Never returns.
        .globl  RhpCallCatchFunclet, RhpCallCatchFuncletReturn
RhpCallCatchFunclet:
        FUNCLET_PROLOGUE rdx
        call    rsi
RhpCallCatchFuncletReturn:
        mov     rdx, [rsp]
        mov     rsp, [rdx + 0x08]
        jmp     rax

# RhpCallFinallyFunclet(handler = rdi, record = rsi)
        .globl  RhpCallFinallyFunclet, RhpCallFinallyFuncletReturn
RhpCallFinallyFunclet:
        FUNCLET_PROLOGUE rsi
        call    rdi
RhpCallFinallyFuncletReturn:
        FUNCLET_EPILOGUE
        ret

# RhpCallFilterFunclet(exception = rdi, filter = rsi, record = rdx) -> the filter's verdict (non-zero: catch).
        .globl  RhpCallFilterFunclet, RhpCallFilterFuncletReturn
RhpCallFilterFunclet:
        FUNCLET_PROLOGUE rdx
        call    rsi
RhpCallFilterFuncletReturn:
        FUNCLET_EPILOGUE
        ret

# RhpResumeAfterFilter(stack pointer at RhpCallFilterFuncletReturn): an exception escaped a filter; as in .NET,
# the filter's verdict is "no" and the dispatch that ran it goes on.
        .globl  RhpResumeAfterFilter
RhpResumeAfterFilter:
        mov     rsp, rdi
        xor     eax, eax
        jmp     RhpCallFilterFuncletReturn

# RhpGetUnwindInfoRange(start*, end*): the linked .eh_frame, bounded by symbols the linker script defines. They are
# weak: an image whose script lacks them gets an empty range, and every exception is then unhandled.
        .weak   __eh_frame_start, __eh_frame_end
        .globl  RhpGetUnwindInfoRange
RhpGetUnwindInfoRange:
        movabs  rax, offset __eh_frame_start
        mov     [rdi], rax
        movabs  rax, offset __eh_frame_end
        mov     [rsi], rax
        ret
        .section .note.GNU-stack, "", @progbits
