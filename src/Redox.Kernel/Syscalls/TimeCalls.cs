using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// Clocks and sleeping. The clock is the scheduler's tick (10 ms at 100 Hz): CLOCK_MONOTONIC counts from boot;
/// CLOCK_REALTIME is the CMOS clock's reading at boot (<see cref="Boot.RtcClock"/>, UTC) plus the time since.
/// </summary>
public static unsafe class TimeCalls
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Seconds since the epoch at boot (0 when the RTC gave no valid date: realtime then counts from boot).</summary>
    public static ulong RealtimeAtBoot { get; set; }

    /// <summary>Nanoseconds since boot.</summary>
    public static ulong Now() => Threads.Scheduler!.Ticks * (ulong)(NanosecondsPerSecond / KernelMain.TimerHertz);

    /// <summary>SYS_CLOCK_GETTIME(clock, timespec_ptr).</summary>
    public static SyscallResult ClockGettime(Process process, ulong clock, ulong pointer)
    {
        if (clock != (ulong)ClockId.Monotonic && clock != (ulong)ClockId.Realtime) return Errno.EINVAL;
        TimeSpec time = Clock((ClockId)clock);
        Errno error = UserMemory.CopyOut(pointer, &time, (ulong)sizeof(TimeSpec));
        return error != 0 ? error : SyscallResult.Ok(0);
    }

    /// <summary>The current time of <paramref name="clock"/> (monotonic unless it is <see cref="ClockId.Realtime"/>).</summary>
    public static TimeSpec Clock(ClockId clock)
    {
        ulong now = Now();
        TimeSpec time;
        time.Seconds = (long)(now / NanosecondsPerSecond + (clock == ClockId.Realtime ? RealtimeAtBoot : 0));
        time.Nanoseconds = (int)(now % NanosecondsPerSecond);
        return time;
    }

    /// <summary>True for a time POSIX accepts: seconds not negative, nanoseconds 0..999,999,999.</summary>
    public static bool IsValid(in TimeSpec time)
        => time.Seconds >= 0 && time.Nanoseconds >= 0 && time.Nanoseconds < NanosecondsPerSecond;

    /// <summary>
    /// The first timer tick at or after the absolute <paramref name="time"/> on <paramref name="clock"/> (realtime counts
    /// from <paramref name="realtimeAtBoot"/> seconds; a time before boot is tick 0, so it is due at once). Saturating.
    /// </summary>
    public static ulong DueTick(ClockId clock, in TimeSpec time, ulong realtimeAtBoot)
        => DueTick(clock, time, realtimeAtBoot, KernelMain.TimerHertz);

    /// <summary>
    /// <see cref="DueTick(ClockId, in TimeSpec, ulong)"/> for a clock of <paramref name="hertz"/> ticks per second (1 to
    /// 10^9): the hosted kernel counts in nanoseconds with the same rules.
    /// </summary>
    public static ulong DueTick(ClockId clock, in TimeSpec time, ulong realtimeAtBoot, ulong hertz)
    {
        ulong seconds = (ulong)time.Seconds;
        if (clock == ClockId.Realtime)
        {
            if (seconds < realtimeAtBoot) return 0;
            seconds -= realtimeAtBoot;
        }
        TimeSpec sinceBoot = time;
        sinceBoot.Seconds = (long)seconds;
        return TicksFor(sinceBoot, hertz);
    }

    /// <summary>SYS_NANOSLEEP(request_ptr, remaining_ptr): sleeps at least the request, rounded up to whole ticks.</summary>
    public static SyscallResult Nanosleep(Process process, ulong request, ulong remaining)
    {
        TimeSpec time;
        Errno error = UserMemory.CopyIn(&time, request, (ulong)sizeof(TimeSpec));
        if (error != 0) return error;
        if (!IsValid(time)) return Errno.EINVAL;
        if (remaining != 0)
        {
            error = UserMemory.Check(process.Space, remaining, (ulong)sizeof(TimeSpec), write: true);
            if (error != 0) return error;
        }
        ulong ticks = TicksFor(time);
        if (ticks > 0) Threads.Sleep(ticks);
        if (remaining != 0)
        {
            TimeSpec zero = default;
            UserMemory.CopyOut(remaining, &zero, (ulong)sizeof(TimeSpec));
        }
        return SyscallResult.Ok(0);
    }

    /// <summary>Whole ticks covering <paramref name="time"/> (saturating: a huge request sleeps "forever").</summary>
    public static ulong TicksFor(in TimeSpec time) => TicksFor(time, KernelMain.TimerHertz);

    /// <summary>Whole ticks of a <paramref name="hertz"/> clock covering <paramref name="time"/> (saturating).</summary>
    public static ulong TicksFor(in TimeSpec time, ulong hertz)
    {
        ulong tickNanoseconds = (ulong)NanosecondsPerSecond / hertz;
        ulong seconds = (ulong)time.Seconds;
        if (seconds > ulong.MaxValue / hertz - 1) return ulong.MaxValue / 2;
        return seconds * hertz + ((ulong)time.Nanoseconds + tickNanoseconds - 1) / tickNanoseconds;
    }
}
