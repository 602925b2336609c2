using Redox.Drivers.Lpc.Acpi;
using Redox.Drivers.Lpc.Bridge;
using Redox.Drivers.Lpc.Ec;
using Redox.Drivers.Lpc.Rtc;
using Redox.Drivers.Lpc.Serial;
using Redox.Runtime;
using Redox.Syscall;
using Redox.Syscall.Io;

/// <summary>
/// One of the LPC drivers as a ring-3 scheme daemon; argv[1] names which: <c>lpc</c> (PCI mechanism #1 and the
/// Super I/O probe: ports 0xCF8-0xCFF, 0x2E-0x2F, 0x4E-0x4F), <c>serial</c> (argv[2..]: the COM numbers, default 2;
/// COM2: ports 0x2F8-0x2FF, IRQ 3), <c>rtc</c> (argv[2]: the CMOS century register, default none; or <c>acpi [N]</c>:
/// the ACPI FADT's CENTURY, read through <c>memory:physical</c>, N when the tables cannot be read; ports 0x70-0x71) or <c>ec</c> (ports 0x62, 0x66, 0xE00-0xEFF). The kernel gives each process only the ports and lines
/// of its manifest line: a driver touching another's port is ended (#GP).
/// </summary>
public static class Program
{
    /// <summary>Serves until the kernel stops it (kill 15); a non-zero value says why it could not.</summary>
    public static int Main()
    {
        ReadOnlySpan<byte> driver = Process.Argument(1);
        SyscallResult served;
        if (driver.SequenceEqual("lpc"u8)) served = LpcDriver.Run<BareMetalPortIo>();
        else if (driver.SequenceEqual("rtc"u8)) served = RtcDriver.Run<BareMetalPortIo>(CenturyRegister());
        else if (driver.SequenceEqual("ec"u8)) served = EcDriver.Run<BareMetalPortIo>();
        else if (driver.SequenceEqual("serial"u8)) served = Serial();
        else
        {
            DaemonLog.Line(2, "the first argument names the driver: lpc, serial, rtc or ec"u8, default);
            return 2;
        }
        if (served.IsOk) return 0;
        DaemonLog.Line(2, "stopped: "u8, served);
        return 3;
    }

    // rtc N | rtc acpi [N]: the century register given, or the FADT's (ACPI 6.5 Table 5.9, CENTURY), or N when the
    // tables cannot be read. The FADT is the authority: when it says there is none, there is none. One log line says which.
    private static byte CenturyRegister()
    {
        if (!Process.Argument(2).SequenceEqual("acpi"u8)) return (byte)Number(Process.Argument(2), 0);
        int fallback = Number(Process.Argument(3), 0);
        SyscallResult opened = SchemePhysicalMemory.Open(out SchemePhysicalMemory memory);
        if (opened.IsError)
        {
            DaemonLog.Line(1, CenturyText.Fallback("memory:physical could not be opened"u8, ulong.MaxValue, fallback, errno: true), opened);
            return (byte)fallback;
        }
        FadtCentury found = AcpiTables.FindCentury(ref memory, out byte register);
        memory.Close();
        if (found == FadtCentury.Register || found == FadtCentury.NoRegister)
        {
            DaemonLog.Line(1, CenturyText.FromFadt(register), default);
            return register;
        }
        ReadOnlySpan<byte> why = found == FadtCentury.Unreadable ? "memory:physical refused page "u8
            : found == FadtCentury.NoRsdp ? "no RSDP"u8
            : found == FadtCentury.BadRootTable ? "no valid XSDT or RSDT"u8
            : found == FadtCentury.NoFadt ? "no FADT"u8
            : found == FadtCentury.BadFadt ? "the FADT's checksum is wrong"u8 : "the FADT's CENTURY is not a CMOS register"u8;
        DaemonLog.Line(1, CenturyText.Fallback(why, found == FadtCentury.Unreadable ? memory.LastRefused : ulong.MaxValue, fallback, errno: found == FadtCentury.Unreadable),
            found == FadtCentury.Unreadable ? (SyscallResult)memory.LastError : default);
        return (byte)fallback;
    }

    // serial [N...]: the COM numbers from the arguments (COM2 when none).
    private static SyscallResult Serial()
    {
        Span<int> ports = stackalloc int[3];
        int count = 0;
        for (int i = 2; i < Process.ArgumentCount && count < ports.Length; i++)
        {
            int number = Number(Process.Argument(i), -1);
            if (number < 0) return Errno.EINVAL;
            ports[count++] = number;
        }
        if (count == 0) ports[count++] = 2;
        return SerialDriver.Run<BareMetalPortIo>(ports.Slice(0, count));
    }

    // A decimal or 0x-hexadecimal number; fallback when missing, -1 when not a number.
    private static int Number(ReadOnlySpan<byte> text, int fallback)
    {
        if (text.IsEmpty) return fallback;
        int radix = 10, value = 0, start = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            radix = 16;
            start = 2;
        }
        for (int i = start; i < text.Length; i++)
        {
            byte c = text[i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix || value > 0xFFFF) return -1;
            value = value * radix + digit;
        }
        return value;
    }
}
