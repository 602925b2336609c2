using Redox.Syscall;

/// <summary>
/// serial:com2 both ways. Prints the port's settings, writes "lpcinfo: com2 ready\n" to COM2, waits (on an event:
/// queue, for the driver's EVENT_READ) for a line from whatever is attached there, prints it, writes back
/// "echo: &lt;line&gt;\n", and waits for a last line ("bye") so the echo has left the UART before the image ends. When the
/// machine has no COM2 the driver answers ENODEV, which is reported and is not a failure.
/// </summary>
public static unsafe class SerialEcho
{
    private const int MaxLine = 80;
    private static readonly byte[] s_line = new byte[MaxLine];

    /// <summary>0 when the exchange happened (or COM2 is absent), 1 on a failure.</summary>
    public static int Run()
    {
        if (!Schemes.WaitFor("serial:?"u8)) return 1;
        SyscallResult opened = Sys.Open("serial:com2"u8, OpenFlags.ReadWrite);
        if (opened.IsError)
        {
            if (opened.Error != Errno.ENODEV) return Output.Failed("open serial:com2"u8, opened);
            Output.Line("serial: com2 absent (ENODEV)"u8);
            return 0;
        }
        nuint port = (nuint)opened.Value;
        if (Settings() != 0) return 1;

        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError) return Output.Failed("open event:"u8, queue);
        Event subscription = new Event { Id = port, Flags = (ulong)EventFlags.Read, Data = 2 };
        SyscallResult subscribed = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(&subscription, sizeof(Event)));
        if (subscribed.IsError) return Output.Failed("watch serial:com2"u8, subscribed);

        if (WriteAll(port, "lpcinfo: com2 ready\n"u8) != 0) return 1;
        int length = ReadLine(port, (nuint)queue.Value);
        if (length < 0) return 1;
        ReadOnlySpan<byte> line = new ReadOnlySpan<byte>(s_line, 0, length);
        Output.Text("serial: com2 received \""u8);
        Output.Text(line);
        Output.Line("\""u8);
        Span<byte> echo = stackalloc byte[6 + MaxLine + 1];
        "echo: "u8.CopyTo(echo);
        line.CopyTo(echo.Slice(6));
        echo[6 + length] = (byte)'\n';
        if (WriteAll(port, echo.Slice(0, 7 + length)) != 0) return 1;
        length = ReadLine(port, (nuint)queue.Value);
        if (length < 0) return 1;
        Output.Text("serial: com2 echoed it; then received \""u8);
        Output.Text(new ReadOnlySpan<byte>(s_line, 0, length));
        Output.Line("\""u8);
        Sys.Close((nuint)queue.Value);
        Sys.Close(port);
        return 0;
    }

    // serial:com2/config: "com2 16550A 115200 8N1 selftest=pass ...".
    private static int Settings()
    {
        SyscallResult config = Sys.Open("serial:com2/config"u8, OpenFlags.ReadOnly);
        if (config.IsError) return Output.Failed("open serial:com2/config"u8, config);
        Span<byte> text = stackalloc byte[160];
        SyscallResult read = Schemes.ReadAll((nuint)config.Value, text);
        Sys.Close((nuint)config.Value);
        if (read.IsError) return Output.Failed("read serial:com2/config"u8, read);
        Schemes.PrintLines("serial: "u8, text.Slice(0, (int)read.Value));
        return 0;
    }

    // Writes all of it; the driver takes what fits in its buffer (EAGAIN when full: wait for room).
    private static int WriteAll(nuint port, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            SyscallResult written = Sys.Write(port, bytes);
            if (written.IsError && written.Error != Errno.EAGAIN) return Output.Failed("write serial:com2"u8, written);
            if (written.IsError) Redox.Runtime.Process.Sleep(1);
            else bytes = bytes.Slice((int)written.Value);
        }
        return 0;
    }

    // One line (without its CR/LF) into s_line; reads what is there, and waits on the event queue when nothing is.
    // The value is its length, or -1 after a failure was printed.
    private static int ReadLine(nuint port, nuint queue)
    {
        int length = 0;
        byte* one = stackalloc byte[1];
        while (true)
        {
            SyscallResult read = Sys.Read(port, new Span<byte>(one, 1));
            if (read.IsError && read.Error == Errno.EAGAIN)
            {
                Event arrived;
                SyscallResult waited = Sys.Read(queue, new Span<byte>(&arrived, sizeof(Event)));
                if (waited.IsError) return Output.Failed("wait for serial:com2"u8, waited) - 2;
                continue;
            }
            if (read.IsError || read.Value != 1) return Output.Failed("read serial:com2"u8, read) - 2;
            if (*one == '\n') return length;
            if (*one != '\r' && length < MaxLine) s_line[length++] = *one;
        }
    }
}
