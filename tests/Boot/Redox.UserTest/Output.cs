using Redox.Syscall;

/// <summary>Text on descriptor 1 without allocation.</summary>
internal static unsafe class Output
{
    public static void Text(ReadOnlySpan<byte> text) => Sys.Write(1, text);

    public static void Line(ReadOnlySpan<byte> text)
    {
        Sys.Write(1, text);
        Sys.Write(1, "\n"u8);
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
        Sys.Write(1, new ReadOnlySpan<byte>(digits + 20 - count, count));
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
