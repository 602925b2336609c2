# Where the kernel resumes a process after a CPU fault in ring 3 (SYS_FAULT_UPCALL, Redox.Kernel's FaultUpcalls):
# rdi = the fault record on this stack, in 64-bit words: vector, error code, RIP, CR2, RSP, RFLAGS, then RAX, RBX,
# RCX, RDX, RSI, RDI, RBP, R8..R15 as interrupted. redox_fault_upcall (FaultUpcall.cs) asks the core library
# whether a handler takes the fault; it returns only if one does, with the record's RIP and R11 rewritten (RIP = a
# throw trampoline, R11 = the fault address + 1). Then every register comes back from the record and execution
# goes on at the new RIP with the interrupted RSP, as if the faulting instruction had called the trampoline.
        .intel_syntax noprefix
        .text
        .globl  redox_fault_entry
redox_fault_entry:
        mov     rbx, rdi                        # the record (rbx is callee-saved: it survives the call)
        and     rsp, -16
        call    redox_fault_upcall              # returns only when the fault was taken
        mov     rax, [rbx + 4*8]                # the interrupted RSP
        mov     rcx, [rbx + 2*8]                # where to go on
        mov     [rax - 8], rcx                  # below it (the trampoline pushes there anyway)
        sub     rax, 8
        mov     [rbx + 4*8], rax
        mov     rsp, rbx
        mov     rax, [rsp + 6*8]
        mov     rbx, [rsp + 7*8]
        mov     rcx, [rsp + 8*8]
        mov     rdx, [rsp + 9*8]
        mov     rsi, [rsp + 10*8]
        mov     rdi, [rsp + 11*8]
        mov     rbp, [rsp + 12*8]
        mov     r8,  [rsp + 13*8]
        mov     r9,  [rsp + 14*8]
        mov     r10, [rsp + 15*8]
        mov     r11, [rsp + 16*8]
        mov     r12, [rsp + 17*8]
        mov     r13, [rsp + 18*8]
        mov     r14, [rsp + 19*8]
        mov     r15, [rsp + 20*8]
        mov     rsp, [rsp + 4*8]                # the interrupted RSP - 8, holding the new RIP
        ret

        .globl  redox_fault_entry_address
redox_fault_entry_address:
        lea     rax, [rip + redox_fault_entry]
        ret
        .section .note.GNU-stack, "", @progbits
