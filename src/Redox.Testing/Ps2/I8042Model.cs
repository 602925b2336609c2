using System.Collections.Generic;

namespace Redox.Testing.Ps2;

/// <summary>
/// An i8042 PS/2 controller with a keyboard (<see cref="Keyboard"/>) and a mouse (<see cref="Mouse"/>), for the
/// <see cref="SimulatedBus"/>: map it with <c>bus.MapPorts(0x60, 5, model)</c> (it answers 0x60 and 0x64).
/// <para>
/// It answers the real protocol: status OBF/IBF/system/command/AUX bits; the configuration byte (0x20/0x60);
/// self-test 0xAA → 0x55; port tests 0xAB/0xA9; disable/enable 0xAD/0xAE/0xA7/0xA8 (the port clocks, which
/// hold a device's output back); 0xD4 to the mouse. There is one output buffer: controller answers go first,
/// then the keyboard's bytes, then the mouse's; each byte that reaches it raises IRQ 1 (keyboard) or 12 (mouse)
/// on <see cref="Interrupts"/> when the configuration enables that interrupt. With translation on (config bit 6)
/// the keyboard's set 2 bytes are turned into set 1 on the way, as the 8042 does.
/// </para>
/// Faults for tests: <see cref="SelfTestFails"/>, <see cref="Port1TestResult"/>/<see cref="Port2TestResult"/>,
/// <see cref="HasSecondPort"/>, <see cref="KeyboardConnected"/>/<see cref="MouseConnected"/>,
/// <see cref="SelfTestResetsConfig"/>, <see cref="RaiseSpurious"/> (an IRQ with nothing in the buffer), and
/// the devices' own faults (<see cref="Ps2DeviceModel.Mute"/>, <see cref="Ps2DeviceModel.ResendStorm"/>).
/// </summary>
public sealed class I8042Model : IPortDevice
{
    private readonly object _gate = new();
    private readonly Queue<byte> _controllerOutput = new();
    private readonly List<byte> _commands = new();
    private byte _output;
    private bool _outputFull;
    private bool _outputAux;
    private bool _lastWasCommand;
    private byte _pendingCommand;
    private bool _breakNext;

    /// <summary>A controller with both devices attached, raising interrupts on <paramref name="interrupts"/>.</summary>
    public I8042Model(SimulatedInterrupts? interrupts = null)
    {
        Interrupts = interrupts ?? new SimulatedInterrupts();
        Keyboard = new Ps2KeyboardModel { Gate = _gate };
        Mouse = new Ps2MouseModel { Gate = _gate };
        Keyboard.OutputQueued = Fill;
        Mouse.OutputQueued = Fill;
    }

    /// <summary>Where IRQ 1 and 12 are raised.</summary>
    public SimulatedInterrupts Interrupts { get; }

    /// <summary>The keyboard on the first port.</summary>
    public Ps2KeyboardModel Keyboard { get; }

    /// <summary>The mouse on the second port.</summary>
    public Ps2MouseModel Mouse { get; }

    /// <summary>The configuration byte (firmware leaves 0x47: both interrupts, system flag, translation).</summary>
    public byte Config { get; set; } = 0x47;

    /// <summary>False: a single-channel controller (0xA8 does nothing, config bit 5 stays set, 0xD4 goes nowhere).</summary>
    public bool HasSecondPort { get; set; } = true;

    /// <summary>True: the self-test answers 0xFC.</summary>
    public bool SelfTestFails { get; set; }

    /// <summary>When set, the self-test resets the configuration byte to this value (some chipsets do).</summary>
    public byte? SelfTestResetsConfig { get; set; }

    /// <summary>Answer of the first port test (0 = passed, 1-4 = a stuck line).</summary>
    public byte Port1TestResult { get; set; }

    /// <summary>Answer of the second port test.</summary>
    public byte Port2TestResult { get; set; }

    /// <summary>False: no keyboard is plugged in (bytes sent to it vanish).</summary>
    public bool KeyboardConnected { get; set; } = true;

    /// <summary>False: no mouse is plugged in.</summary>
    public bool MouseConnected { get; set; } = true;

    /// <summary>Every controller command written to port 0x64, in order.</summary>
    public IReadOnlyList<byte> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToArray();
            }
        }
    }

    /// <summary>True while a byte waits in the output buffer.</summary>
    public bool OutputFull
    {
        get
        {
            lock (_gate)
            {
                return _outputFull;
            }
        }
    }

    /// <summary>Raises IRQ <paramref name="line"/> with nothing new in the output buffer (a spurious interrupt).</summary>
    public void RaiseSpurious(int line) => Interrupts.Raise(line);

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        lock (_gate)
        {
            if (port == 0x64)
            {
                return Status();
            }
            if (port != 0x60)
            {
                return 0xFF;
            }
            byte value = _output;
            if (_outputFull)
            {
                _outputFull = false;
                Fill();
            }
            return value;
        }
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        byte b = (byte)value;
        lock (_gate)
        {
            if (port == 0x64)
            {
                _lastWasCommand = true;
                _commands.Add(b);
                Command(b);
            }
            else if (port == 0x60)
            {
                _lastWasCommand = false;
                Data(b);
            }
            Fill();
        }
    }

    private uint Status()
    {
        uint s = 0x10;
        if (_outputFull)
        {
            s |= 0x01;
            if (_outputAux)
            {
                s |= 0x20;
            }
        }
        if ((Config & 0x04) != 0)
        {
            s |= 0x04;
        }
        if (_lastWasCommand)
        {
            s |= 0x08;
        }
        return s;
    }

    private void Command(byte c)
    {
        switch (c)
        {
            case 0x20:
                _controllerOutput.Enqueue(Config);
                break;
            case 0x60:
            case 0xD1:
            case 0xD4:
                _pendingCommand = c;
                break;
            case 0xA7:
                if (HasSecondPort)
                {
                    Config |= 0x20;
                }
                break;
            case 0xA8:
                if (HasSecondPort)
                {
                    Config &= 0xDF;
                }
                break;
            case 0xA9:
                if (HasSecondPort)
                {
                    _controllerOutput.Enqueue(Port2TestResult);
                }
                break;
            case 0xAA:
                _controllerOutput.Enqueue(SelfTestFails ? (byte)0xFC : (byte)0x55);
                if (SelfTestResetsConfig is byte reset)
                {
                    Config = reset;
                }
                break;
            case 0xAB:
                _controllerOutput.Enqueue(Port1TestResult);
                break;
            case 0xAD:
                Config |= 0x10;
                break;
            case 0xAE:
                Config &= 0xEF;
                break;
        }
    }

    private void Data(byte b)
    {
        byte pending = _pendingCommand;
        _pendingCommand = 0;
        switch (pending)
        {
            case 0x60:
                // Bits 3 and 7 read as zero; single-channel controllers keep bit 5 set.
                Config = (byte)(b & 0x77);
                if (!HasSecondPort)
                {
                    Config |= 0x20;
                }
                return;
            case 0xD1:
                return;
            case 0xD4:
                if (HasSecondPort && MouseConnected)
                {
                    Mouse.Receive(b);
                }
                return;
        }
        if (KeyboardConnected)
        {
            Keyboard.Receive(b);
        }
    }

    // Moves the next byte into the empty output buffer: controller answers, then keyboard, then mouse,
    // each device only while its port clock is enabled. Raises the port's IRQ when its interrupt is enabled.
    private void Fill()
    {
        lock (_gate)
        {
            while (!_outputFull)
            {
                if (_controllerOutput.TryDequeue(out byte answer))
                {
                    Load(answer, aux: false);
                    if ((Config & 0x01) != 0)
                    {
                        Interrupts.Raise(1);
                    }
                    return;
                }
                if (KeyboardConnected && (Config & 0x10) == 0 && Keyboard.TryTake(out byte key))
                {
                    if ((Config & 0x40) != 0)
                    {
                        if (key == 0xF0)
                        {
                            _breakNext = true;
                            continue;
                        }
                        byte t = Ps2ScancodeModel.Translate(key);
                        key = _breakNext ? (byte)(t | 0x80) : t;
                        _breakNext = false;
                    }
                    Load(key, aux: false);
                    if ((Config & 0x01) != 0)
                    {
                        Interrupts.Raise(1);
                    }
                    return;
                }
                if (HasSecondPort && MouseConnected && (Config & 0x20) == 0 && Mouse.TryTake(out byte move))
                {
                    Load(move, aux: true);
                    if ((Config & 0x02) != 0)
                    {
                        Interrupts.Raise(12);
                    }
                    return;
                }
                return;
            }
        }
    }

    private void Load(byte value, bool aux)
    {
        _output = value;
        _outputAux = aux;
        _outputFull = true;
    }
}
