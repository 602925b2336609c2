using System.Runtime.CompilerServices;

namespace Redox.Syscall.Io;

/// <summary>
/// A 32-bit I/O port (Redox <c>Pio&lt;u32&gt;</c>) accessed through <typeparamref name="TPort"/>:
/// zero-cost on bare metal, simulated on the host.
/// </summary>
/// <typeparam name="TPort">The port-I/O back end (<see cref="BareMetalPortIo"/> or a hosted one).</typeparam>
public readonly struct Pio32<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>The port number.</summary>
    public readonly ushort Port;

    /// <summary>A handle on port <paramref name="port"/>.</summary>
    public Pio32(ushort port)
    {
        Port = port;
    }

    /// <summary>Reads the port.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Read() => TPort.In32(Port);

    /// <summary>Writes <paramref name="value"/> to the port.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(uint value) => TPort.Out32(Port, value);

    /// <summary>True when every bit of <paramref name="mask"/> reads as set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadFlags(uint mask) => (uint)(Read() & mask) == mask;
}
