using System;

namespace Redox.Drivers.Lpc.Text;

/// <summary>
/// Reads the small text commands written to the drivers' control files (<c>"38400 8N1"</c>,
/// <c>"2026-12-02T10:20:30"</c>) without allocating: numbers, expected bytes, spaces.
/// </summary>
public ref struct AsciiReader
{
    private readonly ReadOnlySpan<byte> _text;
    private int _position;

    /// <summary>A reader over <paramref name="text"/>.</summary>
    public AsciiReader(ReadOnlySpan<byte> text)
    {
        _text = text;
        _position = 0;
    }

    /// <summary>True when every byte was consumed.</summary>
    public readonly bool AtEnd => _position >= _text.Length;

    /// <summary>The next byte without consuming it (0 at the end).</summary>
    public readonly byte Peek() => _position < _text.Length ? _text[_position] : (byte)0;

    /// <summary>Skips spaces, tabs and line ends.</summary>
    public void SkipSpace()
    {
        while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r'))
        {
            _position++;
        }
    }

    /// <summary>Consumes <paramref name="value"/> if it is next; false (nothing consumed) otherwise.</summary>
    public bool Expect(byte value)
    {
        if (_position < _text.Length && _text[_position] == value)
        {
            _position++;
            return true;
        }
        return false;
    }

    /// <summary>Consumes one byte; false at the end.</summary>
    public bool Next(out byte value)
    {
        if (_position < _text.Length)
        {
            value = _text[_position++];
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// Reads a decimal number of 1 to <paramref name="maxDigits"/> digits (at most 18, so it cannot overflow);
    /// false when no digit is next or there are more digits than allowed.
    /// </summary>
    public bool Decimal(int maxDigits, out ulong value)
    {
        value = 0;
        int digits = 0;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            if (digits == maxDigits || digits == 18)
            {
                return false;
            }
            value = value * 10 + (ulong)(_text[_position] - '0');
            _position++;
            digits++;
        }
        return digits > 0;
    }
}
