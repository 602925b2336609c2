using System.Runtime.CompilerServices;
using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: the device interrupt lines (ISA IRQ numbers 0-15 on a PC): mask, unmask, acknowledge. On x86-64
/// the two 8259 PICs (Pic.cs); IrqLines, the <c>irq:</c> scheme, drives them through this.
/// </summary>
public static class InterruptController
{
    /// <summary>Delivers <paramref name="line"/> again.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Unmask(int line) => Pic.Unmask(line);

    /// <summary>Holds <paramref name="line"/> back.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Mask(int line) => Pic.Mask(line);

    /// <summary>Tells the controller <paramref name="line"/>'s interrupt was handled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void EndOfInterrupt(int line) => Pic.EndOfInterrupt(line);
}
