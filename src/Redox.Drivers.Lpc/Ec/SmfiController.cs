using System;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Ec;

/// <summary>
/// System76's EC command window (SMFI, firmware system76/ec): 256 I/O ports at 0xE00 forwarded to the EC.
/// Offset 0 is CMD, 1 is RES, 2 on are the command's data. The host waits for CMD = 0, fills the data,
/// writes CMD; the EC runs it, sets RES (0 OK, 1 error) and clears CMD. Commands used here: PROBE (1, answers
/// 0x76 0xEC and a protocol version), BOARD (2) and VERSION (3) (NUL-terminated strings), PRINT (4: flags at
/// offset 2, length at 3, bytes from 4, printed on the EC's console).
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public readonly struct SmfiController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>The window's base.</summary>
    public const ushort DefaultBase = 0xE00;

    /// <summary>Ports in the window.</summary>
    public const int WindowSize = 256;

    /// <summary>PROBE.</summary>
    public const byte ProbeCommand = 1;

    /// <summary>BOARD.</summary>
    public const byte BoardCommand = 2;

    /// <summary>VERSION.</summary>
    public const byte VersionCommand = 3;

    /// <summary>PRINT.</summary>
    public const byte PrintCommand = 4;

    /// <summary>Offset of the first data byte.</summary>
    public const int DataOffset = 2;

    /// <summary>Bytes one PRINT carries (the window minus CMD, RES, flags and length).</summary>
    public const int PrintChunk = WindowSize - 4;

    private readonly ushort _base;
    private readonly PollBudget _budget;

    /// <summary>A window at <paramref name="basePort"/>.</summary>
    public SmfiController(ushort basePort, PollBudget budget)
    {
        _base = basePort;
        _budget = budget.OrDefault();
    }

    /// <summary>Reads window byte <paramref name="offset"/>.</summary>
    public byte Read(int offset) => TPort.In8((ushort)(_base + offset));

    /// <summary>Writes window byte <paramref name="offset"/>.</summary>
    public void Write(int offset, byte value) => TPort.Out8((ushort)(_base + offset), value);

    /// <summary>
    /// PROBE: true when the window answers 0x76 0xEC; <paramref name="version"/> is the protocol version. A floating
    /// bus (CMD reads 0xFF forever) times out and is reported as absent.
    /// </summary>
    public bool Probe(out byte version)
    {
        version = 0;
        if (Read(0) == 0xFF || Run(ProbeCommand) != 0)
        {
            return false;
        }
        if (Read(DataOffset) != 0x76 || Read(DataOffset + 1) != 0xEC)
        {
            return false;
        }
        version = Read(DataOffset + 2);
        return true;
    }

    /// <summary>Runs BOARD or VERSION and copies the string answer (without its NUL) into <paramref name="text"/>; the value is its length.</summary>
    public SyscallResult ReadString(byte command, Span<byte> text)
    {
        Errno error = Run(command);
        if (error != 0)
        {
            return error;
        }
        int n = 0;
        while (n < text.Length && DataOffset + n < WindowSize)
        {
            byte value = Read(DataOffset + n);
            if (value == 0)
            {
                break;
            }
            text[n++] = value;
        }
        return SyscallResult.Ok((ulong)n);
    }

    /// <summary>Prints <paramref name="text"/> on the EC's console in chunks of <see cref="PrintChunk"/>; the value is the count sent.</summary>
    public SyscallResult Print(ReadOnlySpan<byte> text)
    {
        int sent = 0;
        while (sent < text.Length)
        {
            int n = text.Length - sent < PrintChunk ? text.Length - sent : PrintChunk;
            if (!WaitIdle())
            {
                return Errno.EIO;
            }
            Write(DataOffset, 0); // flags
            Write(DataOffset + 1, (byte)n);
            for (int i = 0; i < n; i++)
            {
                Write(DataOffset + 2 + i, text[sent + i]);
            }
            Errno error = Start(PrintCommand);
            if (error != 0)
            {
                return error;
            }
            sent += n;
        }
        return SyscallResult.Ok((ulong)sent);
    }

    /// <summary>Runs <paramref name="command"/> with whatever data is in the window; <c>EIO</c> on timeout or RES error.</summary>
    public Errno Run(byte command) => WaitIdle() ? Start(command) : Errno.EIO;

    private Errno Start(byte command)
    {
        Write(0, command);
        if (!WaitIdle())
        {
            return Errno.EIO;
        }
        return Read(1) == 0 ? 0 : Errno.EIO;
    }

    private bool WaitIdle()
    {
        for (int i = 0; i < _budget.Polls; i++)
        {
            if (Read(0) == 0)
            {
                return true;
            }
        }
        return false;
    }
}
