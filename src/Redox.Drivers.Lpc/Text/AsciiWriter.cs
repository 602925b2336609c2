using System;

namespace Redox.Drivers.Lpc.Text;

/// <summary>
/// Writes ASCII text into a caller's span without allocating (no string building on bare metal): the
/// reports of <c>lpc:</c>, <c>serial:</c>, <c>rtc:</c> and <c>ec:</c>. Text that does not fit is cut off and
/// <see cref="Overflowed"/> says so.
/// </summary>
public ref struct AsciiWriter
{
    private readonly Span<byte> _buffer;
    private int _length;
    private bool _overflowed;

    /// <summary>A writer filling <paramref name="buffer"/> from its start.</summary>
    public AsciiWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
        _overflowed = false;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>True when some text did not fit.</summary>
    public readonly bool Overflowed => _overflowed;

    /// <summary>The text written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    /// <summary>Appends one byte.</summary>
    public void Byte(byte value)
    {
        if (_length < _buffer.Length)
        {
            _buffer[_length++] = value;
        }
        else
        {
            _overflowed = true;
        }
    }

    /// <summary>Appends <paramref name="text"/> (ASCII bytes, e.g. a <c>u8</c> literal).</summary>
    public void Text(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Byte(text[i]);
        }
    }

    /// <summary>Appends <paramref name="value"/> in decimal.</summary>
    public void Decimal(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        while (n > 0)
        {
            Byte(digits[--n]);
        }
    }

    /// <summary>Appends <paramref name="value"/> in decimal with at least <paramref name="width"/> digits (leading zeros).</summary>
    public void Decimal(ulong value, int width)
    {
        ulong limit = 1;
        for (int i = 1; i < width; i++)
        {
            limit *= 10;
            if (value < limit)
            {
                Byte((byte)'0');
            }
        }
        Decimal(value);
    }

    /// <summary>Appends the low <paramref name="digits"/> hex digits of <paramref name="value"/> (lower case, no prefix).</summary>
    public void Hex(ulong value, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            int nibble = (int)((value >> (i * 4)) & 0xF);
            Byte((byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
        }
    }

    /// <summary>Appends <c>0x</c> and <paramref name="digits"/> hex digits.</summary>
    public void HexPrefixed(ulong value, int digits)
    {
        Text("0x"u8);
        Hex(value, digits);
    }
}
