using System;
using System.Threading;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// One client thread's call in flight: the request it sent, the response it waits for. Reused for every
/// call of that thread, so a hosted round trip allocates nothing once warm.
/// </summary>
internal sealed class CallSlot
{
    [ThreadStatic]
    private static CallSlot? t_current;

    /// <summary>The signal the driver side sets when <see cref="Response"/> is ready.</summary>
    public readonly SpinThenBlockSignal Done = new();

    /// <summary>The request, tag included.</summary>
    public Sqe Request;

    /// <summary>The response.</summary>
    public Cqe Response;

    /// <summary>The tag of the call this slot currently waits for (0: none).</summary>
    public uint Tag;

    /// <summary>This thread's slot.</summary>
    public static CallSlot ForCurrentThread => t_current ??= new CallSlot();

    /// <summary>Completes the call with <paramref name="response"/>.</summary>
    public void Complete(in Cqe response)
    {
        Response = response;
        Done.Set();
    }
}
