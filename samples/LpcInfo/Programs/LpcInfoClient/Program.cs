using Redox.Syscall;

/// <summary>
/// Prints what the LPC daemons report, through the kernel's scheme calls only: <c>lpc:</c> (the bridge, bus 0, the
/// Super I/O probe), <c>rtc:</c> and <c>rtc:unix</c> (the CMOS clock), <c>ec:</c> (the embedded controller, or
/// ENODEV when there is none, as in QEMU) and <c>serial:com2</c> (its settings, then a line echoed back when COM2 is
/// attached; ENODEV when the machine has no COM2). Exits with 0 when every daemon answered, 1 at the first failure.
/// </summary>
public static class Program
{
    private static readonly byte[] s_text = new byte[8192];

    /// <summary>The exit code: 0 when every daemon answered as it must.</summary>
    public static int Main()
    {
        if (Lpc() != 0 || Rtc() != 0 || Ec() != 0 || SerialEcho.Run() != 0) return 1;
        Output.Line("done"u8);
        return 0;
    }

    /// <summary>lpc: everything the LPC driver found, one fact per line.</summary>
    private static int Lpc()
    {
        if (!Schemes.WaitFor("lpc:?"u8)) return 1;
        return PrintFile("lpc:"u8, "lpc: "u8);
    }

    /// <summary>rtc: the date and time (a UIP-safe reading) and the same instant as Unix seconds.</summary>
    private static int Rtc()
    {
        if (!Schemes.WaitFor("rtc:?"u8)) return 1;
        if (PrintFile("rtc:"u8, "rtc: "u8) != 0) return 1;
        return PrintFile("rtc:unix"u8, "rtc: unix "u8);
    }

    /// <summary>ec: its space's first bytes when there is an EC; ENODEV (absent) is an answer, not a failure.</summary>
    private static int Ec()
    {
        if (!Schemes.WaitFor("ec:?"u8)) return 1;
        SyscallResult opened = Sys.Open("ec:"u8, OpenFlags.ReadOnly);
        if (opened.IsError)
        {
            if (opened.Error != Errno.ENODEV) return Output.Failed("open ec:"u8, opened);
            Output.Line("ec: absent (ENODEV)"u8);
            return 0;
        }
        Span<byte> bytes = stackalloc byte[16];
        SyscallResult read = Sys.Read((nuint)opened.Value, bytes);
        Sys.Close((nuint)opened.Value);
        if (read.IsError) return Output.Failed("read ec:"u8, read);
        Output.Text("ec: present, bytes 0x00-0x0f:"u8);
        Span<byte> hex = stackalloc byte[3];
        for (int i = 0; i < (int)read.Value; i++)
        {
            hex[0] = (byte)' ';
            hex[1] = Hex(bytes[i] >> 4);
            hex[2] = Hex(bytes[i] & 0xF);
            Output.Text(hex);
        }
        Output.Line(""u8);
        return 0;
    }

    // Reads a whole text file of a scheme and prints its lines with a prefix.
    private static int PrintFile(ReadOnlySpan<byte> path, ReadOnlySpan<byte> prefix)
    {
        SyscallResult opened = Sys.Open(path, OpenFlags.ReadOnly);
        if (opened.IsError) return Output.Failed(path, opened);
        SyscallResult read = Schemes.ReadAll((nuint)opened.Value, s_text);
        Sys.Close((nuint)opened.Value);
        if (read.IsError) return Output.Failed(path, read);
        Schemes.PrintLines(prefix, new ReadOnlySpan<byte>(s_text, 0, (int)read.Value));
        return 0;
    }

    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
}
