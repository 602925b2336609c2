namespace Redox.Kernel.Diagnostics;

/// <summary>
/// The kernel log: text, numbers and lines written byte by byte to a sink (the serial port on bare metal; host
/// tests plug in a capture). Nothing here allocates, so it works in panics and before the heap exists.
/// </summary>
public static unsafe class KernelLog
{
    private static delegate*<byte, void> s_sink;

    /// <summary>Sends every following byte to <paramref name="sink"/>.</summary>
    public static void SetSink(delegate*<byte, void> sink) => s_sink = sink;

    /// <summary>Writes one byte.</summary>
    public static void Write(byte value)
    {
        delegate*<byte, void> sink = s_sink;
        if (sink != null) sink(value);
    }

    /// <summary>Writes UTF-8 bytes.</summary>
    public static void Write(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < utf8.Length; i++) Write(utf8[i]);
    }

    /// <summary>Writes a string; characters outside ASCII become '?'.</summary>
    public static void Write(string text) => Write(text.AsSpan());

    /// <summary>Writes characters; outside ASCII they become '?'.</summary>
    public static void Write(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++) Write(text[i] < 0x80 ? (byte)text[i] : (byte)'?');
    }

    /// <summary>Writes a line break (CR LF: a serial terminal needs the CR to return to column 0).</summary>
    public static void WriteLine()
    {
        Write((byte)'\r');
        Write((byte)'\n');
    }

    /// <summary>Writes text and a line break.</summary>
    public static void WriteLine(string text)
    {
        Write(text);
        WriteLine();
    }

    /// <summary>Writes text and a line break.</summary>
    public static void WriteLine(ReadOnlySpan<byte> utf8)
    {
        Write(utf8);
        WriteLine();
    }

    /// <summary>Writes an unsigned decimal.</summary>
    public static void WriteDecimal(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        Write(digits.Slice(0, NumberFormat.Decimal(value, digits)));
    }

    /// <summary>Writes a signed decimal.</summary>
    public static void WriteDecimal(long value)
    {
        if (value < 0)
        {
            Write((byte)'-');
            WriteDecimal((ulong)(-(value + 1)) + 1);
        }
        else WriteDecimal((ulong)value);
    }

    /// <summary>Writes <c>0x</c> and <paramref name="digits"/> hex digits.</summary>
    public static void WriteHex(ulong value, int digits = 16)
    {
        Span<byte> text = stackalloc byte[18];
        Write(text.Slice(0, NumberFormat.Hex(value, digits, text)));
    }
}
