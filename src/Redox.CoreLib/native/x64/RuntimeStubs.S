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

# Stack probes touch each page of a large frame; kernel stacks are mapped up front, so there is nothing to touch.
        .globl RhpStackProbe
RhpStackProbe:
        ret

# A call site that needs general interface dispatch (more implementers than ILC devirtualises). Not supported yet:
# panic with a clear message instead of jumping into nowhere.
        .globl RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
        lea     rdi, [rip + dispatch_kind]
        mov     esi, 7
        lea     rdx, [rip + dispatch_message]
        mov     ecx, (dispatch_message_end - dispatch_message) / 2
        and     rsp, -16
        call    redox_panic
        ud2

# The stack-protector cookie RyuJIT checks in frames with stackalloc buffers. A fixed value still catches linear
# overruns; there is no entropy source this early.
        .data
        .balign 8
        .globl  __security_cookie
__security_cookie:
        .quad   0x2B992DDFA232D1E5

        .section .rodata
        .balign 2
dispatch_kind:
        .short 'r','u','n','t','i','m','e'
dispatch_message:
        .short 'i','n','t','e','r','f','a','c','e',' ','d','i','s','p','a','t','c','h',' ','n','o','t',' '
        .short 's','u','p','p','o','r','t','e','d',' ','(','s','e','e',' ','L','I','M','I','T','S','.','m','d',')'
dispatch_message_end:
        .section .note.GNU-stack, "", @progbits
