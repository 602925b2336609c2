namespace Redox.Syscall.Io;

/// <summary>
/// The memory-mapped I/O seam, shaped like <see cref="IPortIo"/>: drivers are generic over
/// <c>TMem : struct, IMemoryIo</c>. <see cref="DirectMemoryIo"/> touches the address (bare metal, or host
/// memory that stands in for a device); <c>Redox.Testing.HostedMemoryIo</c> routes to simulated devices.
/// </summary>
public interface IMemoryIo
{
    /// <summary>Reads a byte at <paramref name="address"/>.</summary>
    static abstract byte Read8(nuint address);

    /// <summary>Reads 16 bits at <paramref name="address"/>.</summary>
    static abstract ushort Read16(nuint address);

    /// <summary>Reads 32 bits at <paramref name="address"/>.</summary>
    static abstract uint Read32(nuint address);

    /// <summary>Reads 64 bits at <paramref name="address"/>.</summary>
    static abstract ulong Read64(nuint address);

    /// <summary>Writes a byte at <paramref name="address"/>.</summary>
    static abstract void Write8(nuint address, byte value);

    /// <summary>Writes 16 bits at <paramref name="address"/>.</summary>
    static abstract void Write16(nuint address, ushort value);

    /// <summary>Writes 32 bits at <paramref name="address"/>.</summary>
    static abstract void Write32(nuint address, uint value);

    /// <summary>Writes 64 bits at <paramref name="address"/>.</summary>
    static abstract void Write64(nuint address, ulong value);
}
