using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Redox.Drivers.Ps2;

/// <summary>
/// A bounded queue of event records (<see cref="KeyEvent"/> or <see cref="MouseEvent"/>), allocated once.
/// Both record types begin with a 32-bit <c>Sequence</c> and end with a 32-bit <c>Dropped</c>; the ring fills
/// them in. When the ring is full the new record is dropped (the reader keeps a consistent prefix of the
/// stream), counted in <see cref="TotalDropped"/>, and the next record that fits carries the number lost
/// before it in <c>Dropped</c>; its <c>Sequence</c> jumps by the same amount. Never blocks, never allocates.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
[NoAlloc]
public sealed class Ps2EventRing<T>
    where T : struct
{
    private readonly T[] _items;
    private int _head;
    private int _count;
    private uint _nextSequence;
    private uint _droppedSinceLast;

    /// <summary>A ring of <paramref name="capacity"/> records (at least 1).</summary>
    public Ps2EventRing(int capacity)
    {
        _items = new T[capacity < 1 ? 1 : capacity];
    }

    /// <summary>How many records fit.</summary>
    public int Capacity => _items.Length;

    /// <summary>Records waiting.</summary>
    public int Count => _count;

    /// <summary>Records dropped because the ring was full, since start.</summary>
    public ulong TotalDropped { get; private set; }

    /// <summary>Bytes of one record.</summary>
    public static int RecordSize => Unsafe.SizeOf<T>();

    /// <summary>Queues <paramref name="record"/> (its sequence and drop count are set here); false when it was dropped.</summary>
    public bool Push(in T record)
    {
        uint sequence = _nextSequence++;
        if (_count == _items.Length)
        {
            _droppedSinceLast++;
            TotalDropped++;
            return false;
        }
        int tail = (_head + _count) % _items.Length;
        _items[tail] = record;
        Span<byte> bytes = MemoryMarshal.AsBytes(new Span<T>(_items, tail, 1));
        MemoryMarshal.Write(bytes, in sequence);
        uint dropped = _droppedSinceLast;
        MemoryMarshal.Write(bytes.Slice(bytes.Length - 4), in dropped);
        _droppedSinceLast = 0;
        _count++;
        return true;
    }

    /// <summary>Moves as many whole records as fit into <paramref name="destination"/>; the value is the bytes written.</summary>
    public int Pop(Span<byte> destination)
    {
        int size = RecordSize;
        int n = 0;
        while (_count > 0 && destination.Length - n * size >= size)
        {
            MemoryMarshal.AsBytes(new Span<T>(_items, _head, 1)).CopyTo(destination.Slice(n * size, size));
            _head = (_head + 1) % _items.Length;
            _count--;
            n++;
        }
        return n * size;
    }

    /// <summary>Empties the ring (the sequence keeps counting).</summary>
    public void Clear()
    {
        _head = 0;
        _count = 0;
    }
}
