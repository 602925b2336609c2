using System.Runtime.CompilerServices;

namespace Redox.Syscall.Io;

/// <summary>
/// A window of device registers at <see cref="Base"/> (a BAR, the HPET, an APIC page) accessed through
/// <typeparamref name="TMem"/>. Offsets outside <see cref="Length"/> read as all ones (like a missing
/// device on the bus) and writes to them are dropped: no exception, no stray access.
/// </summary>
/// <typeparam name="TMem">The memory-I/O back end.</typeparam>
public readonly struct MmioRegion<TMem>
    where TMem : struct, IMemoryIo
{
    /// <summary>First address of the window.</summary>
    public readonly nuint Base;

    /// <summary>Length of the window in bytes.</summary>
    public readonly nuint Length;

    /// <summary>A window of <paramref name="length"/> bytes at <paramref name="baseAddress"/>.</summary>
    public MmioRegion(nuint baseAddress, nuint length)
    {
        Base = baseAddress;
        Length = length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fits(nuint offset, nuint size) => offset <= Length && size <= Length - offset;

    /// <summary>Reads 8 bits at <paramref name="offset"/>.</summary>
    public byte Read8(nuint offset) => Fits(offset, 1) ? TMem.Read8(Base + offset) : byte.MaxValue;

    /// <summary>Reads 16 bits at <paramref name="offset"/>.</summary>
    public ushort Read16(nuint offset) => Fits(offset, 2) ? TMem.Read16(Base + offset) : ushort.MaxValue;

    /// <summary>Reads 32 bits at <paramref name="offset"/>.</summary>
    public uint Read32(nuint offset) => Fits(offset, 4) ? TMem.Read32(Base + offset) : uint.MaxValue;

    /// <summary>Reads 64 bits at <paramref name="offset"/>.</summary>
    public ulong Read64(nuint offset) => Fits(offset, 8) ? TMem.Read64(Base + offset) : ulong.MaxValue;

    /// <summary>Writes 8 bits at <paramref name="offset"/>.</summary>
    public void Write8(nuint offset, byte value)
    {
        if (Fits(offset, 1))
        {
            TMem.Write8(Base + offset, value);
        }
    }

    /// <summary>Writes 16 bits at <paramref name="offset"/>.</summary>
    public void Write16(nuint offset, ushort value)
    {
        if (Fits(offset, 2))
        {
            TMem.Write16(Base + offset, value);
        }
    }

    /// <summary>Writes 32 bits at <paramref name="offset"/>.</summary>
    public void Write32(nuint offset, uint value)
    {
        if (Fits(offset, 4))
        {
            TMem.Write32(Base + offset, value);
        }
    }

    /// <summary>Writes 64 bits at <paramref name="offset"/>.</summary>
    public void Write64(nuint offset, ulong value)
    {
        if (Fits(offset, 8))
        {
            TMem.Write64(Base + offset, value);
        }
    }
}
