using Redox.Syscall;

/// <summary>
/// The client's report on its standard output (the kernel's debug: console): "lpcinfo: ..." lines, each gathered here
/// and written with one call, so it reaches the console whole even when the kernel or a daemon prints meanwhile.
/// </summary>
public static class Output
{
    private static readonly byte[] s_line = new byte[200];
    private static int s_length;

    /// <summary>Adds <paramref name="text"/> to the line (what does not fit is cut off).</summary>
    public static void Text(ReadOnlySpan<byte> text)
    {
        int n = text.Length < s_line.Length - 1 - s_length ? text.Length : s_line.Length - 1 - s_length;
        text.Slice(0, n).CopyTo(new Span<byte>(s_line, s_length, n));
        s_length += n;
    }

    /// <summary>Adds <paramref name="text"/> and ends the line: writes "lpcinfo: " and the line.</summary>
    public static void Line(ReadOnlySpan<byte> text)
    {
        Text(text);
        s_line[s_length++] = (byte)'\n';
        Span<byte> whole = stackalloc byte[9 + 200];
        "lpcinfo: "u8.CopyTo(whole);
        new ReadOnlySpan<byte>(s_line, 0, s_length).CopyTo(whole.Slice(9));
        Sys.Write(1, whole.Slice(0, 9 + s_length));
        s_length = 0;
    }

    /// <summary>Adds <paramref name="value"/> in decimal.</summary>
    public static void Number(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        int count = 0;
        do
        {
            digits[19 - count++] = (byte)('0' + value % 10);
            value /= 10;
        } while (value != 0);
        Text(digits.Slice(20 - count));
    }

    /// <summary>Adds the errno's name for the ones this client expects, else its number.</summary>
    public static void Error(Errno error)
    {
        if (error == Errno.ENODEV) Text("ENODEV"u8);
        else if (error == Errno.ENOENT) Text("ENOENT"u8);
        else if (error == Errno.EIO) Text("EIO"u8);
        else if (error == Errno.EACCES) Text("EACCES"u8);
        else
        {
            Text("errno "u8);
            Number((ulong)(int)error);
        }
    }

    /// <summary>Reports a call that answered other than it must; the value is 1, the exit code.</summary>
    public static int Failed(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Text("FAILED "u8);
        Text(what);
        if (result.IsError)
        {
            Text(": "u8);
            Error(result.Error);
        }
        else
        {
            Text(": the value was "u8);
            Number(result.Value);
        }
        Line(""u8);
        return 1;
    }
}
