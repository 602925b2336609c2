# The CPU's timestamp counter for ring-3 programs (GuestBenchmark). rdtsc is allowed in ring 3 while CR4.TSD is clear,
# as the kernel leaves it. Under qemu-system-x86_64 -icount shift=0 it advances once per guest instruction.
        .intel_syntax noprefix
        .text
        .globl redox_runtime_rdtsc
redox_runtime_rdtsc: rdtsc; shl rdx, 32; or rax, rdx; ret
        .section .note.GNU-stack,"",@progbits
