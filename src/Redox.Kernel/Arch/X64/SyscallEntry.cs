namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Turns on the <c>syscall</c> instruction (Intel SDM vol. 3, 5.8.8): EFER.SCE, the selectors in STAR (kernel
/// CS 0x08 / SS 0x10; SYSRET's user SS 0x1B / CS 0x23 come from base 0x10), the entry in LSTAR, and FMASK
/// clearing IF so the entry runs with interrupts off.
/// </summary>
public static unsafe class SyscallEntry
{
    private const uint Efer = 0xC000_0080, Star = 0xC000_0081, Lstar = 0xC000_0082, Fmask = 0xC000_0084;
    private const ulong SyscallEnable = 1;
    private const ulong InterruptFlag = 0x200;

    /// <summary>Programs the MSRs.</summary>
    public static void Initialize()
    {
        Native.WriteMsr(Efer, Native.ReadMsr(Efer) | SyscallEnable);
        Native.WriteMsr(Star, ((ulong)(Gdt.KernelData & ~3) << 48) | ((ulong)Gdt.KernelCode << 32));
        Native.WriteMsr(Lstar, Native.SyscallEntryAddress());
        Native.WriteMsr(Fmask, InterruptFlag);
    }

    /// <summary>The System V stub Redox.Syscall installs as its bare-metal back end.</summary>
    public static delegate* unmanaged<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint> Stub =>
        (delegate* unmanaged<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint>)Native.Syscall6Address();
}
