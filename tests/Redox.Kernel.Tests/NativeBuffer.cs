using System;
using System.Runtime.InteropServices;

namespace Redox.Kernel.Tests;

/// <summary>Aligned native memory outside the GC heap: bitmaps, emulated physical memory, heap regions.</summary>
public sealed unsafe class NativeBuffer : IDisposable
{
    public NativeBuffer(nuint length, nuint alignment = 4096, byte fill = 0)
    {
        Length = length;
        Pointer = (byte*)NativeMemory.AlignedAlloc(length, alignment);
        NativeMemory.Fill(Pointer, length, fill);
    }

    public byte* Pointer { get; private set; }

    public nuint Length { get; }

    public ulong Address => (ulong)Pointer;

    public byte* End => Pointer + Length;

    public void Dispose()
    {
        if (Pointer == null) return;
        NativeMemory.AlignedFree(Pointer);
        Pointer = null;
    }
}
