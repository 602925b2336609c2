using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// Talks to the driver whose scheme is its first argument, through the kernel as any program would: opens
/// <c>&lt;scheme&gt;:</c>, writes a greeting, reads the answer back, and exits with 0 only when the answer is the greeting.
/// </summary>
public static class Program
{
    /// <summary>How long to wait for the daemon's scheme, in 10 ms naps (the kernel does not wait for daemons to be ready).</summary>
    private const int Attempts = 300;

    /// <summary>0 when the driver answered with what was written; 1 otherwise (the reason is printed).</summary>
    public static int Main()
    {
        // "<scheme>:" from the argument the image's manifest gives.
        ReadOnlySpan<byte> scheme = Process.Argument(1);
        Span<byte> path = stackalloc byte[72];
        if (scheme.IsEmpty || scheme.Length > 64) return Fail("the first argument must name the driver's scheme"u8, default);
        scheme.CopyTo(path);
        path[scheme.Length] = (byte)':';
        path = path.Slice(0, scheme.Length + 1);

        SyscallResult opened = default;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            // ENODEV: the daemon has not created its scheme yet.
            opened = Sys.Open(path, OpenFlags.ReadWrite);
            if (!opened.IsError || opened.Error != Errno.ENODEV) break;
            Process.Sleep(10);
        }
        if (opened.IsError) return Fail("open"u8, opened);
        nuint fd = (nuint)opened.Value;

        ReadOnlySpan<byte> greeting = "hello, driver"u8;
        SyscallResult written = Sys.Write(fd, greeting);
        if (written.IsError || written.Value != (ulong)greeting.Length) return Fail("write"u8, written);
        Span<byte> answer = stackalloc byte[32];
        SyscallResult read = Sys.Read(fd, answer);
        if (read.IsError || read.Value != (ulong)greeting.Length) return Fail("read"u8, read);
        if (!answer.Slice(0, greeting.Length).SequenceEqual(greeting)) return Fail("the answer is not what was written"u8, read);
        Sys.Close(fd);

        // "client: <scheme>: answered "hello, driver"" in one write, so the line reaches the console whole.
        Span<byte> line = stackalloc byte[128];
        int length = Append(line, 0, "client: "u8);
        length = Append(line, length, path);
        length = Append(line, length, " answered \""u8);
        length = Append(line, length, answer.Slice(0, greeting.Length));
        length = Append(line, length, "\"\n"u8);
        Sys.Write(1, line.Slice(0, length));
        return 0;
    }

    // Prints "client: FAILED <what> (errno N)" and gives the exit code 1.
    private static int Fail(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Span<byte> line = stackalloc byte[128];
        int length = Append(line, 0, "client: FAILED "u8);
        length = Append(line, length, what);
        if (result.IsError)
        {
            length = Append(line, length, " (errno "u8);
            int errno = (int)result.Error, digits = errno >= 100 ? 3 : errno >= 10 ? 2 : 1;
            for (int i = digits - 1, rest = errno; i >= 0; i--, rest /= 10) line[length + i] = (byte)('0' + rest % 10);
            length = Append(line, length + digits, ")"u8);
        }
        length = Append(line, length, "\n"u8);
        Sys.Write(2, line.Slice(0, length));
        return 1;
    }

    // Copies what fits of text to line at length; the new length.
    private static int Append(Span<byte> line, int length, ReadOnlySpan<byte> text)
    {
        int n = text.Length < line.Length - length ? text.Length : line.Length - length;
        text.Slice(0, n).CopyTo(line.Slice(length));
        return length + n;
    }
}
