using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>Reads and writes that the compiler and CPU may not reorder across.</summary>
public static class Volatile
{
    private struct VolatileInt32 { public volatile int Value; }
    private struct VolatileUInt32 { public volatile uint Value; }
    private struct VolatileBoolean { public volatile bool Value; }
    private struct VolatileByte { public volatile byte Value; }
    private struct VolatileSByte { public volatile sbyte Value; }
    private struct VolatileInt16 { public volatile short Value; }
    private struct VolatileUInt16 { public volatile ushort Value; }
    private struct VolatileIntPtr { public volatile nint Value; }
    private struct VolatileUIntPtr { public volatile nuint Value; }

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

    /// <summary>A volatile read.</summary>
    public static sbyte Read(ref readonly sbyte location) => Unsafe.As<sbyte, VolatileSByte>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref sbyte location, sbyte value) => Unsafe.As<sbyte, VolatileSByte>(ref location).Value = value;

    /// <summary>A volatile read.</summary>
    public static short Read(ref readonly short location) => Unsafe.As<short, VolatileInt16>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref short location, short value) => Unsafe.As<short, VolatileInt16>(ref location).Value = value;

    /// <summary>A volatile read.</summary>
    public static ushort Read(ref readonly ushort location) => Unsafe.As<ushort, VolatileUInt16>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref ushort location, ushort value) => Unsafe.As<ushort, VolatileUInt16>(ref location).Value = value;

    /// <summary>A volatile read.</summary>
    public static nint Read(ref readonly nint location) => Unsafe.As<nint, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref nint location, nint value) => Unsafe.As<nint, VolatileIntPtr>(ref location).Value = value;

    /// <summary>A volatile read.</summary>
    public static nuint Read(ref readonly nuint location) => Unsafe.As<nuint, VolatileUIntPtr>(ref Unsafe.AsRef(in location)).Value;

    /// <summary>A volatile write.</summary>
    public static void Write(ref nuint location, nuint value) => Unsafe.As<nuint, VolatileUIntPtr>(ref location).Value = value;

    /// <summary>A volatile read (x86-64 8-byte loads are atomic when aligned).</summary>
    public static ulong Read(ref readonly ulong location) => (ulong)Read(ref Unsafe.As<ulong, long>(ref Unsafe.AsRef(in location)));

    /// <summary>A volatile write.</summary>
    public static void Write(ref ulong location, ulong value) => Write(ref Unsafe.As<ulong, long>(ref location), (long)value);
}
