using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// The process heap behind every <c>new</c> in a program (the core library's <c>redox_heap_allocate</c>): zeroed,
/// 16-byte-aligned blocks carved from anonymous memory the kernel maps on request (<c>fmap</c> on descriptor
/// <c>!0</c>, as Redox maps anonymous memory). Single-threaded, like the processes it serves. There is no GC:
/// blocks are freed explicitly with <see cref="Free"/>, which keeps them on a free list per size class.
/// </summary>
public static unsafe class ProcessHeap
{
    private const ulong ChunkSize = 256 * 1024;
    private const int HeaderSize = 16, Classes = 8, SmallestShift = 4;
    private const ulong TagInUse = 0x5052_4F43_5553_4531;   // "PROCUSE1"

    private static byte* s_next, s_end;
    private static ulong s_mapped;
    private static FreeLists s_freeLists;

    private struct FreeLists { public fixed ulong Heads[Classes]; }

    /// <summary>Bytes of anonymous memory the heap has mapped.</summary>
    public static ulong BytesMapped => s_mapped;

    [UnmanagedCallersOnly(EntryPoint = "redox_heap_allocate")]
    private static void* AllocateExport(nuint size) => Allocate(size);

    /// <summary>Zeroed, 16-byte-aligned memory; null when the kernel has none left.</summary>
    public static byte* Allocate(nuint size)
    {
        if (size == 0) size = 1;
        if (size > int.MaxValue) return null;
        int sizeClass = ClassOf(size);
        ulong capacity = sizeClass < Classes ? 1UL << (sizeClass + SmallestShift) : ((ulong)size + 15) & ~15UL;
        byte* block;
        if (sizeClass < Classes && s_freeLists.Heads[sizeClass] != 0)
        {
            block = (byte*)s_freeLists.Heads[sizeClass];
            s_freeLists.Heads[sizeClass] = *(ulong*)(block + HeaderSize);
            new Span<byte>(block + HeaderSize, (int)capacity).Clear();
        }
        else
        {
            block = Bump(capacity + HeaderSize);
            if (block == null) return null;
        }
        ((ulong*)block)[0] = capacity;
        ((ulong*)block)[1] = TagInUse;
        return block + HeaderSize;
    }

    /// <summary>Returns memory from <see cref="Allocate"/>; false for a pointer it never handed out.</summary>
    public static bool Free(void* memory)
    {
        byte* block = (byte*)memory - HeaderSize;
        if (memory == null || ((ulong*)block)[1] != TagInUse) return false;
        ulong capacity = ((ulong*)block)[0];
        ((ulong*)block)[1] = 0;
        int sizeClass = ClassOf((nuint)capacity);
        if (sizeClass >= Classes || 1UL << (sizeClass + SmallestShift) != capacity) return true;   // large: not reused
        *(ulong*)(block + HeaderSize) = s_freeLists.Heads[sizeClass];
        s_freeLists.Heads[sizeClass] = (ulong)block;
        return true;
    }

    private static int ClassOf(nuint size)
    {
        int sizeClass = 0;
        for (nuint capacity = (nuint)1 << SmallestShift; capacity < size; capacity <<= 1) sizeClass++;
        return sizeClass;
    }

    private static byte* Bump(ulong bytes)
    {
        bytes = (bytes + 15) & ~15UL;
        if (s_next == null || (ulong)(s_end - s_next) < bytes)
        {
            ulong size = (bytes + ChunkSize - 1) / ChunkSize * ChunkSize;
            SyscallResult mapped = Sys.MapAnonymous(size);
            if (mapped.IsError) return null;
            // A fresh chunk directly after the last one extends it; otherwise the old tail is abandoned.
            if ((byte*)mapped.Value != s_end) s_next = (byte*)mapped.Value;
            s_end = (byte*)mapped.Value + size;
            s_mapped += size;
        }
        byte* block = s_next;
        s_next += bytes;
        return block;
    }
}
