using Redox.Syscall;

/// <summary>
/// Text on descriptor 1 without allocation. A line is gathered and written with one call when it ends, so programs
/// running at once cannot cut into each other's lines (the kernel writes one call's bytes whole).
/// </summary>
internal static unsafe class Output
{
    private const int Capacity = 512;
    private static readonly byte[] s_line = new byte[Capacity];
    private static int s_length;

    public static void Text(ReadOnlySpan<byte> text)
    {
        if (s_length + text.Length > Capacity) Flush();
        if (text.Length > Capacity)
        {
            Sys.Write(1, text);
            return;
        }
        text.CopyTo(new Span<byte>(s_line, s_length, text.Length));
        s_length += text.Length;
    }

    public static void Line(ReadOnlySpan<byte> text)
    {
        Text(text);
        Text("\n"u8);
        Flush();
    }

    private static void Flush()
    {
        if (s_length > 0) Sys.Write(1, new ReadOnlySpan<byte>(s_line, 0, s_length));
        s_length = 0;
    }

    public static void Number(ulong value)
    {
        byte* digits = stackalloc byte[20];
        int count = 0;
        do
        {
            digits[19 - count++] = (byte)('0' + value % 10);
            value /= 10;
        } while (value != 0);
        Text(new ReadOnlySpan<byte>(digits + 20 - count, count));
    }

    /// <summary>Reports a failed check and returns the failure exit code.</summary>
    public static int Fail(ReadOnlySpan<byte> what)
    {
        Text("usertest: check failed: "u8);
        Line(what);
        return 1;
    }

    /// <summary>Reports a failed check with the call's result (a value, or an errno) and returns the failure exit code.</summary>
    public static int Fail(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Text("usertest: check failed: "u8);
        Text(what);
        Text(" (result "u8);
        Number(result.IsError ? (ulong)result.Error : result.Value);
        Line(result.IsError ? " errno)"u8 : ")"u8);
        return 1;
    }

    public static ulong Parse(ReadOnlySpan<byte> text, ulong fallback)
    {
        if (text.IsEmpty) return fallback;
        ulong value = 0;
        foreach (byte b in text)
        {
            if (b < (byte)'0' || b > (byte)'9') return fallback;
            value = value * 10 + (ulong)(b - '0');
        }
        return value;
    }
}
