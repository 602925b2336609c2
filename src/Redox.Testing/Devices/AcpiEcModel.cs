using System.Collections.Generic;

namespace Redox.Testing.Devices;

/// <summary>
/// An ACPI embedded controller (ACPI 6.5 §12.3) on a data port (0x62) and a command/status port (0x66): 256 bytes
/// of EC space, RD_EC/WR_EC/QR_EC/BE_EC/BD_EC. A byte the host writes sets IBF, and the EC takes it after
/// <see cref="Latency"/> further status reads; an answer sets OBF until the host reads the data port.
/// <see cref="Stuck"/> makes IBF stay set forever (a hung EC). Map it twice: <c>MapPorts(0x62, 1, m)</c> and
/// <c>MapPorts(0x66, 1, m)</c>.
/// </summary>
public sealed class AcpiEcModel : IPortDevice
{
    private readonly Queue<byte> _events = new();
    private bool _ibf, _obf, _inputIsCommand, _burst;
    private byte _input, _output;
    private int _wait;
    private byte _command;
    private int _stage;
    private byte _address;

    /// <summary>A model on the given ports.</summary>
    public AcpiEcModel(ushort dataPort = 0x62, ushort commandPort = 0x66)
    {
        DataPort = dataPort;
        CommandPort = commandPort;
    }

    /// <summary>The data port.</summary>
    public ushort DataPort { get; }

    /// <summary>The command/status port.</summary>
    public ushort CommandPort { get; }

    /// <summary>EC space.</summary>
    public byte[] Space { get; } = new byte[256];

    /// <summary>Status reads before the EC takes an input byte.</summary>
    public int Latency { get; set; } = 2;

    /// <summary>When true, IBF never clears.</summary>
    public bool Stuck { get; set; }

    /// <summary>Queues an SCI event for QR_EC (and sets SCI_EVT).</summary>
    public void RaiseEvent(byte number) => _events.Enqueue(number);

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        if (port == DataPort)
        {
            _obf = false;
            return _output;
        }
        if (_ibf && !Stuck && _wait-- <= 0)
        {
            Take();
        }
        return (uint)((_obf ? 0x01 : 0) | (_ibf ? 0x02 : 0) | (_inputIsCommand ? 0x08 : 0) | (_burst ? 0x10 : 0) | (_events.Count > 0 ? 0x20 : 0));
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        _ibf = true;
        _input = (byte)value;
        _inputIsCommand = port == CommandPort;
        _wait = Latency;
    }

    private void Take()
    {
        _ibf = false;
        if (_inputIsCommand)
        {
            _command = _input;
            _stage = 0;
            switch (_command)
            {
                case 0x84:
                    Answer(_events.Count > 0 ? _events.Dequeue() : (byte)0);
                    break;
                case 0x82:
                    _burst = true;
                    Answer(0x90);
                    break;
                case 0x83:
                    _burst = false;
                    break;
            }
            return;
        }
        if (_command == 0x80 && _stage == 0)
        {
            Answer(Space[_input]);
            _stage = 1;
        }
        else if (_command == 0x81 && _stage == 0)
        {
            _address = _input;
            _stage = 1;
        }
        else if (_command == 0x81 && _stage == 1)
        {
            Space[_address] = _input;
            _stage = 2;
        }
    }

    private void Answer(byte value)
    {
        _output = value;
        _obf = true;
    }
}
