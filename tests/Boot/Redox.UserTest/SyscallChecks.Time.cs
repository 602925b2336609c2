using Redox.Syscall;

/// <summary>The <c>time:</c> scheme from ring 3: clocks read through a handle, deadlines that arrive through <c>event:</c>.</summary>
internal static unsafe partial class SyscallChecks
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    private static void TimeScheme()
    {
        Check(Sys.Open("time:2"u8, OpenFlags.ReadOnly).Error == Errno.ENOENT, "time: an unknown clock is ENOENT"u8);
        Check(Sys.Open("time:x"u8, OpenFlags.ReadOnly).Error == Errno.ENOENT, "time: a clock that is no number is ENOENT"u8);
        SyscallResult monotonic = Sys.Open("time:4"u8, OpenFlags.ReadWrite);
        SyscallResult realtime = Sys.Open("/scheme/time/1"u8, OpenFlags.ReadWrite);
        Check(monotonic.IsOk && realtime.IsOk, "time: open both clocks"u8);
        nuint clock = (nuint)monotonic.Value, wall = (nuint)realtime.Value;

        // A read fills whole TimeSpecs with the clock's time: between two clock_gettime readings.
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec before);
        TimeSpec* times = stackalloc TimeSpec[3];
        Check(Sys.Read(clock, new Span<byte>(times, 2 * sizeof(TimeSpec) + 5)).Value == (ulong)(2 * sizeof(TimeSpec)), "time: a read takes whole TimeSpecs"u8);
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec after);
        Check(Nanoseconds(before) <= Nanoseconds(times[0]) && Nanoseconds(times[1]) <= Nanoseconds(after), "time: the monotonic read is the clock"u8);
        Check(Sys.Read(clock, new Span<byte>(times, sizeof(TimeSpec) - 1)).Value == 0, "time: no whole TimeSpec reads 0 bytes"u8);
        Sys.ClockGettime(ClockId.Realtime, out TimeSpec wallNow);
        Check(Sys.Read(wall, new Span<byte>(times, sizeof(TimeSpec))).IsOk && times[0].Seconds >= wallNow.Seconds
            && times[0].Seconds < wallNow.Seconds + 2, "time: the realtime read is the wall clock"u8);
        Check(Sys.Call(SyscallNumbers.Read, clock, unchecked((nuint)0xFFFF_FFFF_8010_0000UL), 16).Error == Errno.EFAULT, "time: read into the kernel"u8);
        byte* path = stackalloc byte[16];
        SyscallResult length = Sys.Fpath(clock, new Span<byte>(path, 16));
        Check(length.IsOk && new ReadOnlySpan<byte>(path, (int)length.Value).SequenceEqual("time:4"u8), "time: fpath names the clock"u8);

        // Deadlines: refused when malformed; otherwise the handle becomes readable through an event queue.
        TimeSpec bad = new TimeSpec { Seconds = 1, Nanoseconds = 1_000_000_000 };
        Check(Sys.Write(clock, new ReadOnlySpan<byte>(&bad, sizeof(TimeSpec))).Error == Errno.EINVAL, "time: a deadline with nsec out of range"u8);
        SyscallResult queueOpen = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        Check(queueOpen.IsOk, "time: open an event queue"u8);
        nuint queue = (nuint)queueOpen.Value;
        Event* events = stackalloc Event[2];
        events[0] = new Event { Id = clock, Flags = (ulong)EventFlags.Read, Data = 0x7117 };
        events[1] = new Event { Id = wall, Flags = (ulong)EventFlags.Read, Data = 0x3A11 };
        Check(Sys.Write(queue, new ReadOnlySpan<byte>(events, 2 * sizeof(Event))).Value == (ulong)(2 * sizeof(Event)), "time: watch both clocks"u8);
        Check(Sys.Fcntl(queue, FcntlCommand.SetFl, (nuint)OpenFlags.NonBlock).IsOk
            && Sys.Read(queue, new Span<byte>(events, sizeof(Event))).Error == Errno.EAGAIN, "time: nothing ready before a deadline"u8);
        Sys.Fcntl(queue, FcntlCommand.SetFl, 0);

        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec start);
        TimeSpec deadline = Add(start, 30_000_000);
        Check(Sys.Write(clock, new ReadOnlySpan<byte>(&deadline, sizeof(TimeSpec))).Value == (ulong)sizeof(TimeSpec), "time: register a deadline"u8);
        SyscallResult got = Sys.Read(queue, new Span<byte>(events, 2 * sizeof(Event)));
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec woke);
        Check(got.Value == (ulong)sizeof(Event) && events[0].Id == clock && events[0].Data == 0x7117
            && (events[0].Flags & (ulong)EventFlags.Read) != 0, "time: the deadline arrives as the handle's event"u8);
        Check(Nanoseconds(woke) >= Nanoseconds(deadline), "time: not before the deadline"u8);
        Check(Nanoseconds(woke) < Nanoseconds(deadline) + 500_000_000, "time: soon after the deadline"u8);

        // A realtime deadline already past fires at the next tick.
        Sys.ClockGettime(ClockId.Realtime, out TimeSpec past);
        past.Seconds -= 5;
        Check(Sys.Write(wall, new ReadOnlySpan<byte>(&past, sizeof(TimeSpec))).IsOk, "time: register a past realtime deadline"u8);
        got = Sys.Read(queue, new Span<byte>(events, 2 * sizeof(Event)));
        Check(got.Value == (ulong)sizeof(Event) && events[0].Id == wall && events[0].Data == 0x3A11, "time: a past deadline fires"u8);

        // Far deadlines left pending go with the handle (the kernel side checks none is left after the process).
        TimeSpec far = Add(start, 3600 * NanosecondsPerSecond);
        Check(Sys.Write(clock, new ReadOnlySpan<byte>(&far, sizeof(TimeSpec))).IsOk, "time: register a far deadline"u8);
        Check(Sys.Close(clock).IsOk && Sys.Close(wall).IsOk && Sys.Close(queue).IsOk, "time: close"u8);
    }

    private static long Nanoseconds(in TimeSpec time) => time.Seconds * NanosecondsPerSecond + time.Nanoseconds;

    private static TimeSpec Add(in TimeSpec time, long nanoseconds)
    {
        long total = Nanoseconds(time) + nanoseconds;
        return new TimeSpec { Seconds = total / NanosecondsPerSecond, Nanoseconds = (int)(total % NanosecondsPerSecond) };
    }
}
