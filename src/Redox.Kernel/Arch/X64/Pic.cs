namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The two 8259A interrupt controllers. Remapped so IRQ 0-15 arrive on vectors 32-47 (the BIOS default overlaps
/// the CPU exceptions); every line starts masked and is unmasked when a handler exists.
/// </summary>
public static class Pic
{
    /// <summary>The vector of IRQ 0.</summary>
    public const int VectorBase = 32;

    private const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;
    private const byte EndOfInterruptCommand = 0x20;

    /// <summary>ICW1-ICW4: edge triggered, cascaded on IRQ 2, 8086 mode; then mask everything.</summary>
    public static void Initialize()
    {
        Native.Out8(MasterCommand, 0x11);
        Native.Out8(SlaveCommand, 0x11);
        Native.Out8(MasterData, VectorBase);
        Native.Out8(SlaveData, VectorBase + 8);
        Native.Out8(MasterData, 0x04);
        Native.Out8(SlaveData, 0x02);
        Native.Out8(MasterData, 0x01);
        Native.Out8(SlaveData, 0x01);
        Native.Out8(MasterData, 0xFF);
        Native.Out8(SlaveData, 0xFF);
    }

    /// <summary>Lets <paramref name="irq"/> through.</summary>
    public static void Unmask(int irq)
    {
        ushort port = irq < 8 ? MasterData : SlaveData;
        Native.Out8(port, (byte)(Native.In8(port) & ~(1 << (irq & 7))));
        if (irq >= 8) Native.Out8(MasterData, (byte)(Native.In8(MasterData) & ~(1 << 2)));
    }

    /// <summary>Holds <paramref name="irq"/> back (until <see cref="Unmask"/>).</summary>
    public static void Mask(int irq)
    {
        ushort port = irq < 8 ? MasterData : SlaveData;
        Native.Out8(port, (byte)(Native.In8(port) | (1 << (irq & 7))));
    }

    /// <summary>Acknowledges <paramref name="irq"/> (both controllers for slave lines).</summary>
    public static void EndOfInterrupt(int irq)
    {
        if (irq >= 8) Native.Out8(SlaveCommand, EndOfInterruptCommand);
        Native.Out8(MasterCommand, EndOfInterruptCommand);
    }
}
