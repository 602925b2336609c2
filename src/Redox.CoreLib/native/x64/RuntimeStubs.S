# Runtime entry points ILC's code calls with conventions C# cannot express. There is no GC, so the write barriers
# are plain stores and the GC-transition frames are no-ops.
        .intel_syntax noprefix
        .text

# RhpAssignRef(ref object destination = rdi, object value = rsi)
        .globl RhpAssignRef, RhpCheckedAssignRef
RhpAssignRef:
RhpCheckedAssignRef:
        mov     [rdi], rsi
        ret

# RhpByRefAssignRef: *rdi = *rsi, then both advance one pointer (the JIT relies on the advance; rcx is scratch).
        .globl RhpByRefAssignRef
RhpByRefAssignRef:
        mov     rcx, [rsi]
        mov     [rdi], rcx
        add     rdi, 8
        add     rsi, 8
        ret

# Transitions between managed and native code only matter to a GC that must find managed frames.
        .globl RhpPInvoke, RhpPInvokeReturn, RhpReversePInvoke, RhpReversePInvokeReturn, RhpGcPoll
RhpPInvoke:
RhpPInvokeReturn:
RhpReversePInvoke:
RhpReversePInvokeReturn:
RhpGcPoll:
        ret

# RhpStackProbe: RyuJIT calls it in the prologue of a frame bigger than a few pages, before moving rsp, with
# r11 = the lowest address the new frame will use (old rsp - frame size); it may clobber rax (and flags) and must
# keep r11; rsp points into the last page already probed (the contract of dotnet/runtime's NativeAOT amd64
# RhpStackProbe, emitted by the JIT for frames of 3 pages or more).
# Touch one word on every page from the one below rsp's page down to r11's page, top down, so the first unmapped
# page met is the guard page right under the stack: a frame bigger than the guard then faults there instead of
# silently landing in whatever lies below it (another thread's stack).
        .globl RhpStackProbe
RhpStackProbe:
        mov     rax, rsp
        and     rax, -4096                     # the page rsp is on (already in use, so mapped)
1:      sub     rax, 4096
        test    dword ptr [rax], eax           # a read is enough to fault on an unmapped page
        cmp     rax, r11
        ja      1b
        ret

# The flag a call without a GC transition (delegate* unmanaged[SuppressGCTransition], e.g. Redox.Syscall's direct
# back end) tests after it returns, calling RhpGcPoll when set: no GC ever asks threads to stop, so it stays 0.
        .data
        .balign 4
        .globl  RhpTrapThreads
RhpTrapThreads:
        .long   0
        .text

# The stack-protector cookie RyuJIT checks in frames with stackalloc buffers. A fixed value still catches linear
# overruns; there is no entropy source this early.
        .data
        .balign 8
        .globl  __security_cookie
__security_cookie:
        .quad   0x2B992DDFA232D1E5

        .section .note.GNU-stack, "", @progbits
