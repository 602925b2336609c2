using Redox.Syscall;

/// <summary>
/// The client's report on its standard output (the kernel's debug: console). Each line is gathered here and written
/// with one write, so it reaches the console whole even when the kernel or another program prints meanwhile.
/// </summary>
public static class Output
{
    private static readonly byte[] s_line = new byte[160];
    private static int s_length;

    /// <summary>Adds <paramref name="text"/> to the line (what does not fit is cut off).</summary>
    public static void Text(ReadOnlySpan<byte> text)
    {
        int n = text.Length < s_line.Length - s_length ? text.Length : s_line.Length - s_length;
        text.Slice(0, n).CopyTo(new Span<byte>(s_line, s_length, n));
        s_length += n;
    }

    /// <summary>Adds <paramref name="text"/> and ends the line: writes it.</summary>
    public static void Line(ReadOnlySpan<byte> text)
    {
        Text(text);
        if (s_length == s_line.Length) s_length--;
        s_line[s_length++] = (byte)'\n';
        Sys.Write(1, new ReadOnlySpan<byte>(s_line, 0, s_length));
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

    /// <summary>Reports a call that answered other than it must (its value or errno); the value is 1, the exit code.</summary>
    public static int Failed(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Text("client: FAILED "u8);
        Text(what);
        if (result.IsError)
        {
            Text(": errno "u8);
            Number((ulong)(int)result.Error);
        }
        else
        {
            Text(": the value was "u8);
            Number(result.Value);
        }
        Line(""u8);
        return 1;
    }

    /// <summary>Reports data that is not what the driver must give; the value is 1, the exit code.</summary>
    public static int Wrong(ReadOnlySpan<byte> what)
    {
        Text("client: FAILED "u8);
        Line(what);
        return 1;
    }
}
