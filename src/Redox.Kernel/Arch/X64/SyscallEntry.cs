using System.Runtime.InteropServices;
using Redox.Kernel.Syscalls;
using Redox.Syscall;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Turns on the <c>syscall</c> instruction (Intel SDM vol. 3, 5.8.8): EFER.SCE, the selectors in STAR (kernel
/// CS 0x08 / SS 0x10; SYSRET's user SS 0x1B / CS 0x23 come from base 0x10), the entry in LSTAR, and FMASK
/// clearing IF (the dispatcher lets interrupts in, for every call but the scheme round trip's and a few short
/// ones), DF, TF and AC. Syscall.S saves what the Redox convention keeps and a System V call may change, and calls
/// <see cref="Dispatch"/> with the Redox registers as arguments, or for the round trip's two calls their own
/// handlers (<see cref="Read"/>, <see cref="AnswerOneThenRead"/>); the result goes back in rax.
/// </summary>
public static unsafe class SyscallEntry
{
    private const uint Efer = 0xC000_0080, Star = 0xC000_0081, Lstar = 0xC000_0082, Fmask = 0xC000_0084;
    private const ulong SyscallEnable = 1;
    private const ulong MaskedFlags = 0x200 /* IF */ | 0x400 /* DF */ | 0x100 /* TF */ | 0x40000 /* AC */;

    /// <summary>Programs the MSRs.</summary>
    public static void Initialize()
    {
        Native.WriteMsr(Efer, Native.ReadMsr(Efer) | SyscallEnable);
        Native.WriteMsr(Star, ((ulong)(Gdt.KernelData & ~3) << 48) | ((ulong)Gdt.KernelCode << 32));
        // Page-table isolation has its own entry (Syscall.S): the plain one stays exactly as it was.
        Native.WriteMsr(Lstar, PageTableIsolation.Enabled ? Native.SyscallEntryIsolatedAddress() : Native.SyscallEntryAddress());
        Native.WriteMsr(Fmask, MaskedFlags);
    }

    /// <summary>The kernel's own back end for Redox.Syscall's Sys: a direct call, as ring 0 needs no trap.</summary>
    public static delegate* unmanaged<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint> KernelStub => &KernelCall;

    /// <summary>
    /// Syscall.S calls this with the Redox registers in System V order, the number last (rdi, rsi, rdx, r10, r8, rax),
    /// so that only two registers move on the way in. A runtime
    /// export, not <c>UnmanagedCallersOnly</c>: the kernel has no collector to make a transition for, and the
    /// transition's frame cost a null system call about 15 instructions.
    /// </summary>
    [System.Runtime.RuntimeExport("redox_syscall_dispatch")]
    private static nuint Dispatch(nuint a, nuint b, nuint c, nuint d, nuint e, nuint number) =>
        (nuint)SyscallResult.Mux(SyscallDispatcher.DispatchNumberLast(a, b, c, d, e, number));

    /// <summary>Syscall.S's own path for SYS_READ (the scheme round trip's client half): no dispatch around it.</summary>
    [System.Runtime.RuntimeExport("redox_syscall_read")]
    private static nuint Read(nuint fd, nuint buffer, nuint length) =>
        (nuint)SyscallResult.Mux(SyscallDispatcher.ReadFromEntry(fd, buffer, length));

    /// <summary>Syscall.S's own path for SYS_ANSWER_ONE_THEN_READ (the driver half).</summary>
    [System.Runtime.RuntimeExport("redox_syscall_answer_one_then_read")]
    private static nuint AnswerOneThenRead(nuint socket, nuint requests, nuint length, nuint head, nuint answer) =>
        (nuint)SyscallResult.Mux(SyscallDispatcher.AnswerOneThenReadFromEntry(socket, requests, length, head, answer));

    [UnmanagedCallersOnly]
    private static nuint KernelCall(nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f) =>
        (nuint)SyscallResult.Mux(SyscallDispatcher.Dispatch(number, a, b, c, d, e, f));
}
