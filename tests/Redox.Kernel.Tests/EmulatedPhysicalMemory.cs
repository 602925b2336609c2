using System;
using Redox.Kernel.Memory;

namespace Redox.Kernel.Tests;

/// <summary>
/// Physical memory emulated by a native buffer: physical address = offset into the buffer, so an
/// <see cref="AddressSpace"/> built with <see cref="Window"/> as its physical window walks real tables in it.
/// </summary>
public sealed unsafe class EmulatedPhysicalMemory : IDisposable
{
    private readonly NativeBuffer _memory;
    private readonly NativeBuffer _bitmap;

    /// <summary><paramref name="freeFrames"/> frames (from frame 1 up) start free; the rest of the buffer stays used.</summary>
    public EmulatedPhysicalMemory(ulong bytes = 4 << 20, ulong? freeFrames = null)
    {
        _memory = new NativeBuffer((nuint)bytes, 2 << 20, fill: 0xCC);
        ulong frameCount = bytes / FrameAllocator.FrameSize;
        _bitmap = new NativeBuffer((nuint)(FrameAllocator.WordsFor(frameCount) * 8), 64);
        Frames = new FrameAllocator((ulong*)_bitmap.Pointer, frameCount);
        ulong free = freeFrames ?? frameCount - 1;
        Frames.MarkFree(0, (1 + free) * FrameAllocator.FrameSize);
    }

    public FrameAllocator Frames { get; }

    public ulong Window => _memory.Address;

    public byte* Pointer => _memory.Pointer;

    /// <summary>The table (512 entries) in the frame at <paramref name="physical"/>.</summary>
    public ulong* Table(ulong physical) => (ulong*)(_memory.Pointer + (physical & PageTableEntry.AddressMask));

    public AddressSpace NewSpace() => new AddressSpace(Frames, Window);

    public void Dispose()
    {
        _memory.Dispose();
        _bitmap.Dispose();
    }
}
