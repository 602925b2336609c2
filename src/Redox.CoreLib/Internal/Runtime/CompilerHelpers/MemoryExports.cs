using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>The memory symbols RyuJIT calls for block copies and fills (the C names and ILC's helpers).</summary>
internal static unsafe class MemoryExports
{
    [RuntimeExport("memset")]
    public static void* Memset(void* destination, int value, nuint count)
    {
        byte* d = (byte*)destination;
        for (nuint i = 0; i < count; i++) d[i] = (byte)value;
        return destination;
    }

    [RuntimeExport("memcpy")]
    public static void* Memcpy(void* destination, void* source, nuint count)
    {
        SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, count);
        return destination;
    }

    [RuntimeExport("memmove")]
    public static void* Memmove(void* destination, void* source, nuint count)
    {
        SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, count);
        return destination;
    }

    [RuntimeExport("RhSpanHelpers_MemCopy")]
    public static void MemCopy(byte* destination, byte* source, nuint count) =>
        SpanHelpers.Memmove(ref *destination, ref *source, count);

    [RuntimeExport("RhSpanHelpers_MemSet")]
    public static void MemSet(byte* destination, byte value, nuint count) => Memset(destination, value, count);

    [RuntimeExport("RhSpanHelpers_MemZero")]
    public static void MemZero(byte* destination, nuint count) => SpanHelpers.ClearWithoutReferences(ref *destination, count);
}
