using System.Runtime.CompilerServices;
using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: the I/O port space, for the kernel's own few devices behind ports (the CMOS clock it reads once at
/// boot, QEMU's exit device). An arch without ports has none of those devices and no callers.
/// </summary>
public static class Ports
{
    /// <summary>Reads a byte from <paramref name="port"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static byte In8(ushort port) => Native.In8(port);

    /// <summary>Writes a byte to <paramref name="port"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Out8(ushort port, byte value) => Native.Out8(port, value);

    /// <summary>Writes a double word to <paramref name="port"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Out32(ushort port, uint value) => Native.Out32(port, value);
}
