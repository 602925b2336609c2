using System;
using Redox.Syscall;

namespace Redox.Drivers.Ps2;

/// <summary>
/// One console line gathered in a caller's buffer and written with one <c>write</c>, so lines of processes that
/// print at once do not cut into each other (the kernel writes one call's bytes whole). No allocation.
/// </summary>
internal ref struct DaemonLine
{
    private readonly Span<byte> _buffer;
    private int _length;

    public DaemonLine(Span<byte> buffer, ReadOnlySpan<byte> name)
    {
        _buffer = buffer;
        _length = 0;
        Text(name);
        Text(": "u8);
    }

    /// <summary>The line so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    public void Text(scoped ReadOnlySpan<byte> text)
    {
        // The last byte is kept for the line feed.
        int room = _buffer.Length - 1 - _length;
        int n = text.Length < room ? text.Length : room;
        text.Slice(0, n).CopyTo(_buffer.Slice(_length));
        _length += n;
    }

    public void Decimal(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        int at = digits.Length;
        do
        {
            digits[--at] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        Text(digits.Slice(at));
    }

    /// <summary><c>0x</c> and <paramref name="digits"/> lowercase hex digits.</summary>
    public void Hex(ulong value, int digits)
    {
        Span<byte> text = stackalloc byte[18];
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        for (int i = 0; i < digits; i++)
        {
            int nibble = (int)(value >> (4 * (digits - 1 - i))) & 0xF;
            text[2 + i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
        Text(text.Slice(0, 2 + digits));
    }

    /// <summary>Ends the line and writes it to <paramref name="fd"/>; the result of the write.</summary>
    public SyscallResult WriteTo(nuint fd)
    {
        _buffer[_length++] = (byte)'\n';
        return Sys.Write(fd, _buffer.Slice(0, _length));
    }
}
