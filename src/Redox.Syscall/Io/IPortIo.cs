namespace Redox.Syscall.Io;

/// <summary>
/// The port-I/O seam. Drivers are generic over <c>TPort : struct, IPortIo</c>; the static abstract
/// members are resolved at compile time, so on bare metal (<see cref="BareMetalPortIo"/>) a port access
/// is a direct call to the <c>in</c>/<c>out</c> stub and on the host (<c>Redox.Testing.HostedPortIo</c>)
/// it reaches a simulated device. No interface call, no instance, no allocation.
/// </summary>
public interface IPortIo
{
    /// <summary><c>inb</c>: reads a byte from <paramref name="port"/>.</summary>
    static abstract byte In8(ushort port);

    /// <summary><c>inw</c>: reads a 16-bit word from <paramref name="port"/>.</summary>
    static abstract ushort In16(ushort port);

    /// <summary><c>inl</c>: reads a 32-bit word from <paramref name="port"/>.</summary>
    static abstract uint In32(ushort port);

    /// <summary><c>outb</c>: writes a byte to <paramref name="port"/>.</summary>
    static abstract void Out8(ushort port, byte value);

    /// <summary><c>outw</c>: writes a 16-bit word to <paramref name="port"/>.</summary>
    static abstract void Out16(ushort port, ushort value);

    /// <summary><c>outl</c>: writes a 32-bit word to <paramref name="port"/>.</summary>
    static abstract void Out32(ushort port, uint value);
}
