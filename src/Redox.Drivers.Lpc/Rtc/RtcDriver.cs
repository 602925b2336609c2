using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Rtc;

/// <summary>Start-up and loop of the <c>rtc:</c> daemon. Ports: 0x70-0x71. No IRQ.</summary>
public static class RtcDriver
{
    /// <summary>
    /// The daemon's main: register <c>rtc:</c> over the clock whose century register is <paramref name="centuryRegister"/>
    /// (the ACPI FADT's CENTURY byte; 0 when absent) and serve until the scheme is removed.
    /// </summary>
    public static SyscallResult Run<TPort>(byte centuryRegister)
        where TPort : struct, IPortIo
    {
        var scheme = new RtcScheme<TPort>(new RtcController<TPort>(centuryRegister, PollBudget.Default));
        SyscallResult socket = SchemeServer.CreateSocket(":rtc"u8);
        return socket.IsError ? socket : new SchemeServer(scheme, (nuint)socket.Value).Run();
    }
}
