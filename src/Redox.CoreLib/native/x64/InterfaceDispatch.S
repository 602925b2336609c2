# Interface dispatch stubs (see System.Runtime.CachedInterfaceDispatch). An interface call site does
#     lea r11, [cell]
#     call [r11]
# with the arguments live: rdi (this), rsi, rdx, rcx, r8, r9, xmm0-7 and the stack. A stub must leave all of them
# as they were and end in a jump to the target, so the target sees the call site's own return address.
        .intel_syntax noprefix
        .text

# A call site whose cell holds a cache entry {type, target, ...}: one compare, one jump. A different receiver
# type falls through to the resolver.
        .globl  RhpInterfaceDispatchMonomorphic
RhpInterfaceDispatchMonomorphic:
        test    rdi, rdi
        jz      dispatch_null_receiver
        mov     r10, [r11 + 8]
        mov     rax, [rdi]
        cmp     rax, [r10]
        jne     dispatch_resolve
        jmp     [r10 + 8]

# ILC's initial stub for every cell: resolve in C#, then jump.
        .globl  RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
        test    rdi, rdi
        jz      dispatch_null_receiver
dispatch_resolve:
        # rsp is 8 mod 16 here (the call pushed the return address): six pushes keep it so, 136 bytes align it.
        push    rdi
        push    rsi
        push    rdx
        push    rcx
        push    r8
        push    r9
        sub     rsp, 136
        movdqu  [rsp + 0x00], xmm0
        movdqu  [rsp + 0x10], xmm1
        movdqu  [rsp + 0x20], xmm2
        movdqu  [rsp + 0x30], xmm3
        movdqu  [rsp + 0x40], xmm4
        movdqu  [rsp + 0x50], xmm5
        movdqu  [rsp + 0x60], xmm6
        movdqu  [rsp + 0x70], xmm7
        # RhpResolveInterfaceDispatch(receiver = rdi, cell = r11, monomorphic stub)
        mov     rsi, r11
        lea     rdx, [rip + RhpInterfaceDispatchMonomorphic]
        call    RhpResolveInterfaceDispatch
        movdqu  xmm0, [rsp + 0x00]
        movdqu  xmm1, [rsp + 0x10]
        movdqu  xmm2, [rsp + 0x20]
        movdqu  xmm3, [rsp + 0x30]
        movdqu  xmm4, [rsp + 0x40]
        movdqu  xmm5, [rsp + 0x50]
        movdqu  xmm6, [rsp + 0x60]
        movdqu  xmm7, [rsp + 0x70]
        add     rsp, 136
        pop     r9
        pop     r8
        pop     rcx
        pop     rdx
        pop     rsi
        pop     rdi
        jmp     rax

# A null receiver: a tail jump, so the NullReferenceException is thrown as if by the call site.
dispatch_null_receiver:
        jmp     RhpInterfaceDispatchNullReference
        .section .note.GNU-stack, "", @progbits
