using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime.CompilerHelpers;

namespace System;

/// <summary>A contiguous, read-only, stack-only view of memory (also what <c>u8</c> literals and strings give).</summary>
public readonly ref struct ReadOnlySpan<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    /// <summary>A span over the whole array (empty for null).</summary>
    public ReadOnlySpan(T[]? array)
    {
        if (array is null) { this = default; return; }
        _reference = ref MemoryMarshal.GetArrayDataReference(array);
        _length = array.Length;
    }

    /// <summary>A span over part of an array.</summary>
    public ReadOnlySpan(T[]? array, int start, int length)
    {
        if (array is null)
        {
            if (start != 0 || length != 0) ThrowHelpers.ThrowArgumentOutOfRangeException();
            this = default;
            return;
        }
        if ((ulong)(uint)start + (uint)length > (uint)array.Length) ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), start);
        _length = length;
    }

    /// <summary>A span over <paramref name="length"/> elements of unmanaged memory (the compiler uses it for <c>u8</c> literals).</summary>
    public unsafe ReadOnlySpan(void* pointer, int length)
    {
        if (length < 0) ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    /// <summary>A one-element span over a variable.</summary>
    public ReadOnlySpan(ref readonly T reference)
    {
        _reference = ref Unsafe.AsRef(in reference);
        _length = 1;
    }

    internal ReadOnlySpan(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    /// <summary>The element at <paramref name="index"/>.</summary>
    public ref readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRangeException();
            return ref Unsafe.Add(ref _reference, (nint)(uint)index);
        }
    }

    /// <summary>The number of elements.</summary>
    public int Length => _length;

    /// <summary>True when there are no elements.</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>The empty span.</summary>
    public static ReadOnlySpan<T> Empty => default;

    /// <summary>A reference to the first element, for <c>fixed</c>.</summary>
    public ref readonly T GetPinnableReference()
    {
        ref T ret = ref Unsafe.NullRef<T>();
        if (_length != 0) ret = ref _reference;
        return ref ret;
    }

    /// <summary>Copies into <paramref name="destination"/>, which must be at least as long.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (!TryCopyTo(destination)) ThrowHelpers.ThrowArgumentException();
    }

    /// <summary>Copies into <paramref name="destination"/> when it is long enough.</summary>
    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length) return false;
        Buffer.Memmove(ref MemoryMarshal.GetReference(destination), ref _reference, (nuint)(uint)_length);
        return true;
    }

    /// <summary>The elements from <paramref name="start"/> on.</summary>
    public ReadOnlySpan<T> Slice(int start)
    {
        if ((uint)start > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
    }

    /// <summary><paramref name="length"/> elements from <paramref name="start"/>.</summary>
    public ReadOnlySpan<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (uint)length > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
    }

    /// <summary>Copies the elements into a new array (allocates).</summary>
    public T[] ToArray()
    {
        if (_length == 0) return new T[0];
        var result = new T[_length];
        Buffer.Memmove(ref MemoryMarshal.GetArrayDataReference(result), ref _reference, (nuint)(uint)_length);
        return result;
    }

    /// <summary>An enumerator for <c>foreach</c> (a struct: no allocation).</summary>
    public Enumerator GetEnumerator() => new Enumerator(this);

    /// <summary>A span over an array.</summary>
    public static implicit operator ReadOnlySpan<T>(T[]? array) => new ReadOnlySpan<T>(array);

    /// <summary>Enumerates a span without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<T> _span;
        private int _index;

        internal Enumerator(ReadOnlySpan<T> span)
        {
            _span = span;
            _index = -1;
        }

        /// <summary>Moves to the next element.</summary>
        public bool MoveNext()
        {
            int index = _index + 1;
            if (index < _span.Length)
            {
                _index = index;
                return true;
            }
            return false;
        }

        /// <summary>The current element.</summary>
        public ref readonly T Current => ref _span[_index];
    }
}
