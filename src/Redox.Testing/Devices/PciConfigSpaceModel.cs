using System.Collections.Generic;

namespace Redox.Testing.Devices;

/// <summary>
/// PCI configuration space behind mechanism #1 (CONFIG_ADDRESS 0xCF8, CONFIG_DATA 0xCFC-0xCFF): functions with
/// 256-byte headers and per-byte write masks (read-only bits stay put, as in hardware and QEMU). Absent functions
/// read all ones. <see cref="Q35"/> and <see cref="I440fx"/> build the bus 0 of QEMU's two PC machines.
/// Map it with <c>bus.MapPorts(0xCF8, 8, model)</c>.
/// </summary>
public sealed class PciConfigSpaceModel : IPortDevice
{
    private readonly Dictionary<int, Function> _functions = new();
    private uint _address;

    /// <summary>One function's registers.</summary>
    public sealed class Function
    {
        /// <summary>The 256 configuration bytes.</summary>
        public byte[] Config { get; } = new byte[256];

        /// <summary>Bits the host may change, per byte (0 = read-only).</summary>
        public byte[] WriteMask { get; } = new byte[256];

        /// <summary>Sets a little-endian 16-bit value.</summary>
        public Function Set16(int offset, ushort value)
        {
            Config[offset] = (byte)value;
            Config[offset + 1] = (byte)(value >> 8);
            return this;
        }

        /// <summary>Sets a little-endian 32-bit value.</summary>
        public Function Set32(int offset, uint value)
        {
            Set16(offset, (ushort)value);
            return Set16(offset + 2, (ushort)(value >> 16));
        }

        /// <summary>Makes <paramref name="count"/> bytes from <paramref name="offset"/> fully writable.</summary>
        public Function Writable(int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                WriteMask[offset + i] = 0xFF;
            }
            return this;
        }
    }

    /// <summary>Configuration writes seen (address, value), for tests that must prove the driver only reads.</summary>
    public int DataWrites { get; private set; }

    /// <summary>Adds a type-0 function and returns it for further set-up.</summary>
    public Function Add(int bus, int device, int function, ushort vendor, ushort deviceId, byte baseClass, byte subClass, byte revision = 0, bool multiFunction = false)
    {
        var f = new Function();
        f.Set16(0x00, vendor).Set16(0x02, deviceId);
        f.Config[0x08] = revision;
        f.Config[0x0A] = subClass;
        f.Config[0x0B] = baseClass;
        f.Config[0x0E] = (byte)(multiFunction ? 0x80 : 0x00);
        f.Writable(0x04, 2); // command register
        _functions[Key(bus, device, function)] = f;
        return f;
    }

    /// <summary>The function at an address, or null.</summary>
    public Function? Get(int bus, int device, int function) => _functions.TryGetValue(Key(bus, device, function), out var f) ? f : null;

    /// <summary>
    /// QEMU q35 bus 0: host bridge 8086:29c0 at 00:00.0, ICH9 LPC 8086:2918 (rev 2) at 00:1f.0 with SATA (1f.2) and
    /// SMBus (1f.3), every function with QEMU's subsystem 1af4:1100. LPC: PMBASE 0x600, ACPI enabled (SCI IRQ 9),
    /// RCBA 0xfed1c000 enabled, LPC_EN with COM A/B, LPT, FDD, KBC, MC, CNF1/2. LPC_IO_DEC and GENx_DEC are not
    /// modelled, as in QEMU: they read 0 and ignore writes.
    /// </summary>
    public static PciConfigSpaceModel Q35()
    {
        var m = new PciConfigSpaceModel();
        m.Add(0, 0, 0, 0x8086, 0x29C0, 0x06, 0x00).Set32(0x2C, 0x1100_1AF4);
        m.Add(0, 1, 0, 0x1234, 0x1111, 0x03, 0x00, 2).Set32(0x2C, 0x1100_1AF4); // VGA
        var lpc = m.Add(0, 0x1F, 0, 0x8086, 0x2918, 0x06, 0x01, 2, multiFunction: true);
        lpc.Set32(0x2C, 0x1100_1AF4).Set32(0x40, 0x0000_0601).Set32(0xF0, 0xFED1_C001).Set16(0x82, 0x3C0F);
        lpc.Config[0x44] = 0x80;
        lpc.Writable(0x40, 4).Writable(0x44, 1).Writable(0xF0, 4);
        m.Add(0, 0x1F, 2, 0x8086, 0x2922, 0x01, 0x06, 2).Set32(0x2C, 0x1100_1AF4);
        m.Add(0, 0x1F, 3, 0x8086, 0x2930, 0x0C, 0x05, 2).Set32(0x2C, 0x1100_1AF4);
        return m;
    }

    /// <summary>
    /// A real ICH9 board's bus 0 (not QEMU): as <see cref="Q35"/> but with a vendor subsystem and implemented LPC_IO_DEC
    /// (COM A 0x3F8, COM B 0x2F8) and GEN1_DEC (0x0A00, 16 ports, enabled).
    /// </summary>
    public static PciConfigSpaceModel Ich9Board()
    {
        var m = Q35();
        var lpc = m.Get(0, 0x1F, 0)!;
        lpc.Set32(0x2C, 0x5000_1043).Set16(0x80, 0x0010).Set32(0x84, 0x000C_0A01);
        lpc.Writable(0x80, 2).Writable(0x84, 16);
        return m;
    }

    /// <summary>QEMU pc (i440fx) bus 0: host bridge 8086:1237 at 00:00.0, PIIX3 ISA bridge 8086:7000 at 00:01.0 with IDE (01.1) and ACPI (01.3).</summary>
    public static PciConfigSpaceModel I440fx()
    {
        var m = new PciConfigSpaceModel();
        m.Add(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00, 2).Set32(0x2C, 0x1100_1AF4);
        m.Add(0, 1, 0, 0x8086, 0x7000, 0x06, 0x01, 0, multiFunction: true).Set32(0x2C, 0x1100_1AF4);
        m.Add(0, 1, 1, 0x8086, 0x7010, 0x01, 0x01, 0).Set32(0x2C, 0x1100_1AF4);
        m.Add(0, 1, 3, 0x8086, 0x7113, 0x06, 0x80, 3).Set32(0x2C, 0x1100_1AF4);
        m.Add(0, 2, 0, 0x1234, 0x1111, 0x03, 0x00, 2).Set32(0x2C, 0x1100_1AF4);
        return m;
    }

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        if (port >= 0xCF8 && port <= 0xCFB)
        {
            return width == 4 ? _address : 0xFFFF_FFFFu;
        }
        var f = Current(out int register);
        int offset = register + (port - 0xCFC);
        uint value = 0;
        for (int i = 0; i < width; i++)
        {
            value |= (uint)(f == null || offset + i > 255 ? 0xFF : f.Config[offset + i]) << (8 * i);
        }
        return value;
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        if (port == 0xCF8 && width == 4)
        {
            _address = value;
            return;
        }
        if (port < 0xCFC)
        {
            return;
        }
        var f = Current(out int register);
        DataWrites++;
        if (f == null)
        {
            return;
        }
        int offset = register + (port - 0xCFC);
        for (int i = 0; i < width && offset + i < 256; i++)
        {
            byte mask = f.WriteMask[offset + i];
            byte b = (byte)(value >> (8 * i));
            f.Config[offset + i] = (byte)((f.Config[offset + i] & ~mask) | (b & mask));
        }
    }

    private Function? Current(out int register)
    {
        register = (int)(_address & 0xFC);
        if ((_address & 0x8000_0000) == 0)
        {
            return null;
        }
        int bus = (int)(_address >> 16) & 0xFF;
        int device = (int)(_address >> 11) & 0x1F;
        int function = (int)(_address >> 8) & 0x7;
        return Get(bus, device, function);
    }

    private static int Key(int bus, int device, int function) => (bus << 8) | (device << 3) | function;
}
