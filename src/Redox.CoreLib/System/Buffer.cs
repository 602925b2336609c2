using System.Runtime.CompilerServices;

namespace System;

/// <summary>Raw memory copies.</summary>
public static class Buffer
{
    /// <summary>Copies <paramref name="sourceBytesToCopy"/> bytes; the regions may overlap.</summary>
    public static unsafe void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        if (sourceBytesToCopy > destinationSizeInBytes) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, (nuint)sourceBytesToCopy);
    }

    /// <summary>Copies <paramref name="elementCount"/> elements of <typeparamref name="T"/>.</summary>
    internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount) =>
        SpanHelpers.Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());

    /// <summary>ILC calls this to copy memory that holds references; without a GC there is no barrier to run.</summary>
    internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount) =>
        SpanHelpers.Memmove(ref destination, ref source, byteCount);
}
