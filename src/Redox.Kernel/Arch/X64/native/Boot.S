# The boot stub: GRUB (multiboot2) enters here in 32-bit protected mode without paging. We identity-map the
# first 4 GiB with 2 MiB pages, switch to long mode, turn SSE on (RyuJIT emits SSE), initialise the managed
# runtime and call the C# kernel. The kernel replaces these page tables with its own early on.
        .intel_syntax noprefix

        .set MB2_MAGIC, 0xE85250D6
        .set MB2_ARCH_I386, 0
        .set BOOT_STACK_SIZE, 65536

        .section .multiboot2, "a"
        .balign 8
mb2_header:
        .long   MB2_MAGIC
        .long   MB2_ARCH_I386
        .long   mb2_header_end - mb2_header
        .long   -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
        # End tag.
        .short  0
        .short  0
        .long   8
mb2_header_end:

        .section .boot.text, "ax"
        .code32
        .globl  _start
_start:
        cli
        mov     esp, offset boot_stack_top
        mov     [boot_magic], eax
        mov     [boot_info], ebx

        # PML4[0] -> PDPT; PDPT[0..3] -> four page directories of 512 x 2 MiB pages = 4 GiB identity map.
        mov     eax, offset boot_pdpt
        or      eax, 0x3
        mov     [boot_pml4], eax
        mov     ecx, 0
1:      mov     eax, ecx
        shl     eax, 12
        add     eax, offset boot_pd
        or      eax, 0x3
        mov     [boot_pdpt + ecx * 8], eax
        inc     ecx
        cmp     ecx, 4
        jne     1b
        mov     ecx, 0
2:      mov     eax, ecx
        shl     eax, 21
        or      eax, 0x83                      # present, writable, 2 MiB page
        mov     [boot_pd + ecx * 8], eax
        mov     eax, ecx
        shr     eax, 11                        # high dword of (index << 21)
        mov     [boot_pd + ecx * 8 + 4], eax
        inc     ecx
        cmp     ecx, 2048
        jne     2b

        mov     eax, offset boot_pml4
        mov     cr3, eax
        mov     eax, cr4
        or      eax, (1 << 5)                  # PAE
        mov     cr4, eax
        mov     ecx, 0xC0000080                # EFER
        rdmsr
        or      eax, (1 << 8) | (1 << 11)      # LME, NXE
        wrmsr
        mov     eax, cr0
        or      eax, (1 << 31) | (1 << 0)      # PG, PE
        mov     cr0, eax
        lgdt    [boot_gdt_pointer]
        ljmp    0x08, offset long_mode_entry

        .code64
long_mode_entry:
        mov     ax, 0x10
        mov     ds, ax
        mov     es, ax
        mov     ss, ax
        xor     ax, ax
        mov     fs, ax
        mov     gs, ax
        mov     rsp, offset boot_stack_top

        # SSE: CR0.EM off, CR0.MP on; CR4.OSFXSR and CR4.OSXMMEXCPT on.
        mov     rax, cr0
        and     rax, ~(1 << 2)
        or      rax, (1 << 1)
        mov     cr0, rax
        mov     rax, cr4
        or      rax, (1 << 9) | (1 << 10)
        mov     cr4, rax

        # Managed runtime first (statics), then the kernel: redox_kernel_main(magic, boot info).
        lea     rdi, [rip + __modules_start]
        lea     rsi, [rip + __modules_end]
        call    RedoxRuntimeInit
        mov     edi, [rip + boot_magic]
        mov     esi, [rip + boot_info]
        call    redox_kernel_main
halt:   cli
        hlt
        jmp     halt

        # redox_early_heap_range(start*, end*): the arena the kernel heap uses before paging is the kernel's.
        .text
        .globl  redox_early_heap_range
redox_early_heap_range:
        lea     rax, [rip + early_heap]
        mov     [rdi], rax
        lea     rax, [rip + early_heap_end]
        mov     [rsi], rax
        ret

        # redox_kernel_bounds(start*, end*): the physical extent of the loaded image (linker script symbols).
        .globl  redox_kernel_bounds
redox_kernel_bounds:
        lea     rax, [rip + __kernel_start]
        mov     [rdi], rax
        lea     rax, [rip + __kernel_end]
        mov     [rsi], rax
        ret

        .section .boot.rodata, "a"
        .balign 8
boot_gdt:
        .quad   0
        .quad   0x00AF9A000000FFFF             # 0x08: 64-bit code, ring 0
        .quad   0x00CF92000000FFFF             # 0x10: data, ring 0
boot_gdt_end:
boot_gdt_pointer:
        .short  boot_gdt_end - boot_gdt - 1
        .long   boot_gdt

        .section .boot.bss, "aw", @nobits
        .balign 4096
boot_pml4:      .skip 4096
boot_pdpt:      .skip 4096
boot_pd:        .skip 4096 * 4
boot_stack:     .skip BOOT_STACK_SIZE
boot_stack_top:
        .balign 4096
early_heap:     .skip 4 * 1024 * 1024
early_heap_end:
        .globl  boot_magic, boot_info
boot_magic:     .skip 4
boot_info:      .skip 4
        .section .note.GNU-stack, "", @progbits
