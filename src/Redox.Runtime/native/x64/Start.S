# A Redox.NET process starts here, in ring 3, with the stack the kernel mapped. As in the System V ABI, rsp
# points at argc, then argv[0..argc-1], a null, an empty environment (null) and an empty auxiliary vector. Order matters: the Sys back end first (statics set-up may already allocate, and the
# heap asks the kernel for memory), then the core library's statics and eager static constructors, then Main,
# then exit with Main's return value.
        .intel_syntax noprefix
        .text
        .globl  _start
_start:
        xor     ebp, ebp                        # the outermost frame
        mov     rdi, rsp                        # &argc
        and     rsp, -16
        call    redox_process_start
        lea     rdi, [rip + __modules_start]
        lea     rsi, [rip + __modules_end]
        call    RedoxRuntimeInit
        xor     edi, edi                        # argc
        xor     esi, esi                        # argv
        call    __managed__Main
        mov     edi, eax
        call    redox_process_exit
        ud2                                     # exit does not return

# redox_syscall6(a, b, c, d, e, f, number): Redox.Syscall's direct back end in a process (Sys.InstallDirect), System
# V in, Redox out: rax = number, rdi, rsi, rdx, r10, r8, r9; rcx and r11 are clobbered by the instruction. The number
# comes last, so rdi, rsi, rdx, r8 and r9 already hold a, b, c, e and f: only d (rcx -> r10) and the number (the
# stack -> rax) move.
        .globl  redox_syscall6
redox_syscall6:
        mov     rax, [rsp + 8]
        mov     r10, rcx
        syscall
        ret

        .globl  redox_syscall6_address
redox_syscall6_address:
        lea     rax, [rip + redox_syscall6]
        ret
        .section .note.GNU-stack, "", @progbits
