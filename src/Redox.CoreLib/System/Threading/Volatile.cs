using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>Reads and writes that the compiler and CPU may not reorder across.</summary>
public static class Volatile
{
    private struct VolatileInt32 { public volatile int Value; }
    private struct VolatileUInt32 { public volatile uint Value; }
    private struct VolatileBoolean { public volatile bool Value; }
    private struct VolatileByte { public volatile byte Value; }

    /// <summary>A volatile read.</summary>
    public static int Read(ref readonly int location) => Unsafe.As<int, VolatileInt32>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt32>(ref location).Value = value;

    /// <summary>A volatile read.</summary>
    public static uint Read(ref readonly uint location) => Unsafe.As<uint, VolatileUInt32>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;

    /// <summary>A volatile read (x86-64 loads are atomic and ordered).</summary>
    public static long Read(ref readonly long location) => Interlocked.CompareExchange(ref Unsafe.AsRef(in location), 0, 0);

    /// <summary>A volatile write.</summary>
    public static void Write(ref long location, long value) => Interlocked.Exchange(ref location, value);

    /// <summary>A volatile read.</summary>
    public static bool Read(ref readonly bool location) => Unsafe.As<bool, VolatileBoolean>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBoolean>(ref location).Value = value;

    /// <summary>A volatile read.</summary>
    public static byte Read(ref readonly byte location) => Unsafe.As<byte, VolatileByte>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref byte location, byte value) => Unsafe.As<byte, VolatileByte>(ref location).Value = value;
}
