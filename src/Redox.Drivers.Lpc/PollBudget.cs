namespace Redox.Drivers.Lpc;

/// <summary>
/// How many times a driver polls a status register before it gives up: the one timeout seam of this
/// package. Counted in polls, not wall time, so a wait is deterministic (a host test knows exactly when a
/// silent device times out) and needs no clock; on hardware each poll is one port read (~1 µs on the LPC
/// bus), so the default of 100,000 polls is roughly 100 ms, well above any datasheet latency.
/// </summary>
public readonly struct PollBudget
{
    /// <summary>The default budget: 100,000 polls.</summary>
    public const int DefaultPolls = 100_000;

    /// <summary>Polls allowed per wait (at least 1).</summary>
    public readonly int Polls;

    /// <summary>A budget of <paramref name="polls"/> polls per wait (values below 1 become 1).</summary>
    public PollBudget(int polls)
    {
        Polls = polls < 1 ? 1 : polls;
    }

    /// <summary>The default budget (<see cref="DefaultPolls"/>).</summary>
    public static PollBudget Default => new(DefaultPolls);

    /// <summary>The budget to use: <see cref="Default"/> when this one was never set (a zeroed struct).</summary>
    public PollBudget OrDefault() => Polls < 1 ? Default : this;
}
