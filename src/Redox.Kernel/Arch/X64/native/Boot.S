# The boot stub: GRUB (multiboot2) enters _start in 32-bit protected mode without paging, at the physical
# address the kernel was loaded to (1 MiB). The kernel itself is linked in the higher half (kernel.ld): this stub
# builds early page tables that map the first 4 GiB three times -- identity (so this code keeps running once
# paging is on), at the physical-memory window 0xFFFF_8000_0000_0000, and the first 2 GiB at the kernel's
# -2 GiB base -- switches to long mode, jumps up to the higher half, turns SSE on (RyuJIT emits SSE),
# initialises the managed runtime and calls the C# kernel. The kernel replaces these tables with its own early
# on, without the identity map: the lower half then belongs to user processes.
        .intel_syntax noprefix

        .set MB2_MAGIC, 0xE85250D6
        .set MB2_ARCH_I386, 0
        .set BOOT_STACK_SIZE, 65536
        .set PML4_PHYSMAP, 256                 # 0xFFFF_8000_0000_0000
        .set PML4_KERNEL, 511                  # 0xFFFF_FF80_0000_0000 .. : the last 512 GiB
        .set PDPT_KERNEL, 510                  # 0xFFFF_FFFF_8000_0000: the kernel's -2 GiB base

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
        mov     esi, eax                       # multiboot2 magic (esi and ebx survive to the 64-bit code)
        # The boot tables live in a section GRUB does not load: zero them first.
        cld
        mov     edi, offset __boot_bss_start
        mov     ecx, offset __boot_bss_end
        sub     ecx, edi
        shr     ecx, 2
        xor     eax, eax
        rep     stosd

        # PML4[0] and PML4[256] -> one PDPT whose entries 0..3 point at four page directories of 512 x 2 MiB:
        # the first 4 GiB, identity and in the physical window. PML4[511] -> a PDPT whose entries 510 and 511
        # point at the first two of those directories: physical 0..2 GiB at 0xFFFF_FFFF_8000_0000.
        mov     eax, offset boot_pdpt
        or      eax, 0x3
        mov     [boot_pml4], eax
        mov     [boot_pml4 + PML4_PHYSMAP * 8], eax
        mov     eax, offset boot_pdpt_kernel
        or      eax, 0x3
        mov     [boot_pml4 + PML4_KERNEL * 8], eax
        mov     ecx, 0
1:      mov     eax, ecx
        shl     eax, 12
        add     eax, offset boot_pd
        or      eax, 0x3
        mov     [boot_pdpt + ecx * 8], eax
        inc     ecx
        cmp     ecx, 4
        jne     1b
        mov     eax, offset boot_pd
        or      eax, 0x3
        mov     [boot_pdpt_kernel + PDPT_KERNEL * 8], eax
        add     eax, 4096
        mov     [boot_pdpt_kernel + (PDPT_KERNEL + 1) * 8], eax
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
        or      eax, (1 << 31) | (1 << 16) | (1 << 0)   # PG, WP (read-only pages bind ring 0 too), PE
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
        movabs  rax, offset higher_half_entry  # leave the identity map for the kernel's own addresses
        jmp     rax

        .text
higher_half_entry:
        lea     rsp, [rip + boot_stack_top]
        mov     [rip + boot_magic], esi
        mov     [rip + boot_info], ebx

        # SSE: CR0.EM off, CR0.MP on; CR4.OSFXSR and CR4.OSXMMEXCPT on. CR4.PGE too: the kernel half's mappings
        # are marked Global so they survive CR3 loads (Intel SDM vol. 3, 4.10.2.4).
        mov     rax, cr0
        and     rax, ~(1 << 2)
        or      rax, (1 << 1)
        mov     cr0, rax
        mov     rax, cr4
        or      rax, (1 << 7) | (1 << 9) | (1 << 10)
        mov     cr4, rax

        # Managed runtime first (statics), then the kernel: redox_kernel_main(magic, boot info physical address).
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
        .globl  redox_early_heap_range
redox_early_heap_range:
        lea     rax, [rip + early_heap]
        mov     [rdi], rax
        lea     rax, [rip + early_heap_end]
        mov     [rsi], rax
        ret

        # redox_kernel_layout(ulong[6]*): where the image is (linker-script symbols): physical start and end,
        # the virtual base (virtual = physical + base), and the virtual ends of text, read-only data and the image.
        .globl  redox_kernel_layout
redox_kernel_layout:
        movabs  rax, offset __kernel_start_phys
        mov     [rdi], rax
        movabs  rax, offset __kernel_end_phys
        mov     [rdi + 8], rax
        movabs  rax, offset __kernel_virtual_base
        mov     [rdi + 16], rax
        lea     rax, [rip + __kernel_text_end]
        mov     [rdi + 24], rax
        lea     rax, [rip + __kernel_rodata_end]
        mov     [rdi + 32], rax
        lea     rax, [rip + __kernel_end]
        mov     [rdi + 40], rax
        lea     rax, [rip + __kernel_text_start]
        mov     [rdi + 48], rax
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
boot_pml4:        .skip 4096
boot_pdpt:        .skip 4096
boot_pdpt_kernel: .skip 4096
boot_pd:          .skip 4096 * 4

        .bss
        .balign 4096
boot_stack:     .skip BOOT_STACK_SIZE
boot_stack_top:
        .balign 4096
early_heap:     .skip 4 * 1024 * 1024
early_heap_end:
        .globl  boot_magic, boot_info
boot_magic:     .skip 4
boot_info:      .skip 4
        .section .note.GNU-stack, "", @progbits
