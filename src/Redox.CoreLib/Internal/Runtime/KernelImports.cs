using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime;

/// <summary>
/// The services the core library needs from whatever it is linked with (the Redox.NET kernel). These are native
/// symbols: the kernel exports them with <c>[UnmanagedCallersOnly(EntryPoint = ...)]</c>. This is the whole
/// contract between the runtime and the kernel.
/// </summary>
internal static unsafe class KernelImports
{
    /// <summary>Returns <paramref name="size"/> zeroed bytes, 16-byte aligned, or null when memory is exhausted.</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_heap_allocate")]
    public static extern void* HeapAllocate(nuint size);

    /// <summary>Prints a panic line (<paramref name="kind"/>: <paramref name="message"/>) and stops the machine; never returns.</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_panic")]
    public static extern void Panic(char* kind, int kindLength, char* message, int messageLength);

    /// <summary>
    /// Panics for an unhandled exception whose MethodTable is <paramref name="methodTable"/>. The kernel turns the
    /// address into the type's name (bare metal carries no reflection metadata); never returns.
    /// </summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_panic_exception")]
    public static extern void PanicException(void* methodTable, char* message, int messageLength);
}
