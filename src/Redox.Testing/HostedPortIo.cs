using System;
using Redox.Syscall.Io;

namespace Redox.Testing;

/// <summary>
/// The host's <see cref="IPortIo"/>: every port access goes to <see cref="SimulatedBus.Current"/>.
/// Use it as the type argument of a driver under test: <c>new CmosScheme&lt;HostedPortIo&gt;()</c>.
/// Throws when the thread has no bus bound, so a forgotten binding fails loudly in a test.
/// </summary>
public struct HostedPortIo : IPortIo
{
    private static SimulatedBus Bus => SimulatedBus.Current
        ?? throw new InvalidOperationException("No SimulatedBus bound to this thread: use bus.Bind() or a HostedKernel driver thread.");

    /// <inheritdoc/>
    public static byte In8(ushort port) => (byte)Bus.In(port, 1);

    /// <inheritdoc/>
    public static ushort In16(ushort port) => (ushort)Bus.In(port, 2);

    /// <inheritdoc/>
    public static uint In32(ushort port) => Bus.In(port, 4);

    /// <inheritdoc/>
    public static void Out8(ushort port, byte value) => Bus.Out(port, 1, value);

    /// <inheritdoc/>
    public static void Out16(ushort port, ushort value) => Bus.Out(port, 2, value);

    /// <inheritdoc/>
    public static void Out32(ushort port, uint value) => Bus.Out(port, 4, value);
}
