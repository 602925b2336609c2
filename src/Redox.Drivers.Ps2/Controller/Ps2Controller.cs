using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The i8042 keyboard controller: status and data ports, controller commands, and device commands with
/// acknowledgement, resend and a time budget on every wait. Generic over the port back end
/// (<typeparamref name="TPort"/>) and the clock (<typeparamref name="TClock"/>), so the same code runs on
/// the real chip and against <c>Redox.Testing.Ps2.I8042Model</c>.
/// <para>
/// The i8042 has one output buffer for both devices. While the driver waits for an answer from one port,
/// bytes from the other one (a key pressed while the mouse is being configured) are not lost: they go
/// to a small stash that <see cref="TryTakeStashed"/> hands to the decoders afterwards.
/// </para>
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
/// <typeparam name="TClock">Time source for the budgets.</typeparam>
[NoAlloc]
public sealed class Ps2Controller<TPort, TClock>
    where TPort : struct, IPortIo
    where TClock : struct, IPs2Clock
{
    private const int StashCapacity = 64;

    private readonly byte[] _stashBytes = new byte[StashCapacity];
    private readonly byte[] _stashPorts = new byte[StashCapacity];
    private int _stashHead;
    private int _stashCount;
    private TClock _clock;

    /// <summary>A controller using <paramref name="clock"/> and <paramref name="timeouts"/> for its waits.</summary>
    public Ps2Controller(TClock clock, Ps2Timeouts timeouts)
    {
        _clock = clock;
        Timeouts = timeouts;
    }

    /// <summary>The time budgets and resend limit.</summary>
    public Ps2Timeouts Timeouts { get; set; }

    /// <summary>True once <see cref="Ps2Initializer.DetectSecondPort"/> (or the caller) found a dual-channel controller.</summary>
    public bool HasSecondPort { get; set; }

    /// <summary>Commands answered 0xFE and sent again (all devices, since start).</summary>
    public ulong Resends { get; private set; }

    /// <summary>Waits that ran out of budget (since start).</summary>
    public ulong TimedOutWaits { get; private set; }

    /// <summary>Bytes dropped because the stash was full (a device flooding during a command).</summary>
    public ulong StashDropped { get; private set; }

    /// <summary>Reads the status register.</summary>
    public Ps2Status ReadStatus() => (Ps2Status)TPort.In8(I8042.StatusPort);

    /// <summary>Reads the data port without looking at the status (the interrupt path checks OBF first).</summary>
    public byte ReadData() => TPort.In8(I8042.DataPort);

    /// <summary>Waits until the controller can take a byte (IBF clear).</summary>
    public Ps2Error WaitWritable()
    {
        ulong start = _clock.NowMicroseconds();
        while (true)
        {
            if ((ReadStatus() & Ps2Status.InputFull) == 0)
            {
                return Ps2Error.None;
            }
            if (_clock.NowMicroseconds() - start >= Timeouts.WriteMicroseconds)
            {
                TimedOutWaits++;
                return Ps2Error.Timeout;
            }
        }
    }

    /// <summary>
    /// Waits for any byte in the output buffer (OBF set) within <paramref name="budgetMicroseconds"/>;
    /// <paramref name="port"/> tells which device sent it (status AUX bit).
    /// </summary>
    public Ps2Error ReadAny(ulong budgetMicroseconds, out byte value, out Ps2Port port)
    {
        ulong start = _clock.NowMicroseconds();
        while (true)
        {
            Ps2Status status = ReadStatus();
            if ((status & Ps2Status.OutputFull) != 0)
            {
                port = (status & Ps2Status.AuxData) != 0 && HasSecondPort ? Ps2Port.Second : Ps2Port.First;
                value = ReadData();
                return Ps2Error.None;
            }
            if (_clock.NowMicroseconds() - start >= budgetMicroseconds)
            {
                TimedOutWaits++;
                value = 0;
                port = Ps2Port.First;
                return Ps2Error.Timeout;
            }
        }
    }

    /// <summary>
    /// Waits for a byte from <paramref name="from"/>; bytes from the other port that arrive meanwhile are
    /// stashed for the decoders.
    /// </summary>
    public Ps2Error ReadFrom(Ps2Port from, ulong budgetMicroseconds, out byte value)
    {
        ulong start = _clock.NowMicroseconds();
        while (true)
        {
            ulong spent = _clock.NowMicroseconds() - start;
            if (spent >= budgetMicroseconds)
            {
                TimedOutWaits++;
                value = 0;
                return Ps2Error.Timeout;
            }
            Ps2Error e = ReadAny(budgetMicroseconds - spent, out value, out Ps2Port port);
            if (e != Ps2Error.None)
            {
                return e;
            }
            if (port == from)
            {
                return Ps2Error.None;
            }
            Stash(value, port);
        }
    }

    /// <summary>Sends controller command <paramref name="command"/> to port 0x64.</summary>
    public Ps2Error Command(byte command)
    {
        Ps2Error e = WaitWritable();
        if (e != Ps2Error.None)
        {
            return e;
        }
        TPort.Out8(I8042.StatusPort, command);
        return Ps2Error.None;
    }

    /// <summary>Sends <paramref name="command"/> followed by its argument byte on port 0x60.</summary>
    public Ps2Error Command(byte command, byte argument)
    {
        Ps2Error e = Command(command);
        return e != Ps2Error.None ? e : WriteData(argument);
    }

    /// <summary>Sends <paramref name="command"/> and reads its one-byte answer (controller answers carry no AUX bit).</summary>
    public Ps2Error CommandRead(byte command, out byte value)
    {
        Ps2Error e = Command(command);
        if (e != Ps2Error.None)
        {
            value = 0;
            return e;
        }
        return ReadFrom(Ps2Port.First, Timeouts.ReadMicroseconds, out value);
    }

    /// <summary>Writes <paramref name="value"/> to port 0x60.</summary>
    public Ps2Error WriteData(byte value)
    {
        Ps2Error e = WaitWritable();
        if (e != Ps2Error.None)
        {
            return e;
        }
        TPort.Out8(I8042.DataPort, value);
        return Ps2Error.None;
    }

    /// <summary>Sends one byte to the device on <paramref name="port"/> (through 0xD4 for the second port).</summary>
    public Ps2Error WriteDevice(Ps2Port port, byte value)
    {
        if (port == Ps2Port.Second)
        {
            if (!HasSecondPort)
            {
                return Ps2Error.NoSecondPort;
            }
            Ps2Error e = Command(I8042.WritePort2);
            if (e != Ps2Error.None)
            {
                return e;
            }
        }
        return WriteData(value);
    }

    /// <summary>
    /// Sends <paramref name="value"/> to a device and waits for its acknowledgement (0xFA). A resend request
    /// (0xFE) sends it again, up to <see cref="Ps2Timeouts.MaxResends"/> times. Any other byte from that device
    /// while waiting is data it was streaming before it saw the command: it is stashed and the wait goes on
    /// (within the same budget). No answer at all is <see cref="Ps2Error.Timeout"/>.
    /// </summary>
    public Ps2Error SendAcked(Ps2Port port, byte value)
    {
        int resends = 0;
        while (true)
        {
            Ps2Error e = WriteDevice(port, value);
            if (e != Ps2Error.None)
            {
                return e;
            }
            ulong start = _clock.NowMicroseconds();
            byte answer;
            while (true)
            {
                ulong spent = _clock.NowMicroseconds() - start;
                if (spent >= Timeouts.ReadMicroseconds)
                {
                    TimedOutWaits++;
                    return Ps2Error.Timeout;
                }
                e = ReadFrom(port, Timeouts.ReadMicroseconds - spent, out answer);
                if (e != Ps2Error.None)
                {
                    return e;
                }
                if (answer == Ps2Device.Ack || answer == Ps2Device.Resend)
                {
                    break;
                }
                Stash(answer, port);
            }
            if (answer == Ps2Device.Ack)
            {
                return Ps2Error.None;
            }
            Resends++;
            if (++resends > Timeouts.MaxResends)
            {
                return Ps2Error.ResendStorm;
            }
        }
    }

    /// <summary>Sends a command and its argument byte, each acknowledged.</summary>
    public Ps2Error SendAcked(Ps2Port port, byte command, byte argument)
    {
        Ps2Error e = SendAcked(port, command);
        return e != Ps2Error.None ? e : SendAcked(port, argument);
    }

    /// <summary>
    /// Resets the device on <paramref name="port"/> (0xFF): acknowledgement, then the self-test result within
    /// <see cref="Ps2Timeouts.ResetMicroseconds"/>. No answer: <see cref="Ps2Error.NoDevice"/>.
    /// </summary>
    public Ps2Error ResetDevice(Ps2Port port)
    {
        Ps2Error e = SendAcked(port, Ps2Device.Reset);
        if (e == Ps2Error.Timeout)
        {
            return Ps2Error.NoDevice;
        }
        if (e != Ps2Error.None)
        {
            return e;
        }
        e = ReadFrom(port, Timeouts.ResetMicroseconds, out byte result);
        if (e != Ps2Error.None)
        {
            return e;
        }
        if (result == Ps2Device.SelfTestPassed)
        {
            return Ps2Error.None;
        }
        return result == Ps2Device.SelfTestFailed1 || result == Ps2Device.SelfTestFailed2
            ? Ps2Error.DeviceSelfTestFailed
            : Ps2Error.UnexpectedResponse;
    }

    /// <summary>
    /// Reads whatever is in the output buffer and drops it, at most <paramref name="limit"/> bytes (so a
    /// controller stuck with OBF set cannot hold the driver); the value is how many were dropped.
    /// </summary>
    public int Flush(int limit = 32)
    {
        int n = 0;
        while (n < limit && (ReadStatus() & Ps2Status.OutputFull) != 0)
        {
            ReadData();
            n++;
        }
        return n;
    }

    /// <summary>Takes the oldest stashed device byte; false when the stash is empty.</summary>
    public bool TryTakeStashed(out byte value, out Ps2Port port)
    {
        if (_stashCount == 0)
        {
            value = 0;
            port = Ps2Port.First;
            return false;
        }
        value = _stashBytes[_stashHead];
        port = (Ps2Port)_stashPorts[_stashHead];
        _stashHead = (_stashHead + 1) % StashCapacity;
        _stashCount--;
        return true;
    }

    /// <summary>Bytes waiting in the stash.</summary>
    public int StashedCount => _stashCount;

    /// <summary>Drops everything in the stash (bytes that arrived during initialisation are not input).</summary>
    public void ClearStash()
    {
        _stashHead = 0;
        _stashCount = 0;
    }

    private void Stash(byte value, Ps2Port port)
    {
        if (_stashCount == StashCapacity)
        {
            StashDropped++;
            return;
        }
        int tail = (_stashHead + _stashCount) % StashCapacity;
        _stashBytes[tail] = value;
        _stashPorts[tail] = (byte)port;
        _stashCount++;
    }
}
