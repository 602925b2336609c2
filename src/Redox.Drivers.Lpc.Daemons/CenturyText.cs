/// <summary>
/// rtcd's line about where its century register came from, e.g. <c>century: register 0x32 from the ACPI FADT</c> or
/// <c>century: register 0x32 from the argument; ACPI tables not read: memory:physical refused page 0x0, </c> (the log
/// appends the errno). One static buffer: the daemon writes the line once, at start-up.
/// </summary>
public static class CenturyText
{
    private static readonly byte[] s_text = new byte[128];

    /// <summary>What the FADT said: a register, or none (<paramref name="register"/> 0).</summary>
    public static ReadOnlySpan<byte> FromFadt(byte register)
    {
        int n = 0;
        if (register == 0) Append(ref n, "century: none (the ACPI FADT has no CENTURY register)"u8);
        else
        {
            Append(ref n, "century: register "u8);
            Hex(ref n, register);
            Append(ref n, " from the ACPI FADT"u8);
        }
        return new ReadOnlySpan<byte>(s_text, 0, n);
    }

    /// <summary>
    /// The argument's register used because the tables could not be read, and why; <paramref name="page"/> (unless
    /// <c>ulong.MaxValue</c>) is the refused page; with <paramref name="errno"/> the text ends in ", " for the errno the
    /// log appends.
    /// </summary>
    public static ReadOnlySpan<byte> Fallback(ReadOnlySpan<byte> why, ulong page, int register, bool errno)
    {
        int n = 0;
        if (register == 0) Append(ref n, "century: none from the argument"u8);
        else
        {
            Append(ref n, "century: register "u8);
            Hex(ref n, (ulong)register);
            Append(ref n, " from the argument"u8);
        }
        Append(ref n, "; ACPI tables not read: "u8);
        Append(ref n, why);
        if (page != ulong.MaxValue) Hex(ref n, page);
        if (errno) Append(ref n, ", "u8);
        return new ReadOnlySpan<byte>(s_text, 0, n);
    }

    private static void Append(ref int n, ReadOnlySpan<byte> text)
    {
        int count = text.Length < s_text.Length - n ? text.Length : s_text.Length - n;
        text.Slice(0, count).CopyTo(new Span<byte>(s_text, n, count));
        n += count;
    }

    private static void Hex(ref int n, ulong value)
    {
        Append(ref n, "0x"u8);
        int digits = 1;
        while (digits < 16 && value >> (4 * digits) != 0) digits++;
        for (int i = digits - 1; i >= 0 && n < s_text.Length; i--)
        {
            int d = (int)(value >> (4 * i)) & 0xF;
            s_text[n++] = (byte)(d < 10 ? '0' + d : 'a' + d - 10);
        }
    }
}
