using System;

namespace Redox.Testing;

/// <summary>
/// What one client thread waits on while its call is in flight (the <c>TWaiter</c> of the kernel's
/// <see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>): a signal the driver side sets when the answer is in
/// the table. One per thread, reused for every call, so a hosted round trip allocates nothing once warm. A set that
/// arrives late (an answer that raced the caller's timeout) only makes the next wait look once at the table.
/// </summary>
internal sealed class CallSlot
{
    [ThreadStatic]
    private static CallSlot? t_current;

    /// <summary>Set when this thread's call is answered (or failed).</summary>
    public readonly SpinThenBlockSignal Done = new();

    /// <summary>This thread's waiter.</summary>
    public static CallSlot ForCurrentThread => t_current ??= new CallSlot();
}
