using System;

namespace Redox.Drivers.Lpc.Pci;

/// <summary>
/// Reads configuration headers and enumerates one bus by brute force (device 0-31, function 0 and, when the
/// header type's bit 7 says multi-function, functions 1-7). A vendor ID of 0xFFFF means "no function": the
/// host bridge completes the read with all ones (PCI 3.0 §6.1). Enumerating bus 0 finds the chipset's own
/// functions, where the LPC/ISA bridge lives; bridges to further buses are not followed (not needed for LPC).
/// </summary>
/// <typeparam name="TConfig">Configuration-space back end.</typeparam>
public struct PciBus<TConfig>
    where TConfig : struct, IPciConfig
{
    /// <summary>Class code of an ISA bridge (base class 0x06 bridge, sub-class 0x01 ISA); LPC bridges report it too.</summary>
    public const ushort IsaBridgeClass = 0x0601;

    private TConfig _config;

    /// <summary>A bus reader over <paramref name="config"/>.</summary>
    public PciBus(TConfig config)
    {
        _config = config;
    }

    /// <summary>Reads the dword at <paramref name="offset"/>.</summary>
    public uint Read32(PciAddress address, int offset) => _config.Read32(address, offset);

    /// <summary>Reads the word at <paramref name="offset"/> (must be even).</summary>
    public ushort Read16(PciAddress address, int offset) => (ushort)(_config.Read32(address, offset) >> ((offset & 2) * 8));

    /// <summary>Reads the byte at <paramref name="offset"/>.</summary>
    public byte Read8(PciAddress address, int offset) => (byte)(_config.Read32(address, offset) >> ((offset & 3) * 8));

    /// <summary>Reads the identity of the function at <paramref name="address"/>; false when nothing answers there.</summary>
    public bool TryRead(PciAddress address, out PciFunction function)
    {
        function = default;
        uint ids = _config.Read32(address, 0x00);
        if ((ids & 0xFFFF) == 0xFFFF)
        {
            return false;
        }
        uint classRev = _config.Read32(address, 0x08);
        function.Address = address;
        function.VendorId = (ushort)ids;
        function.DeviceId = (ushort)(ids >> 16);
        function.Revision = (byte)classRev;
        function.ProgIf = (byte)(classRev >> 8);
        function.SubClass = (byte)(classRev >> 16);
        function.BaseClass = (byte)(classRev >> 24);
        function.HeaderType = (byte)(Read8(address, 0x0E) & 0x7F);
        if (function.HeaderType == 0)
        {
            uint subsystem = _config.Read32(address, 0x2C);
            function.SubsystemVendorId = (ushort)subsystem;
            function.SubsystemId = (ushort)(subsystem >> 16);
        }
        return true;
    }

    /// <summary>
    /// Fills <paramref name="found"/> with the functions of bus <paramref name="bus"/> in address order; the value
    /// is how many were found (at most <c>found.Length</c>; a bus has at most 256).
    /// </summary>
    public int Enumerate(byte bus, Span<PciFunction> found)
    {
        int count = 0;
        for (int device = 0; device < 32; device++)
        {
            var first = new PciAddress(bus, device, 0);
            if (!TryRead(first, out PciFunction function))
            {
                continue;
            }
            if (count < found.Length)
            {
                found[count++] = function;
            }
            bool multiFunction = (Read8(first, 0x0E) & 0x80) != 0;
            for (int fn = 1; multiFunction && fn < 8; fn++)
            {
                if (TryRead(new PciAddress(bus, device, fn), out function) && count < found.Length)
                {
                    found[count++] = function;
                }
            }
        }
        return count;
    }
}
