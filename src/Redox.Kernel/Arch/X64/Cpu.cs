using System.Runtime.CompilerServices;
using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: the processor operations generic kernel code needs: interrupts on and off, waiting, the time-stamp
/// counter, loading an address space, dropping a stale translation, and copying to or from a process's pages. Each
/// arch folder has a <c>Cpu.cs</c> with these members; on x86-64 they are single instructions (Native.cs).
/// </summary>
public static unsafe class Cpu
{
    /// <summary>Interrupts off on this CPU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void DisableInterrupts() => Native.DisableInterrupts();

    /// <summary>Interrupts on on this CPU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void EnableInterrupts() => Native.EnableInterrupts();

    /// <summary>Stops this CPU until the next interrupt (which, with interrupts off, never comes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Halt() => Native.Halt();

    /// <summary>Turns interrupts on and waits for one, with no window in between (the idle loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WaitForInterrupt() => Native.EnableInterruptsAndHalt();

    /// <summary>A cycle counter that only goes up (on x86-64 the TSC: one tick per instruction under QEMU's -icount).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong ReadTimestamp() => Native.ReadTimestampCounter();

    /// <summary>Makes <paramref name="root"/> the page-table root this CPU translates with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void LoadAddressSpace(ulong root) => Native.WriteCr3(root);

    /// <summary>Drops this CPU's cached translation of <paramref name="virtualAddress"/>'s page (in every view of it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InvalidatePage(ulong virtualAddress)
    {
        Native.InvalidatePage(virtualAddress);
        if (PageTableIsolation.Enabled) PageTableIsolation.OnInvalidate(virtualAddress);
    }

    /// <summary>
    /// Copies between kernel memory and pages of the current process: the one place the kernel touches user pages (on
    /// x86-64 with SMAP, only inside this copy). The caller has checked that the user range lies in the user half; a
    /// page that is missing (or read-only, when written) stops the copy part-way and the value is false (EFAULT), the
    /// fault being taken by the copy itself, never reported as the kernel's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CopyUser(void* destination, void* source, nuint count) =>
        Native.UserCopy(destination, source, count, CpuFeatures.Smap ? 1u : 0u) == 0;
}
