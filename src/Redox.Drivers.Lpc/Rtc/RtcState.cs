namespace Redox.Drivers.Lpc.Rtc;

/// <summary>Which file of <c>rtc:</c> a handle has open.</summary>
public enum RtcFile : byte
{
    /// <summary><c>rtc:</c>: ISO 8601 date and time, read or write.</summary>
    DateTime,

    /// <summary><c>rtc:unix</c>: seconds since 1970, read or write, decimal.</summary>
    Unix,

    /// <summary><c>rtc:nvram</c>: CMOS bytes 0x0E-0x7F at offsets 0-113.</summary>
    Nvram,
}

/// <summary>Per-handle state of <c>rtc:</c>.</summary>
public struct RtcState
{
    /// <summary>The file open.</summary>
    public RtcFile File;
}
