using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Ec;

/// <summary>
/// Start-up and loop of the <c>ec:</c> daemon. Ports: 0x62 and 0x66 (ACPI EC), 0xE00-0xEFF (System76 SMFI).
/// No IRQ (the EC's SCI is delivered through ACPI; queries are read on demand).
/// </summary>
public static class EcDriver
{
    /// <summary>The scheme over the conventional ports, probing both back ends now.</summary>
    public static EcScheme<TPort> CreateScheme<TPort>(PollBudget budget = default)
        where TPort : struct, IPortIo
        => new(
            new AcpiEcController<TPort>(AcpiEcController<TPort>.DefaultDataPort, AcpiEcController<TPort>.DefaultCommandPort, budget),
            new SmfiController<TPort>(SmfiController<TPort>.DefaultBase, budget));

    /// <summary>
    /// The daemon's main: probe both back ends, register <c>ec:</c> and serve until the scheme is removed. When neither
    /// answers the scheme is registered all the same, so clients learn it at once: every open answers <c>ENODEV</c>
    /// (rather than waiting for a scheme that never comes).
    /// </summary>
    public static SyscallResult Run<TPort>()
        where TPort : struct, IPortIo
    {
        EcScheme<TPort> scheme = CreateScheme<TPort>();
        SyscallResult socket = SchemeServer.CreateSocket(":ec"u8);
        return socket.IsError ? socket : new SchemeServer(scheme, (nuint)socket.Value).Run();
    }
}
