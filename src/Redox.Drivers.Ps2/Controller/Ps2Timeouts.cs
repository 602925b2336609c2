namespace Redox.Drivers.Ps2;

/// <summary>
/// Time budgets of the driver's waits, in microseconds, and the resend limit. The defaults follow what
/// careful drivers use: Redox's ps2d (50 ms per byte, 1 s for a device reset, 4 retries on 0xFE) and
/// Linux's i8042/atkbd (a reset may take up to 500 ms plus the BAT time).
/// </summary>
public struct Ps2Timeouts
{
    /// <summary>Budget for the controller to take a written byte (IBF to clear).</summary>
    public ulong WriteMicroseconds;

    /// <summary>Budget for an answer byte (OBF to set) after a command.</summary>
    public ulong ReadMicroseconds;

    /// <summary>Budget for a device's self-test answer after <see cref="Ps2Device.Reset"/>.</summary>
    public ulong ResetMicroseconds;

    /// <summary>How many times a command answered with 0xFE is sent again before giving up.</summary>
    public int MaxResends;

    /// <summary>The defaults: 50 ms per byte, 1 s for a reset, 4 resends.</summary>
    public static Ps2Timeouts Default => new()
    {
        WriteMicroseconds = 50_000,
        ReadMicroseconds = 50_000,
        ResetMicroseconds = 1_000_000,
        MaxResends = 4,
    };
}
