using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime.CompilerHelpers;

namespace System;

/// <summary>A contiguous, stack-only view of memory: an array's, the stack's, or raw memory's.</summary>
public readonly ref struct Span<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    /// <summary>A span over the whole array (empty for null).</summary>
    public Span(T[]? array)
    {
        if (array is null) { this = default; return; }
        _reference = ref MemoryMarshal.GetArrayDataReference(array);
        _length = array.Length;
    }

    /// <summary>A span over part of an array.</summary>
    public Span(T[]? array, int start, int length)
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

    /// <summary>A span over <paramref name="length"/> elements of unmanaged memory.</summary>
    public unsafe Span(void* pointer, int length)
    {
        if (length < 0) ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    /// <summary>A one-element span over a variable.</summary>
    public Span(ref T reference)
    {
        _reference = ref reference;
        _length = 1;
    }

    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    /// <summary>The element at <paramref name="index"/>.</summary>
    public ref T this[int index]
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
    public static Span<T> Empty => default;

    /// <summary>A reference to the first element, for <c>fixed</c>.</summary>
    public ref T GetPinnableReference()
    {
        ref T ret = ref Unsafe.NullRef<T>();
        if (_length != 0) ret = ref _reference;
        return ref ret;
    }

    /// <summary>Zeroes every element.</summary>
    public unsafe void Clear() =>
        SpanHelpers.ClearWithoutReferences(ref Unsafe.As<T, byte>(ref _reference), (nuint)(uint)_length * (nuint)Unsafe.SizeOf<T>());

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value) => SpanHelpers.FillElements(ref _reference, (nuint)(uint)_length, value);

    /// <summary>Copies into <paramref name="destination"/>, which must be at least as long.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (!TryCopyTo(destination)) ThrowHelpers.ThrowArgumentException();
    }

    /// <summary>Copies into <paramref name="destination"/> when it is long enough.</summary>
    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length) return false;
        Buffer.Memmove(ref destination._reference, ref _reference, (nuint)(uint)_length);
        return true;
    }

    /// <summary>The elements from <paramref name="start"/> on.</summary>
    public Span<T> Slice(int start)
    {
        if ((uint)start > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
    }

    /// <summary><paramref name="length"/> elements from <paramref name="start"/>.</summary>
    public Span<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (uint)length > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
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
    public static implicit operator Span<T>(T[]? array) => new Span<T>(array);

    /// <summary>A read-only view of the same memory.</summary>
    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    /// <summary>Enumerates a span without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly Span<T> _span;
        private int _index;

        internal Enumerator(Span<T> span)
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
        public ref T Current => ref _span[_index];
    }
}
