using System.Collections.Generic;

namespace Redox.Testing.Devices;

/// <summary>
/// A Super I/O chip's configuration interface on an index/data port pair (0x2E/0x2F or 0x4E/0x4F). It enters
/// configuration mode only after its family's key (ITE: 0x87 0x01 0x55 0x55, or 0xAA last at 0x4E; Nuvoton:
/// 0x87 0x87); outside it the data port reads 0xFF and writes are ignored. <see cref="It8728F"/> and
/// <see cref="Nct6779D"/> build the two chips; any ID can be given to model an unknown or garbage chip.
/// Map it with <c>bus.MapPorts(port, 2, model)</c>.
/// </summary>
public sealed class SuperIoModel : IPortDevice
{
    private readonly byte[] _global = new byte[0x30];
    private readonly Dictionary<int, byte[]> _logical = new();
    private readonly List<byte> _key = new();
    private byte _index;

    /// <summary>True for the ITE key and exit, false for Nuvoton/Winbond.</summary>
    public bool IteFamily { get; }

    /// <summary>The index port.</summary>
    public ushort Port { get; }

    /// <summary>True while in configuration mode.</summary>
    public bool InConfigMode { get; private set; }

    /// <summary>How many times configuration mode was left (to prove the driver exits).</summary>
    public int Exits { get; private set; }

    /// <summary>A chip of the given family at <paramref name="port"/> answering <paramref name="chipId"/>.</summary>
    public SuperIoModel(ushort port, bool iteFamily, ushort chipId, byte revisionRegister = 0)
    {
        Port = port;
        IteFamily = iteFamily;
        _global[0x20] = (byte)(chipId >> 8);
        _global[0x21] = (byte)chipId;
        _global[0x22] = revisionRegister;
    }

    /// <summary>An ITE IT8728F (ID 0x8728, revision 1): UART 1 (LDN 1) at 0x3F8 IRQ 4 enabled, environment controller (LDN 4) at 0x290.</summary>
    public static SuperIoModel It8728F(ushort port = 0x2E)
    {
        var m = new SuperIoModel(port, true, 0x8728, 0x01);
        m.LogicalDevice(1, true, 0x3F8, 4);
        m.LogicalDevice(4, true, 0x290, 0);
        m.LogicalDevice(7, false, 0, 0); // GPIO, not activated, no base: not reported
        return m;
    }

    /// <summary>A Nuvoton NCT6779D (ID 0xC562: C560 under mask FFF8, revision 2): UART A (LDN 2) at 0x3F8 IRQ 4, hardware monitor (LDN 0x0B) at 0x290.</summary>
    public static SuperIoModel Nct6779D(ushort port = 0x2E)
    {
        var m = new SuperIoModel(port, false, 0xC562);
        m.LogicalDevice(2, true, 0x3F8, 4);
        m.LogicalDevice(0x0B, true, 0x290, 0);
        return m;
    }

    /// <summary>Defines logical device <paramref name="number"/>.</summary>
    public void LogicalDevice(int number, bool enabled, ushort ioBase, byte irq)
    {
        var r = new byte[0x100];
        r[0x30] = (byte)(enabled ? 1 : 0);
        r[0x60] = (byte)(ioBase >> 8);
        r[0x61] = (byte)ioBase;
        r[0x70] = irq;
        _logical[number] = r;
    }

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        if (port == Port || !InConfigMode)
        {
            return 0xFF;
        }
        if (_index < 0x30)
        {
            return _global[_index];
        }
        return _logical.TryGetValue(_global[0x07], out var r) ? r[_index] : 0xFFu;
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        byte b = (byte)value;
        if (port == Port)
        {
            if (InConfigMode)
            {
                if (!IteFamily && b == 0xAA)
                {
                    InConfigMode = false;
                    Exits++;
                    return;
                }
                _index = b;
                return;
            }
            Key(b);
            return;
        }
        if (!InConfigMode)
        {
            return;
        }
        if (IteFamily && _index == 0x02 && (b & 0x02) != 0)
        {
            InConfigMode = false;
            Exits++;
            return;
        }
        if (_index == 0x07)
        {
            _global[0x07] = b;
        }
        else if (_index >= 0x30 && _logical.TryGetValue(_global[0x07], out var r))
        {
            r[_index] = b;
        }
    }

    private void Key(byte b)
    {
        _key.Add(b);
        byte[] expected = IteFamily
            ? new byte[] { 0x87, 0x01, 0x55, Port == 0x4E ? (byte)0xAA : (byte)0x55 }
            : new byte[] { 0x87, 0x87 };
        // Keep the longest suffix that is a prefix of the key.
        while (_key.Count > 0 && !IsPrefix(expected))
        {
            _key.RemoveAt(0);
        }
        if (_key.Count == expected.Length)
        {
            InConfigMode = true;
            _key.Clear();
        }
    }

    private bool IsPrefix(byte[] expected)
    {
        if (_key.Count > expected.Length)
        {
            return false;
        }
        for (int i = 0; i < _key.Count; i++)
        {
            if (_key[i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }
}
