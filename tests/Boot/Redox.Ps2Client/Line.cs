using Redox.Syscall;

/// <summary>One console line, written with one call so other processes' lines cannot cut into it. No allocation.</summary>
internal unsafe ref struct Line
{
    private fixed byte _bytes[200];
    private int _length;

    public static Line Start()
    {
        Line line = default;
        line.Text("ps2client: "u8);
        return line;
    }

    public void Text(scoped ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (_length < 199) _bytes[_length++] = b;
        }
    }

    public void Signed(long value)
    {
        if (value < 0)
        {
            Text("-"u8);
            value = -value;
        }
        Decimal((ulong)value);
    }

    public void Decimal(ulong value)
    {
        byte* digits = stackalloc byte[20];
        int at = 20;
        do
        {
            digits[--at] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        Text(new ReadOnlySpan<byte>(digits + at, 20 - at));
    }

    /// <summary>Two lowercase hex digits, no prefix.</summary>
    public void Byte(byte value)
    {
        byte* text = stackalloc byte[2];
        text[0] = Digit(value >> 4);
        text[1] = Digit(value & 0xF);
        Text(new ReadOnlySpan<byte>(text, 2));
    }

    private static byte Digit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    public void Write()
    {
        _bytes[_length++] = (byte)'\n';
        fixed (byte* bytes = _bytes) Sys.Write(1, new ReadOnlySpan<byte>(bytes, _length));
    }
}
