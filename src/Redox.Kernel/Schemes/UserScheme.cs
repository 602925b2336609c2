using Redox.Kernel.Ipc;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel.Schemes;

/// <summary>
/// A scheme served by a ring-3 driver process: its calls in flight (<see cref="SchemeCallTable{TWaiter}"/>, the state
/// machine Redox.Testing runs too), the driver thread waiting on its socket, and one buffer per call slot in the
/// driver's memory that call buffers are copied through. Lives while its socket or any handle refers to it; once the
/// driver is gone it answers EIO.
/// </summary>
public sealed class UserScheme
{
    /// <summary>Calls one scheme can have in flight.</summary>
    public const int CallCapacity = 32;

    /// <summary>Bytes one call can move either way (larger reads and writes are short, as POSIX allows).</summary>
    public const ulong BufferSize = 4096;

    internal UserScheme(Process owner, ulong buffers)
    {
        Owner = owner;
        Buffers = buffers;
        References = 1;
    }

    /// <summary>The driver process; null once the scheme is closed.</summary>
    public Process? Owner { get; internal set; }

    /// <summary>The calls in flight.</summary>
    public SchemeCallTable<KernelThread> Calls { get; } = new SchemeCallTable<KernelThread>(CallCapacity);

    /// <summary>The first call buffer, in the driver's address space (<see cref="CallCapacity"/> of <see cref="BufferSize"/> bytes).</summary>
    public ulong Buffers { get; }

    /// <summary>Answers the driver wrote with a tag of no call it was given (dropped; counted for tests and reports).</summary>
    public ulong DroppedAnswers { get; internal set; }

    /// <summary>Close messages that found every slot busy (the driver never learned of that close).</summary>
    public ulong LostCloses { get; internal set; }

    /// <summary>The driver thread blocked reading its socket, if any: a new call switches straight to it.</summary>
    internal KernelThread? Reader;

    /// <summary>
    /// The tag of the call handed over to <see cref="Reader"/> (<see cref="SchemeCallTable{TWaiter}.HandOver"/>: already
    /// delivered, past the queue), for the reader to copy out when it runs; 0 when none.
    /// </summary>
    internal uint HandedTag;

    /// <summary>
    /// Some <c>event:</c> queue has watched this scheme's socket (never cleared): only then does a request queued while
    /// the driver is not reading its socket look for queues to post to, so the IPC fast path of a driver that blocks
    /// on its socket pays nothing for the scan.
    /// </summary>
    internal bool SocketWatched;

    /// <summary>The socket and the handles that refer to this scheme.</summary>
    internal int References;

    /// <summary>Each slot's client buffer.</summary>
    internal readonly CallTransfer[] Transfers = new CallTransfer[CallCapacity];

    /// <summary>The driver-side buffer of call slot <paramref name="slot"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong BufferFor(int slot) => Buffers + (ulong)slot * BufferSize;
}
