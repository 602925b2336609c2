# What page-table isolation needs from assembly besides its entry paths (Syscall.S, Interrupts.S).
        .intel_syntax noprefix
        .text

# redox_entry_text_range(ulong[2]*): the entry code's pages (kernel.ld's .entry.text), the only kernel code a
# process's user view maps.
        .globl  redox_entry_text_range
redox_entry_text_range:
        lea     rax, [rip + __entry_text_start]
        mov     [rdi], rax
        lea     rax, [rip + __entry_text_end]
        mov     [rdi + 8], rax
        ret

# redox_load_task_register(selector): ltr, for the isolated TSS (its descriptor must be marked available first).
        .globl  redox_load_task_register
redox_load_task_register:
        ltr     di
        ret
        .section .note.GNU-stack, "", @progbits
