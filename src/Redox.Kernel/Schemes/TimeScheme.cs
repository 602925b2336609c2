using Redox.Kernel.Arch;
using Redox.Kernel.Ipc;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Syscalls;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// The <c>time:</c> scheme, Redox's way: <c>time:N</c> opens clock N (CLOCK_REALTIME 1 or CLOCK_MONOTONIC 4, anything
/// else ENOENT). A read fills whole <see cref="TimeSpec"/>s with the clock's current time; each <see cref="TimeSpec"/>
/// written is an absolute deadline on that clock, after which the handle is readable (EVENT_READ) for the
/// <c>event:</c> queues that watch it: how an event loop gets timeouts beside its other descriptors. fevent answers
/// nothing ready (readiness arrives only as the timeout's event), as in Redox. Deviations, each a bound Redox does
/// not have: at most <see cref="MaxTimeouts"/> deadlines pending in the whole system (a write that finds no room
/// takes the bytes registered so far, ENOSPC when none), at most <see cref="MaxPerRead"/> times per read, and a
/// deadline with negative seconds or nanoseconds outside 0..999,999,999 is EINVAL. Resolution is the timer tick.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
public static unsafe class TimeScheme
{
    /// <summary>Deadlines pending at once, all handles together.</summary>
    public const int MaxTimeouts = 64;

    /// <summary>Times one read returns at most.</summary>
    public const int MaxPerRead = 16;

    private static readonly TimeoutTable<KernelFile> s_timeouts = new TimeoutTable<KernelFile>(MaxTimeouts);

    /// <summary>
    /// Builds the deadline table before the timer runs: the timer interrupt reads it on every tick, and a class
    /// constructor run lazily from there would allocate inside an interrupt.
    /// </summary>
    public static void Initialize() => _ = s_timeouts.Count;

    /// <summary>Deadlines pending now.</summary>
    public static int Pending => s_timeouts.Count;

    /// <summary>open("time:N").</summary>
    public static SyscallResult Open(Process process, ReadOnlySpan<byte> path, uint flags)
    {
        int clock = Boot.InitManifest.Number(path, -1);
        if (clock != (int)ClockId.Realtime && clock != (int)ClockId.Monotonic) return Errno.ENOENT;
        KernelFile file = new KernelFile(KernelFileKind.Time, flags, (ulong)clock);
        int fd = process.Files.Add(file);
        if (fd >= 0) return SyscallResult.Ok((ulong)fd);
        Heap.Free(file);
        return Errno.EMFILE;
    }

    /// <summary>read(time, buf): the clock's current time in each whole <see cref="TimeSpec"/> of the buffer (0 bytes when none fits).</summary>
    public static SyscallResult Read(Process process, KernelFile file, ulong buffer, ulong length)
    {
        ulong count = length / (ulong)sizeof(TimeSpec);
        if (count > MaxPerRead) count = MaxPerRead;
        ulong bytes = count * (ulong)sizeof(TimeSpec);
        Errno error = UserMemory.Check(process.Space, buffer, bytes, write: true);
        if (error != 0) return error;
        for (ulong i = 0; i < count; i++)
        {
            TimeSpec now = TimeCalls.Clock((ClockId)file.HandleId);
            UserMemory.CopyOutChecked(buffer + i * (ulong)sizeof(TimeSpec), &now, (ulong)sizeof(TimeSpec));
        }
        return SyscallResult.Ok(bytes);
    }

    /// <summary>write(time, deadlines): registers each whole <see cref="TimeSpec"/> as a timeout; the bytes taken.</summary>
    public static SyscallResult Write(Process process, KernelFile file, ulong buffer, ulong length)
    {
        ulong count = length / (ulong)sizeof(TimeSpec);
        for (ulong i = 0; i < count; i++)
        {
            TimeSpec deadline;
            Errno error = UserMemory.CopyIn(&deadline, buffer + i * (ulong)sizeof(TimeSpec), (ulong)sizeof(TimeSpec));
            if (error == 0 && !TimeCalls.IsValid(deadline)) error = Errno.EINVAL;
            bool added = false;
            if (error == 0)
            {
                ulong due = TimeCalls.DueTick((ClockId)file.HandleId, deadline, TimeCalls.RealtimeAtBoot);
                using (InterruptGuard.Enter()) added = s_timeouts.Add(file, due);
                if (!added) error = Errno.ENOSPC;
            }
            if (error != 0) return i == 0 ? error : SyscallResult.Ok(i * (ulong)sizeof(TimeSpec));
        }
        return SyscallResult.Ok(count * (ulong)sizeof(TimeSpec));
    }

    /// <summary>The timer interrupt counted tick <paramref name="now"/> (interrupts off): every deadline due fires as EVENT_READ.</summary>
    internal static void OnTick(ulong now)
    {
        KernelFile? due;
        while ((due = s_timeouts.TakeDue(now)) is not null) EventQueues.PostTime(due);
    }

    /// <summary>The last descriptor of a time handle went: its pending deadlines go with it.</summary>
    public static void Release(KernelFile file)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        s_timeouts.Cancel(file);
    }
}
