using Redox.Syscall;

/// <summary>The client's report on its standard output (the kernel's debug: console), without allocating.</summary>
public static unsafe class Output
{
    /// <summary>Writes <paramref name="text"/>.</summary>
    public static void Text(ReadOnlySpan<byte> text) => Sys.Write(1, text);

    /// <summary>Writes <paramref name="text"/> and a line break.</summary>
    public static void Line(ReadOnlySpan<byte> text)
    {
        Sys.Write(1, text);
        Sys.Write(1, "\n"u8);
    }

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
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
