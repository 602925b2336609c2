namespace Redox.Kernel.Diagnostics;

/// <summary>Number to ASCII text, into a caller's buffer (no allocation).</summary>
public static class NumberFormat
{
    /// <summary>Writes <paramref name="value"/> in decimal; returns the number of bytes (at most 20).</summary>
    public static int Decimal(ulong value, Span<byte> destination)
    {
        Span<byte> reversed = stackalloc byte[20];
        int count = 0;
        do
        {
            reversed[count++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        for (int i = 0; i < count; i++) destination[i] = reversed[count - 1 - i];
        return count;
    }

    /// <summary>Writes <c>0x</c> and <paramref name="digits"/> (1..16) lower-case hex digits; returns the byte count.</summary>
    public static int Hex(ulong value, int digits, Span<byte> destination)
    {
        if (digits < 1) digits = 1;
        if (digits > 16) digits = 16;
        destination[0] = (byte)'0';
        destination[1] = (byte)'x';
        for (int i = 0; i < digits; i++)
        {
            int nibble = (int)(value >> ((digits - 1 - i) * 4)) & 0xF;
            destination[2 + i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
        return digits + 2;
    }
}
