using System;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// A bounded byte queue, allocated once: the receive buffer the interrupt fills and the transmit buffer
/// the interrupt drains. When full, <see cref="TryPush"/> refuses (the caller counts the loss).
/// </summary>
public sealed class ByteRing
{
    private readonly byte[] _bytes;
    private int _head;
    private int _count;

    /// <summary>A ring of <paramref name="capacity"/> bytes (at least 1).</summary>
    public ByteRing(int capacity)
    {
        _bytes = new byte[capacity < 1 ? 1 : capacity];
    }

    /// <summary>Bytes queued.</summary>
    public int Count => _count;

    /// <summary>Room left.</summary>
    public int Free => _bytes.Length - _count;

    /// <summary>Queues <paramref name="value"/>; false when full.</summary>
    public bool TryPush(byte value)
    {
        if (_count == _bytes.Length)
        {
            return false;
        }
        int tail = _head + _count;
        if (tail >= _bytes.Length)
        {
            tail -= _bytes.Length;
        }
        _bytes[tail] = value;
        _count++;
        return true;
    }

    /// <summary>Takes the oldest byte; false when empty.</summary>
    public bool TryPop(out byte value)
    {
        if (_count == 0)
        {
            value = 0;
            return false;
        }
        value = _bytes[_head];
        _head = _head + 1 == _bytes.Length ? 0 : _head + 1;
        _count--;
        return true;
    }

    /// <summary>Moves up to <c>destination.Length</c> bytes out; returns how many.</summary>
    public int Pop(Span<byte> destination)
    {
        int n = 0;
        while (n < destination.Length && TryPop(out byte value))
        {
            destination[n++] = value;
        }
        return n;
    }

    /// <summary>Queues as much of <paramref name="source"/> as fits; returns how many.</summary>
    public int Push(ReadOnlySpan<byte> source)
    {
        int n = 0;
        while (n < source.Length && TryPush(source[n]))
        {
            n++;
        }
        return n;
    }

    /// <summary>Drops everything.</summary>
    public void Clear()
    {
        _head = 0;
        _count = 0;
    }
}
