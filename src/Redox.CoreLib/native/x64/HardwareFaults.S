# Where a managed fault resumes once the runtime has taken it (Internal.Runtime.CompilerHelpers.HardwareFaults):
# r11 = the faulting instruction's address + 1. Pushing it makes the fault site look like a call site to the
# unwinder, and the throw helper throws from there.
        .intel_syntax noprefix
        .text
        .globl  RhpNullReferenceFault, RhpDivideByZeroFault
RhpNullReferenceFault:
        push    r11
        jmp     RhpThrowNullReferenceFromFault
RhpDivideByZeroFault:
        push    r11
        jmp     RhpThrowDivideByZeroFromFault
        .section .note.GNU-stack, "", @progbits
