using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Memory;

/// <summary>
/// The one kernel heap instance and the runtime's allocation entry point. Until paging is up it lives in the
/// 4 MiB early arena the boot stub reserves; <see cref="EnableGrowth"/> then lets it map fresh frames.
/// </summary>
public static unsafe class Heap
{
    private static KernelHeap s_heap;

    /// <summary>Statistics of the kernel heap.</summary>
    public static ref readonly KernelHeap Current => ref s_heap;

    /// <summary>The core library's allocator (every <c>new</c> ends here).</summary>
    [UnmanagedCallersOnly(EntryPoint = "redox_heap_allocate")]
    private static void* Allocate(nuint size) => AllocateBytes(size);

    /// <summary>Raw zeroed memory, 16-byte aligned; null when exhausted. Safe from any thread (interrupts off inside).</summary>
    public static byte* AllocateBytes(nuint size)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        if (!s_heap.IsInitialized) InitializeEarly();
        return s_heap.Allocate(size);
    }

    /// <summary>Returns raw memory from <see cref="AllocateBytes"/>.</summary>
    public static bool FreeBytes(byte* memory)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return s_heap.Free(memory);
    }

    /// <summary>
    /// Frees an object. There is no GC: the caller promises nothing references it any more. Objects start one
    /// header word after their block (see the core library's Allocation).
    /// </summary>
    public static bool Free(object obj)
    {
        byte* address = (byte*)Unsafe.As<object, nint>(ref obj);
        return FreeBytes(address - sizeof(nint));
    }

    /// <summary>Lets the heap grow through <paramref name="grow"/> once the frame allocator and paging are ready.</summary>
    public static void EnableGrowth(delegate*<nuint, nuint*, byte*> grow) => s_heap.SetGrow(grow);

    private static void InitializeEarly()
    {
        byte* start, end;
        Native.EarlyHeapRange(&start, &end);
        s_heap.Initialize(start, (nuint)(end - start), null);
    }
}
