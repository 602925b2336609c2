using System;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// Start-up and loop of the <c>serial:</c> daemon. Ports: the 8 registers of each UART it serves (COM2
/// 0x2F8-0x2FF, COM3 0x3E8-0x3EF, COM4 0x2E8-0x2EF); IRQs: 3 for COM2/COM4, 4 for COM3. Never COM1 (0x3F8, the
/// kernel's log).
/// </summary>
public static class SerialDriver
{
    /// <summary>
    /// Detects and starts COM<paramref name="comNumbers"/> (2-4) and builds the scheme. Ports where nothing answers are
    /// left out; the value is <c>EACCES</c> when COM1 is asked for, <c>ENODEV</c> when no asked-for port answered.
    /// </summary>
    public static Errno CreateScheme<TPort>(ReadOnlySpan<int> comNumbers, out SerialScheme<TPort>? scheme, PollBudget budget = default)
        where TPort : struct, IPortIo
    {
        scheme = null;
        for (int i = 0; i < comNumbers.Length; i++)
        {
            if (comNumbers[i] == 1)
            {
                return Errno.EACCES;
            }
        }
        var serial = new SerialScheme<TPort>();
        int served = 0;
        for (int i = 0; i < comNumbers.Length; i++)
        {
            ushort basePort = UartController<TPort>.BaseOf(comNumbers[i]);
            if (basePort == 0)
            {
                return Errno.EINVAL;
            }
            var port = new UartPort<TPort>(basePort, 4096, budget);
            Errno started = port.Initialize();
            if (started == Errno.ENODEV)
            {
                continue;
            }
            // A port that failed its self-test is still listed (its config says selftest=fail, its stream answers EIO).
            if (serial.AddPort(comNumbers[i], port) == 0)
            {
                served++;
            }
        }
        if (served == 0)
        {
            return Errno.ENODEV;
        }
        scheme = serial;
        return 0;
    }

    /// <summary>
    /// What the daemon does when its <c>irq:</c> handle fires: service every port (posting readiness) and send the
    /// readiness posts now rather than with the next request batch. The caller then acknowledges the IRQ.
    /// </summary>
    public static SyscallResult ServiceInterrupt<TPort>(SerialScheme<TPort> scheme, SchemeServer server)
        where TPort : struct, IPortIo
    {
        scheme.OnInterrupt();
        return server.FlushEvents();
    }

    /// <summary>The ISA interrupt line of COM<paramref name="number"/>: 4 for COM1 and COM3, 3 for COM2 and COM4, 0 for others.</summary>
    public static int IrqOf(int number) => number switch
    {
        1 or 3 => 4,
        2 or 4 => 3,
        _ => 0,
    };

    /// <summary>
    /// The daemon's main: start the ports, register <c>serial:</c>, then wait on one <c>event:</c> queue for requests
    /// on the scheme socket and for the interrupt lines of the ports served (<see cref="SerialEventLoop"/>). When no
    /// asked-for port answers, <c>serial:</c> is registered all the same and its opens answer <c>ENODEV</c>. The value
    /// is the number of requests served, once the scheme is removed; <c>EACCES</c> when COM1 is asked for.
    /// </summary>
    public static SyscallResult Run<TPort>(ReadOnlySpan<int> comNumbers)
        where TPort : struct, IPortIo
    {
        Errno error = CreateScheme<TPort>(comNumbers, out SerialScheme<TPort>? scheme);
        if (error == Errno.ENODEV)
        {
            scheme = new SerialScheme<TPort>();
        }
        else if (error != 0)
        {
            return error;
        }
        // Non-blocking: the loop waits on its event queue, and reads the socket only until it is empty.
        SyscallResult socket = Sys.Open(":serial"u8, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.CloseOnExec | OpenFlags.NonBlock);
        if (socket.IsError)
        {
            return socket;
        }
        var server = new SchemeServer(scheme!, (nuint)socket.Value);
        uint lines = 0;
        for (int i = 0; i < comNumbers.Length; i++)
        {
            if (scheme!.Serves(comNumbers[i]))
            {
                lines |= 1u << IrqOf(comNumbers[i]);
            }
        }
        return SerialEventLoop.Run(scheme!, server, lines);
    }
}
