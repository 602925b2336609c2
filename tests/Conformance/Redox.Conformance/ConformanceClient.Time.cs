using System;
using Redox.Syscall;

namespace Redox.Conformance;

public static unsafe partial class ConformanceClient
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    // 12: the time: scheme: which clocks open, reads of whole TimeSpecs, deadlines that arrive through event:.
    private static int TimeClocksAndDeadlines()
    {
        if (!Fails(Sys.Open("time:2"u8, OpenFlags.ReadOnly), Errno.ENOENT)) return 1301;
        if (!TryOpen("time:4"u8, OpenFlags.ReadWrite, out nuint clock)) return 1302;
        if (!TryOpen("time:1"u8, OpenFlags.ReadWrite, out nuint wall)) return 1303;
        TimeSpec* times = stackalloc TimeSpec[3];
        if (Sys.ClockGettime(ClockId.Monotonic, out TimeSpec before).IsError) return 1304;
        if (!Ok(Sys.Read(clock, new Span<byte>(times, 2 * sizeof(TimeSpec) + 5)), (ulong)(2 * sizeof(TimeSpec)))) return 1305;
        if (Sys.ClockGettime(ClockId.Monotonic, out TimeSpec after).IsError) return 1306;
        if (Nanoseconds(times[0]) < Nanoseconds(before) || Nanoseconds(times[1]) > Nanoseconds(after)) return 1307;
        if (!Ok(Sys.Read(clock, new Span<byte>(times, sizeof(TimeSpec) - 1)), 0)) return 1308;
        if (Sys.ClockGettime(ClockId.Realtime, out TimeSpec wallNow).IsError) return 1309;
        if (!Ok(Sys.Read(wall, new Span<byte>(times, sizeof(TimeSpec))), (ulong)sizeof(TimeSpec))) return 1310;
        if (times[0].Seconds < wallNow.Seconds || times[0].Seconds > wallNow.Seconds + 1) return 1311;
        byte* path = stackalloc byte[16];
        SyscallResult length = Sys.Fpath(clock, new Span<byte>(path, 16));
        if (length.IsError || !new ReadOnlySpan<byte>(path, (int)length.Value).SequenceEqual("time:4"u8)) return 1312;

        TimeSpec bad = new TimeSpec { Seconds = 1, Nanoseconds = 1_000_000_000 };
        if (!Fails(Sys.Write(clock, new ReadOnlySpan<byte>(&bad, sizeof(TimeSpec))), Errno.EINVAL)) return 1313;
        if (!TryOpen("event:"u8, OpenFlags.ReadWrite | OpenFlags.NonBlock, out nuint queue)) return 1314;
        Event* events = stackalloc Event[2];
        events[0] = new Event { Id = clock, Flags = (ulong)EventFlags.Read, Data = 0x7117 };
        events[1] = new Event { Id = wall, Flags = (ulong)EventFlags.Read, Data = 0x3A11 };
        if (!Ok(Sys.Write(queue, new ReadOnlySpan<byte>(events, 2 * sizeof(Event))), (ulong)(2 * sizeof(Event)))) return 1315;
        if (!Fails(Sys.Read(queue, new Span<byte>(events, sizeof(Event))), Errno.EAGAIN)) return 1316;   // ready only after a deadline

        // A deadline 30 ms ahead: the handle's event arrives, not before the deadline.
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec start);
        TimeSpec deadline = Add(start, 30_000_000);
        if (!Ok(Sys.Write(clock, new ReadOnlySpan<byte>(&deadline, sizeof(TimeSpec))), (ulong)sizeof(TimeSpec))) return 1317;
        if (!WaitForEvent(queue, events, out TimeSpec woke)) return 1318;
        if (events[0].Id != clock || events[0].Data != 0x7117 || (events[0].Flags & (ulong)EventFlags.Read) == 0) return 1319;
        if (Nanoseconds(woke) < Nanoseconds(deadline)) return 1320;

        // A realtime deadline already past fires at once.
        Sys.ClockGettime(ClockId.Realtime, out TimeSpec past);
        past.Seconds -= 5;
        if (!Ok(Sys.Write(wall, new ReadOnlySpan<byte>(&past, sizeof(TimeSpec))), (ulong)sizeof(TimeSpec))) return 1321;
        if (!WaitForEvent(queue, events, out _)) return 1322;
        if (events[0].Id != wall || events[0].Data != 0x3A11) return 1323;

        if (!Ok(Sys.Close(clock), 0) || !Ok(Sys.Close(wall), 0) || !Ok(Sys.Close(queue), 0)) return 1324;
        return 0;
    }

    // Polls the non-blocking queue for one event (the scenario must not hang if none comes): about 5 s at most.
    private static bool WaitForEvent(nuint queue, Event* events, out TimeSpec when)
    {
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec start);
        while (true)
        {
            SyscallResult got = Sys.Read(queue, new Span<byte>(events, 2 * sizeof(Event)));
            Sys.ClockGettime(ClockId.Monotonic, out when);
            if (got.IsOk) return got.Value == (ulong)sizeof(Event);
            if (got.Error != Errno.EAGAIN || Nanoseconds(when) - Nanoseconds(start) > 5 * NanosecondsPerSecond) return false;
            Sys.Yield();
        }
    }

    private static long Nanoseconds(in TimeSpec time) => time.Seconds * NanosecondsPerSecond + time.Nanoseconds;

    private static TimeSpec Add(in TimeSpec time, long nanoseconds)
    {
        long total = Nanoseconds(time) + nanoseconds;
        return new TimeSpec { Seconds = total / NanosecondsPerSecond, Nanoseconds = (int)(total % NanosecondsPerSecond) };
    }
}
