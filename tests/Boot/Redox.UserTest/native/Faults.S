# Instructions a C# program cannot write, for the fault scenarios: each must end only this process.
        .intel_syntax noprefix
        .text
        .globl usertest_hlt, usertest_cli, usertest_ud2, usertest_read_cr3, usertest_rdtsc
usertest_hlt:      hlt; ret                     # privileged: #GP in ring 3
usertest_cli:      cli; ret                     # IOPL 0: #GP in ring 3
usertest_ud2:      ud2; ret                     # #UD
usertest_read_cr3: mov rax, cr3; ret            # privileged: #GP in ring 3
usertest_rdtsc:    rdtsc; shl rdx, 32; or rax, rdx; ret   # allowed in ring 3 (CR4.TSD clear): the benchmarks' clock
        .section .note.GNU-stack, "", @progbits
