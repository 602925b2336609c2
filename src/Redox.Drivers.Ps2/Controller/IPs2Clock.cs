namespace Redox.Drivers.Ps2;

/// <summary>
/// The time seam of every wait in the driver. The controller holds a <c>TClock</c> value
/// (<c>where TClock : struct, IPs2Clock</c>) and calls it directly: resolved at compile time, no interface
/// dispatch, no allocation. Every wait is "poll the status register until a bit changes or the budget is
/// spent", so a clock only has to say how much time has passed.
/// </summary>
public interface IPs2Clock
{
    /// <summary>A monotonic time in microseconds. Called once before each status poll.</summary>
    ulong NowMicroseconds();
}
