using Redox.Kernel.Syscalls;
using Redox.Syscall;
using Xunit;

namespace Redox.Kernel.Tests;

public class TimeCallsTests
{
    private const ulong TickNanoseconds = 1_000_000_000 / KernelMain.TimerHertz;

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 1, 1)]                                    // any part of a tick waits for the whole tick
    [InlineData(0, (int)TickNanoseconds, 1)]
    [InlineData(0, (int)TickNanoseconds + 1, 2)]
    [InlineData(2, 0, 2 * KernelMain.TimerHertz)]
    public void A_monotonic_deadline_is_the_first_tick_at_or_after_it(long seconds, int nanoseconds, ulong tick)
    {
        var time = new TimeSpec { Seconds = seconds, Nanoseconds = nanoseconds };
        Assert.Equal(tick, TimeCalls.DueTick(ClockId.Monotonic, time, realtimeAtBoot: 1_700_000_000));
    }

    [Fact]
    public void A_realtime_deadline_counts_from_the_boot_time_and_one_before_boot_is_due_at_once()
    {
        const ulong boot = 1_700_000_000;
        var later = new TimeSpec { Seconds = (long)boot + 3, Nanoseconds = 0 };
        var before = new TimeSpec { Seconds = (long)boot - 3, Nanoseconds = 5 };
        Assert.Equal(3 * KernelMain.TimerHertz, TimeCalls.DueTick(ClockId.Realtime, later, boot));
        Assert.Equal(0ul, TimeCalls.DueTick(ClockId.Realtime, before, boot));
        // The same TimeSpec on the monotonic clock is decades away, not due.
        Assert.True(TimeCalls.DueTick(ClockId.Monotonic, before, boot) > 1_000_000_000ul);
    }

    [Fact]
    public void A_huge_deadline_saturates_instead_of_wrapping_to_now()
    {
        var huge = new TimeSpec { Seconds = long.MaxValue, Nanoseconds = 999_999_999 };
        Assert.True(TimeCalls.DueTick(ClockId.Monotonic, huge, 0) >= ulong.MaxValue / 4);
    }

    [Fact]
    public void On_a_nanosecond_clock_a_deadline_is_its_own_nanosecond_and_still_saturates()
    {
        var time = new TimeSpec { Seconds = 1_700_000_001, Nanoseconds = 5 };
        Assert.Equal(1_000_000_005ul, TimeCalls.DueTick(ClockId.Realtime, time, 1_700_000_000, 1_000_000_000));
        var huge = new TimeSpec { Seconds = long.MaxValue, Nanoseconds = 0 };
        Assert.True(TimeCalls.DueTick(ClockId.Monotonic, huge, 0, 1_000_000_000) >= ulong.MaxValue / 4);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(5, 999_999_999, true)]
    [InlineData(-1, 0, false)]
    [InlineData(0, -1, false)]
    [InlineData(0, 1_000_000_000, false)]
    public void Only_times_posix_accepts_are_valid(long seconds, int nanoseconds, bool valid)
        => Assert.Equal(valid, TimeCalls.IsValid(new TimeSpec { Seconds = seconds, Nanoseconds = nanoseconds }));
}
