# Single instructions C# cannot emit, each a System V function. Port I/O, control registers, descriptor tables,
# MSRs, interrupt flag.
        .intel_syntax noprefix
        .text
# The redox_pio_* names are Redox.Syscall's BareMetalPortIo contract (drivers); redox_in*/out* the kernel's.
        .globl redox_outb, redox_outw, redox_outd, redox_inb, redox_inw, redox_ind
        .globl redox_pio_out8, redox_pio_out16, redox_pio_out32, redox_pio_in8, redox_pio_in16, redox_pio_in32
redox_pio_out8:
redox_outb:  mov edx, edi; mov eax, esi; out dx, al; ret
redox_pio_out16:
redox_outw:  mov edx, edi; mov eax, esi; out dx, ax; ret
redox_pio_out32:
redox_outd:  mov edx, edi; mov eax, esi; out dx, eax; ret
redox_pio_in8:
redox_inb:   mov edx, edi; xor eax, eax; in al, dx; ret
redox_pio_in16:
redox_inw:   mov edx, edi; xor eax, eax; in ax, dx; ret
redox_pio_in32:
redox_ind:   mov edx, edi; in eax, dx; ret

        .globl redox_read_cr2, redox_read_cr3, redox_write_cr3, redox_invlpg
redox_read_cr2:  mov rax, cr2; ret
redox_read_cr3:  mov rax, cr3; ret
redox_write_cr3: mov cr3, rdi; ret
redox_invlpg:    invlpg [rdi]; ret

        .globl redox_cli, redox_sti, redox_hlt, redox_sti_hlt, redox_cli_saving_flags, redox_pause
redox_cli:        cli; ret
redox_sti:        sti; ret
redox_hlt:        hlt; ret
redox_sti_hlt:    sti; hlt; ret
redox_cli_saving_flags: pushfq; pop rax; cli; ret    # InterruptGuard.Enter: one call, not two
redox_pause:      pause; ret

        .globl redox_rdtsc
redox_rdtsc: rdtsc; shl rdx, 32; or rax, rdx; ret

        .globl redox_rdmsr, redox_wrmsr
redox_rdmsr: mov ecx, edi; rdmsr; shl rdx, 32; or rax, rdx; ret
redox_wrmsr: mov ecx, edi; mov eax, esi; mov rdx, rsi; shr rdx, 32; wrmsr; ret

# redox_load_gdt(pointer*, codeSelector, dataSelector, tssSelector): load the GDT, reload every segment, load TR.
        .globl redox_load_gdt
redox_load_gdt:
        lgdt    [rdi]
        mov     ax, dx
        mov     ds, ax
        mov     es, ax
        mov     ss, ax
        ltr     cx
        push    rsi
        lea     rax, [rip + 1f]
        push    rax
        retfq
1:      ret

        .globl redox_load_idt
redox_load_idt: lidt [rdi]; ret

# redox_cpuid(leaf, subleaf, uint[4]* eax_ebx_ecx_edx)
        .globl redox_cpuid
redox_cpuid:
        push    rbx
        mov     r8, rdx
        mov     eax, edi
        mov     ecx, esi
        cpuid
        mov     [r8], eax
        mov     [r8 + 4], ebx
        mov     [r8 + 8], ecx
        mov     [r8 + 12], edx
        pop     rbx
        ret

        .globl redox_read_cr0, redox_read_cr4, redox_write_cr4
redox_read_cr0:  mov rax, cr0; ret
redox_read_cr4:  mov rax, cr4; ret
redox_write_cr4: mov cr4, rdi; ret

# redox_user_copy(destination, source, count, smap): a copy to or from pages of the current process. The caller
# has checked only that the range lies in the user half; whether each page is there (and writable) is the MMU's to
# say: a page fault on the two string instructions is resumed at its failure exit (InterruptDispatch asks
# redox_user_fault_resume), which returns 1 instead of 0, so a bad user pointer costs nothing until it is used and
# is EFAULT, never a kernel fault (Linux's copy_from_user does the same with its exception table). With SMAP on, the
# kernel may touch user pages only while EFLAGS.AC is set (stac ... clac); without SMAP those instructions are #UD,
# so the caller passes smap = 0 to skip them. Whole quadwords first, then the last bytes: every repetition of a
# string instruction is an instruction retired, and the copies here are mostly scheme requests and answers (64 and
# 16 bytes), so rep movsb alone cost a round trip about 100 instructions (issue 8's figure).
#   redox_user_copy(rdi = destination, rsi = source, rdx = count, rcx = smap) -> rax = 0, or 1 after a fault
        .globl redox_user_copy
redox_user_copy:
        mov     r8, rcx
        test    r8, r8
        jz      1f
        stac
1:      mov     rcx, rdx
        shr     rcx, 3
        cld
.Luser_copy_access:                         # [access, accessed): the only instructions that may fault
        rep     movsq
        mov     rcx, rdx
        and     rcx, 7
        rep     movsb
.Luser_copy_accessed:
        xor     eax, eax
        jmp     3f
.Luser_copy_fault:
        mov     eax, 1
3:      test    r8, r8
        jz      2f
        clac
2:      ret

# redox_user_fault_resume(rip): where a ring-0 page fault at rip resumes -- the copy's failure exit when rip is one of
# redox_user_copy's user accesses -- or 0 when the fault is the kernel's own.
        .globl redox_user_fault_resume
redox_user_fault_resume:
        lea     rax, [rip + .Luser_copy_access]
        cmp     rdi, rax
        jb      1f
        lea     rax, [rip + .Luser_copy_accessed]
        cmp     rdi, rax
        jae     1f
        lea     rax, [rip + .Luser_copy_fault]
        ret
1:      xor     eax, eax
        ret
        .section .note.GNU-stack, "", @progbits
