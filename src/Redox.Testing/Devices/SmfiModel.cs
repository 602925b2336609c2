using System.Collections.Generic;
using System.Text;

namespace Redox.Testing.Devices;

/// <summary>
/// A System76-style EC command window (SMFI) of 256 ports: [0] CMD, [1] RES, [2..] data. Writing a command to CMD
/// runs it after <see cref="Latency"/> reads of CMD, then sets RES (0 OK, 1 unknown command) and clears CMD. PROBE (1)
/// answers 0x76 0xEC and version 1; BOARD (2) and VERSION (3) answer NUL-terminated strings; PRINT (4) appends the
/// bytes at [4..4+len) to <see cref="Printed"/>. <see cref="Stuck"/> keeps CMD set forever.
/// Map it with <c>bus.MapPorts(0xE00, 256, model)</c>.
/// </summary>
public sealed class SmfiModel : IPortDevice
{
    private readonly byte[] _window = new byte[256];
    private int _wait;

    /// <summary>A window at <paramref name="basePort"/>.</summary>
    public SmfiModel(ushort basePort = 0xE00)
    {
        Base = basePort;
    }

    /// <summary>The base port.</summary>
    public ushort Base { get; }

    /// <summary>The board name BOARD answers.</summary>
    public string Board { get; set; } = "system76/galp5";

    /// <summary>The firmware version VERSION answers.</summary>
    public string Version { get; set; } = "2026-12-01_abcdef0";

    /// <summary>What PRINT printed.</summary>
    public List<byte> Printed { get; } = new();

    /// <summary>Reads of CMD before a command completes.</summary>
    public int Latency { get; set; } = 1;

    /// <summary>When true, commands never complete.</summary>
    public bool Stuck { get; set; }

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        int offset = port - Base;
        if (offset == 0 && _window[0] != 0 && !Stuck && _wait-- <= 0)
        {
            Execute();
        }
        return _window[offset];
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        int offset = port - Base;
        _window[offset] = (byte)value;
        if (offset == 0)
        {
            _wait = Latency;
        }
    }

    private void Execute()
    {
        byte result = 0;
        switch (_window[0])
        {
            case 1:
                _window[2] = 0x76;
                _window[3] = 0xEC;
                _window[4] = 1;
                break;
            case 2:
                PutString(Board);
                break;
            case 3:
                PutString(Version);
                break;
            case 4:
                int length = _window[3];
                for (int i = 0; i < length && 4 + i < 256; i++)
                {
                    Printed.Add(_window[4 + i]);
                }
                break;
            default:
                result = 1;
                break;
        }
        _window[1] = result;
        _window[0] = 0;
    }

    private void PutString(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        for (int i = 0; i < bytes.Length && 2 + i < 255; i++)
        {
            _window[2 + i] = bytes[i];
        }
        _window[2 + bytes.Length] = 0;
    }
}
