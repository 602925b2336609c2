using System.Runtime.CompilerServices;

namespace Redox.Syscall.Io;

/// <summary>
/// A 16-bit I/O port (Redox <c>Pio&lt;u16&gt;</c>) accessed through <typeparamref name="TPort"/>:
/// zero-cost on bare metal, simulated on the host.
/// </summary>
/// <typeparam name="TPort">The port-I/O back end (<see cref="BareMetalPortIo"/> or a hosted one).</typeparam>
public readonly struct Pio16<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>The port number.</summary>
    public readonly ushort Port;

    /// <summary>A handle on port <paramref name="port"/>.</summary>
    public Pio16(ushort port)
    {
        Port = port;
    }

    /// <summary>Reads the port.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort Read() => TPort.In16(Port);

    /// <summary>Writes <paramref name="value"/> to the port.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ushort value) => TPort.Out16(Port, value);

    /// <summary>True when every bit of <paramref name="mask"/> reads as set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadFlags(ushort mask) => (ushort)(Read() & mask) == mask;
}
