namespace Redox.TwoWorlds;

/// <summary>A fixed-capacity FIFO over a caller's storage: generic over structs, as driver queues are.</summary>
public ref struct RingBuffer<T> where T : struct
{
    private readonly Span<T> _storage;
    private int _head;
    private int _count;

    /// <summary>Uses <paramref name="storage"/> as the ring.</summary>
    public RingBuffer(Span<T> storage)
    {
        _storage = storage;
        _head = 0;
        _count = 0;
    }

    /// <summary>Items queued.</summary>
    public readonly int Count => _count;

    /// <summary>Appends; false when full.</summary>
    public bool TryEnqueue(T item)
    {
        if (_count == _storage.Length) return false;
        _storage[(_head + _count) % _storage.Length] = item;
        _count++;
        return true;
    }

    /// <summary>Removes the oldest; false when empty.</summary>
    public bool TryDequeue(out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }
        item = _storage[_head];
        _head = (_head + 1) % _storage.Length;
        _count--;
        return true;
    }
}
