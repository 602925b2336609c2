namespace Redox.Testing;

/// <summary>A simulated device answering on a range of I/O ports (an i8042, a 16550 UART, the CMOS).</summary>
public interface IPortDevice
{
    /// <summary>An <c>in</c> of <paramref name="width"/> bytes (1, 2 or 4) from <paramref name="port"/>.</summary>
    uint In(ushort port, int width);

    /// <summary>An <c>out</c> of <paramref name="width"/> bytes (1, 2 or 4) to <paramref name="port"/>.</summary>
    void Out(ushort port, int width, uint value);
}
