# Port I/O for drivers in ring 3: Redox.Syscall's BareMetalPortIo contract (redox_pio_*), the same symbols the kernel
# image defines for ring-0 code. The kernel lets a process reach only the ports its manifest grants (TSS I/O bitmap);
# any other port raises #GP and the process is killed.
        .intel_syntax noprefix
        .text
        .globl redox_pio_out8, redox_pio_out16, redox_pio_out32, redox_pio_in8, redox_pio_in16, redox_pio_in32
redox_pio_out8:  mov edx, edi; mov eax, esi; out dx, al; ret
redox_pio_out16: mov edx, edi; mov eax, esi; out dx, ax; ret
redox_pio_out32: mov edx, edi; mov eax, esi; out dx, eax; ret
redox_pio_in8:   mov edx, edi; xor eax, eax; in al, dx; ret
redox_pio_in16:  mov edx, edi; xor eax, eax; in ax, dx; ret
redox_pio_in32:  mov edx, edi; in eax, dx; ret
        .section .note.GNU-stack,"",@progbits
