using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Kernel.Arch;

namespace Redox.Kernel.Memory;

/// <summary>
/// The one kernel heap instance and the runtime's allocation entry point. Until paging is up it lives in the
/// 4 MiB early arena the boot stub reserves; <see cref="EnableGrowth"/> then lets it grow from fresh frames and
/// give whole pages back. Interrupts are the heap's lock (one CPU), held only for list work: committing frames,
/// zeroing and giving pages back run with interrupts as the caller had them, so a big allocation loses no ticks.
/// </summary>
public static unsafe class Heap
{
    private static KernelHeap s_heap;

    /// <summary>Statistics of the kernel heap.</summary>
    public static ref readonly KernelHeap Current => ref s_heap;

    /// <summary>The core library's allocator (every <c>new</c> ends here).</summary>
    [UnmanagedCallersOnly(EntryPoint = "redox_heap_allocate")]
    private static void* Allocate(nuint size) => AllocateBytes(size);

    /// <summary>Raw zeroed memory, 16-byte aligned; null when exhausted. Safe from any thread.</summary>
    public static byte* AllocateBytes(nuint size)
    {
        byte* payload;
        using (InterruptGuard.Enter())
        {
            if (!s_heap.IsInitialized) InitializeEarly();
            payload = s_heap.Reserve(size);                 // list work only: the block is ours from here
        }
        if (payload == null || s_heap.Prepare(payload)) return payload;   // frames and zeroing, interrupts on
        Release(payload, uncommitted: true);
        return null;
    }

    /// <summary>Returns raw memory from <see cref="AllocateBytes"/>; false for anything else.</summary>
    public static bool FreeBytes(byte* memory) => Release(memory, uncommitted: false);

    /// <summary>
    /// Frees an object. There is no GC: the caller promises nothing references it any more. Objects start one
    /// header word after their block (see the core library's Allocation).
    /// </summary>
    public static bool Free(object obj)
    {
        byte* address = (byte*)Unsafe.As<object, nint>(ref obj);
        return FreeBytes(address - sizeof(nint));
    }

    /// <summary>
    /// Lets the heap grow through <paramref name="grow"/> once the frame allocator and paging are ready; the
    /// kernel's paging also commits and releases the heap's pages.
    /// </summary>
    public static void EnableGrowth(delegate*<nuint, nuint*, byte*> grow)
    {
        HeapBacking backing = default;
        backing.Grow = grow;
        backing.Commit = &KernelPaging.CommitHeap;
        backing.Release = &KernelPaging.ReleaseHeap;
        backing.IsMapped = &KernelPaging.IsHeapMapped;
        using InterruptGuard guard = InterruptGuard.Enter();
        s_heap.SetBacking(backing);
    }

    private static bool Release(byte* memory, bool uncommitted)
    {
        byte* held;
        nuint start, end;
        using (InterruptGuard.Enter())
        {
            if (!s_heap.BeginFree(memory, uncommitted, out held, out start, out end)) return false;
        }
        if (held == null) return true;
        s_heap.ReleaseDeferred(start, end);                  // unmapping many pages, interrupts on
        using (InterruptGuard.Enter()) s_heap.FinishFree(held);
        return true;
    }

    private static void InitializeEarly()
    {
        byte* start, end;
        Image.EarlyHeapRange(&start, &end);
        s_heap.Initialize(start, (nuint)(end - start), default);
    }
}
