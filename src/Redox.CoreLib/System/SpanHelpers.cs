using System.Runtime.CompilerServices;

namespace System;

/// <summary>The memory primitives ILC and the span types call by name.</summary>
internal static class SpanHelpers
{
    /// <summary>Copies bytes; overlapping regions are handled by choosing the direction.</summary>
    public static unsafe void Memmove(ref byte destination, ref byte source, nuint length)
    {
        byte* dst = (byte*)Unsafe.AsPointer(ref destination);
        byte* src = (byte*)Unsafe.AsPointer(ref source);
        if (dst == src || length == 0) return;
        if (dst < src || dst >= src + length)
        {
            nuint i = 0;
            for (; i + 8 <= length; i += 8) *(ulong*)(dst + i) = *(ulong*)(src + i);
            for (; i < length; i++) dst[i] = src[i];
        }
        else
        {
            nuint i = length;
            for (; i >= 8; i -= 8) *(ulong*)(dst + i - 8) = *(ulong*)(src + i - 8);
            for (; i > 0; i--) dst[i - 1] = src[i - 1];
        }
    }

    /// <summary>Zeroes bytes.</summary>
    public static unsafe void ClearWithoutReferences(ref byte b, nuint byteLength)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref b);
        nuint i = 0;
        for (; i + 8 <= byteLength; i += 8) *(ulong*)(p + i) = 0;
        for (; i < byteLength; i++) p[i] = 0;
    }

    /// <summary>Zeroes memory that may hold references (no GC: same as without).</summary>
    public static unsafe void ClearWithReferences(ref nint ip, nuint pointerSizeLength) =>
        ClearWithoutReferences(ref Unsafe.As<nint, byte>(ref ip), pointerSizeLength * (nuint)sizeof(nint));

    /// <summary>Sets <paramref name="numElements"/> bytes to <paramref name="value"/> (ILC calls this one by name).</summary>
    public static unsafe void Fill(ref byte refData, nuint numElements, byte value)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref refData);
        for (nuint i = 0; i < numElements; i++) p[i] = value;
    }

    /// <summary>Sets <paramref name="numElements"/> elements to <paramref name="value"/>.</summary>
    public static void FillElements<T>(ref T refData, nuint numElements, T value)
    {
        for (nuint i = 0; i < numElements; i++) Unsafe.Add(ref refData, i) = value;
    }
}
