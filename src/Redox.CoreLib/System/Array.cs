namespace System;

/// <summary>
/// The base of every array. The layout is a contract with ILC: the element count follows the MethodTable
/// pointer, padded to 8 bytes on 64-bit, then the elements.
/// </summary>
public abstract class Array
{
#pragma warning disable CS0649, CS0169 // Written by the allocator.
    private int _numComponents;
    private int _padding;
#pragma warning restore CS0649, CS0169

    /// <summary>The number of elements.</summary>
    public int Length => _numComponents;

    /// <summary>Clears <paramref name="length"/> elements starting at <paramref name="index"/>.</summary>
    public static unsafe void Clear(Array array, int index, int length)
    {
        if (array is null || index < 0 || length < 0 || (uint)(index + length) > (uint)array._numComponents)
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        nuint elementSize = array.m_pEEType->ComponentSize;
        byte* first = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref array.GetRawData()) + (nuint)index * elementSize;
        SpanHelpers.ClearWithoutReferences(ref *first, (nuint)length * elementSize);
    }

    internal ref byte GetRawData() => ref System.Runtime.CompilerServices.Unsafe.As<int, byte>(ref System.Runtime.CompilerServices.Unsafe.Add(ref _numComponents, 2));
}
