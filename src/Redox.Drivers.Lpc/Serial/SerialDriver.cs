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

    /// <summary>
    /// The daemon's main: start the ports, register <c>serial:</c>, serve requests until the scheme is removed.
    /// Interrupt wiring (waiting on the socket and <c>irq:</c> together through an event queue, then
    /// <see cref="ServiceInterrupt"/>) waits for the kernel's <c>irq:</c> scheme; until then this loop services the
    /// UARTs before each request batch, so bytes move whenever a client calls.
    /// </summary>
    public static SyscallResult Run<TPort>(ReadOnlySpan<int> comNumbers)
        where TPort : struct, IPortIo
    {
        Errno error = CreateScheme<TPort>(comNumbers, out SerialScheme<TPort>? scheme);
        if (error != 0)
        {
            return error;
        }
        SyscallResult socket = SchemeServer.CreateSocket(":serial"u8);
        if (socket.IsError)
        {
            return socket;
        }
        var server = new SchemeServer(scheme!, (nuint)socket.Value);
        ulong total = 0;
        while (true)
        {
            scheme!.OnInterrupt();
            SyscallResult served = server.RunOnce();
            if (served.IsError)
            {
                return served;
            }
            if (served.Value == 0)
            {
                return SyscallResult.Ok(total);
            }
            total += served.Value;
        }
    }
}
