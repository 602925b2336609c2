namespace Redox.Drivers.Lpc.Rtc;

/// <summary>One reading of the clock registers, undecoded (compared byte for byte between two readings).</summary>
public struct RtcRaw
{
    /// <summary>Register 0x00.</summary>
    public byte Second;

    /// <summary>Register 0x02.</summary>
    public byte Minute;

    /// <summary>Register 0x04 (bit 7 = PM in 12-hour mode).</summary>
    public byte Hour;

    /// <summary>Register 0x07.</summary>
    public byte Day;

    /// <summary>Register 0x08.</summary>
    public byte Month;

    /// <summary>Register 0x09.</summary>
    public byte Year;

    /// <summary>The century register (0 when there is none).</summary>
    public byte Century;

    /// <summary>Register 0x0B (mode bits).</summary>
    public byte StatusB;

    /// <summary>True when every register matches <paramref name="other"/>.</summary>
    public readonly bool SameAs(in RtcRaw other) =>
        Second == other.Second && Minute == other.Minute && Hour == other.Hour && Day == other.Day
        && Month == other.Month && Year == other.Year && Century == other.Century && StatusB == other.StatusB;
}
