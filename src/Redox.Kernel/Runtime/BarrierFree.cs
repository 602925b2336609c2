using System.Runtime.CompilerServices;

namespace Redox.Kernel.Runtime;

/// <summary>
/// Reference stores without ILC's write barrier. ILC calls <c>RhpAssignRef</c> for every reference it stores into
/// the heap; this kernel has no collector, so that barrier is the store alone (the core library's
/// native/x64/RuntimeStubs.S) behind a call. The few stores on the scheme round trip (the thread on the CPU, its
/// process, the driver waiting on its socket) store the reference as a word instead: the same bytes in the same
/// place, without the call and the registers it costs its caller.
/// <para>
/// Only in code that can run on bare metal alone (it reaches the CPU through <c>Native</c>, which no host test can
/// call): never in <c>Scheduler</c> or the <c>Ipc</c> tables, which the host tests and Redox.Testing run on the
/// host's collector, where a store without its barrier can lose an object.
/// </para>
/// </summary>
internal static class BarrierFree
{
    /// <summary><c>field = value</c>, for a field in the heap (or static storage) of the kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(ref T? field, T? value) where T : class
        => Unsafe.As<T?, nint>(ref field) = Unsafe.As<T?, nint>(ref value);
}
