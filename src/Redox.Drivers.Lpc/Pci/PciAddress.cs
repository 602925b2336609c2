namespace Redox.Drivers.Lpc.Pci;

/// <summary>A PCI function's place: bus (0-255), device (0-31), function (0-7), written <c>bb:dd.f</c>.</summary>
public readonly struct PciAddress
{
    /// <summary>Bus number.</summary>
    public readonly byte Bus;

    /// <summary>Device number (0-31).</summary>
    public readonly byte Device;

    /// <summary>Function number (0-7).</summary>
    public readonly byte Function;

    /// <summary>The function <paramref name="bus"/>:<paramref name="device"/>.<paramref name="function"/> (device and function masked to their widths).</summary>
    public PciAddress(byte bus, int device, int function)
    {
        Bus = bus;
        Device = (byte)(device & 0x1F);
        Function = (byte)(function & 0x7);
    }
}
