using Redox.Syscall;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The kernel's monotonic clock (<c>clock_gettime(CLOCK_MONOTONIC)</c>) as the driver's time: a budget is real time,
/// however slow a status poll is (under QEMU's TCG a port read costs far more than the ≈1 µs of an ISA <c>inb</c>
/// that <see cref="PollCountClock"/> assumes). For the ring-3 daemon; host tests use <see cref="PollCountClock"/>.
/// </summary>
public struct MonotonicClock : IPs2Clock
{
    // Without a clock every wait would last for ever: then each reading counts as 1 ms, so budgets stay finite.
    private ulong _fallback;

    /// <inheritdoc/>
    public ulong NowMicroseconds()
    {
        if (Sys.ClockGettime(ClockId.Monotonic, out TimeSpec now).IsError)
        {
            _fallback += 1_000;
            return _fallback;
        }
        return (ulong)now.Seconds * 1_000_000UL + (ulong)now.Nanoseconds / 1_000UL;
    }
}
