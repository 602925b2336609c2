namespace Redox.Drivers.Ps2;

/// <summary>
/// A clock that advances by a fixed step on every reading, so a time budget becomes a poll budget.
/// On real hardware each status poll is an ISA-speed <c>inb</c> of port 0x64 (about 1 µs), so counting polls
/// gives a lower bound on the time waited without a timer; the same numbers make host tests deterministic
/// (a 50 ms timeout with a 1000 µs step is exactly 50 polls).
/// </summary>
public struct PollCountClock : IPs2Clock
{
    private ulong _now;

    /// <summary>A clock advancing <paramref name="stepMicroseconds"/> (at least 1) per reading.</summary>
    public PollCountClock(ulong stepMicroseconds)
    {
        _now = 0;
        StepMicroseconds = stepMicroseconds == 0 ? 1 : stepMicroseconds;
    }

    /// <summary>Microseconds one poll is taken to cost.</summary>
    public ulong StepMicroseconds { get; }

    /// <summary>How many readings were taken.</summary>
    public readonly ulong Polls => StepMicroseconds == 0 ? _now : _now / StepMicroseconds;

    /// <inheritdoc/>
    public ulong NowMicroseconds()
    {
        _now += StepMicroseconds == 0 ? 1 : StepMicroseconds;
        return _now;
    }
}
