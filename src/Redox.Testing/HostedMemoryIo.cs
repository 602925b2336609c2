using System;
using Redox.Syscall.Io;

namespace Redox.Testing;

/// <summary>
/// The host's <see cref="IMemoryIo"/>: addresses are bus addresses of <see cref="SimulatedBus.Current"/>,
/// answered by the <see cref="IMemoryDevice"/> mapped there (nothing is dereferenced).
/// </summary>
public struct HostedMemoryIo : IMemoryIo
{
    private static SimulatedBus Bus => SimulatedBus.Current
        ?? throw new InvalidOperationException("No SimulatedBus bound to this thread: use bus.Bind() or a HostedKernel driver thread.");

    /// <inheritdoc/>
    public static byte Read8(nuint address) => (byte)Bus.Read(address, 1);

    /// <inheritdoc/>
    public static ushort Read16(nuint address) => (ushort)Bus.Read(address, 2);

    /// <inheritdoc/>
    public static uint Read32(nuint address) => (uint)Bus.Read(address, 4);

    /// <inheritdoc/>
    public static ulong Read64(nuint address) => Bus.Read(address, 8);

    /// <inheritdoc/>
    public static void Write8(nuint address, byte value) => Bus.Write(address, 1, value);

    /// <inheritdoc/>
    public static void Write16(nuint address, ushort value) => Bus.Write(address, 2, value);

    /// <inheritdoc/>
    public static void Write32(nuint address, uint value) => Bus.Write(address, 4, value);

    /// <inheritdoc/>
    public static void Write64(nuint address, ulong value) => Bus.Write(address, 8, value);
}
