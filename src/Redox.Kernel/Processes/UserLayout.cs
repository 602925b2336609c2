namespace Redox.Kernel.Processes;

/// <summary>
/// The lower half as a process sees it (docs/kernel/address-space.md). Programs are linked at 4 MiB (the usual
/// static-executable base); anonymous memory grows up from 1 TiB; the stack sits at the top with a wide unmapped
/// gap below it, so an overflow faults and is reported as a stack overflow.
/// </summary>
public static class UserLayout
{
    /// <summary>Lowest address a program may be loaded at (everything below stays unmapped: null guard).</summary>
    public const ulong Start = 0x0000_0000_0040_0000;

    /// <summary>
    /// One past the highest user address. The last page below the canonical hole is never mapped, so no return
    /// address can sit right below it (the SYSRET non-canonical-RIP trap).
    /// </summary>
    public const ulong End = 0x0000_7FFF_FFFF_F000;

    /// <summary>The initial stack: top and size.</summary>
    public const ulong StackTop = End;

    /// <summary>Bytes of stack mapped at start (no growth: an overflow is a fault).</summary>
    public const ulong StackSize = 256 * 1024;

    /// <summary>Below the stack, this much stays unmapped: a fault there is reported as a stack overflow.</summary>
    public const ulong StackGuard = 1UL << 20;

    /// <summary>Where anonymous mappings (the process heap) are placed, growing up.</summary>
    public const ulong AnonymousBase = 0x0000_0100_0000_0000;

    /// <summary>Anonymous mappings stop here, far below the stack's guard.</summary>
    public const ulong AnonymousEnd = 0x0000_7000_0000_0000;

    /// <summary>True when [address, address + length) lies wholly inside the user half (no overflow).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Contains(ulong address, ulong length) =>
        address >= Start && address < End && length <= End - address;

    /// <summary>True when <paramref name="address"/> lies in the stack's guard gap.</summary>
    public static bool IsStackGuard(ulong address) =>
        address < StackTop - StackSize && address >= StackTop - StackSize - StackGuard;
}
