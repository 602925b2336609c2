using System.Runtime.CompilerServices;

namespace System;

/// <summary>The memory primitives ILC and the span types call by name.</summary>
internal static class SpanHelpers
{
    /// <summary>
    /// 64 bytes moved as one value: ILC copies and clears it with four 16-byte SSE loads and stores, so a block costs
    /// about as many instructions as one 8-byte word in a scalar loop. (Under <c>-icount</c> the zero: scheme's 4 KiB
    /// read spent 3,084 of its 5,053 instructions clearing its buffer 8 bytes at a time; benchmarks/README.md.)
    /// </summary>
    private struct Block64
    {
#pragma warning disable CS0649 // never read or written by name: moved whole
        private ulong _0, _1, _2, _3, _4, _5, _6, _7;
#pragma warning restore CS0649
    }

    /// <summary>Copies bytes; overlapping regions are handled by choosing the direction.</summary>
    public static unsafe void Memmove(ref byte destination, ref byte source, nuint length)
    {
        byte* dst = (byte*)Unsafe.AsPointer(ref destination);
        byte* src = (byte*)Unsafe.AsPointer(ref source);
        if (dst == src || length == 0) return;
        // A block is one value copy: the compiler may order its loads and stores any way, so blocks are used only
        // where source and destination blocks cannot overlap (the regions are disjoint, or a block or more apart).
        // Words and bytes are each loaded before they are stored, which is all an overlapping copy needs.
        if (dst < src || dst >= src + length)
        {
            nuint i = 0;
            if (dst >= src + length || (nuint)(src - dst) >= 64)
            {
                for (; i + 64 <= length; i += 64) *(Block64*)(dst + i) = *(Block64*)(src + i);
            }
            for (; i + 8 <= length; i += 8) *(ulong*)(dst + i) = *(ulong*)(src + i);
            for (; i < length; i++) dst[i] = src[i];
        }
        else
        {
            // Backward: the destination above an overlapping source.
            nuint i = length;
            if ((nuint)(dst - src) >= 64)
            {
                for (; i >= 64; i -= 64) *(Block64*)(dst + i - 64) = *(Block64*)(src + i - 64);
            }
            for (; i >= 8; i -= 8) *(ulong*)(dst + i - 8) = *(ulong*)(src + i - 8);
            for (; i > 0; i--) dst[i - 1] = src[i - 1];
        }
    }

    /// <summary>Zeroes bytes.</summary>
    public static unsafe void ClearWithoutReferences(ref byte b, nuint byteLength)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref b);
        nuint i = 0;
        if (byteLength < 8)
        {
            // A few bytes (a driver's one-byte read, a small struct): straight to the byte loop, past the block and word tests.
            for (; i < byteLength; i++) p[i] = 0;
            return;
        }
        for (; i + 64 <= byteLength; i += 64) *(Block64*)(p + i) = default;
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
        ulong word = value * 0x0101_0101_0101_0101UL;
        nuint i = 0;
        for (; i + 8 <= numElements; i += 8) *(ulong*)(p + i) = word;
        for (; i < numElements; i++) p[i] = value;
    }

    /// <summary>Sets <paramref name="numElements"/> elements to <paramref name="value"/>.</summary>
    public static void FillElements<T>(ref T refData, nuint numElements, T value)
    {
        for (nuint i = 0; i < numElements; i++) Unsafe.Add(ref refData, i) = value;
    }
}
