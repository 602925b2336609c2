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
/// COM2: ports 0x2F8-0x2FF, IRQ 3), <c>rtc</c> (argv[2]: the ACPI FADT CENTURY register, default none; ports
/// 0x70-0x71) or <c>ec</c> (ports 0x62, 0x66, 0xE00-0xEFF). The kernel gives each process only the ports and lines
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
        else if (driver.SequenceEqual("rtc"u8)) served = RtcDriver.Run<BareMetalPortIo>((byte)Number(Process.Argument(2), 0));
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
