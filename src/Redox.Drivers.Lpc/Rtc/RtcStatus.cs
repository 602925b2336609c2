using System;

namespace Redox.Drivers.Lpc.Rtc;

/// <summary>Status register B (0x0B) of the MC146818 RTC.</summary>
[Flags]
public enum RtcStatusB : byte
{
    /// <summary>BCD, 12-hour, no interrupts.</summary>
    None = 0,

    /// <summary>DSE: daylight saving enable (not used by PCs).</summary>
    DaylightSaving = 1 << 0,

    /// <summary>24/12: set = 24-hour mode; clear = 12-hour mode with PM in bit 7 of the hour.</summary>
    Hours24 = 1 << 1,

    /// <summary>DM: set = binary values; clear = BCD.</summary>
    Binary = 1 << 2,

    /// <summary>SQWE: square-wave output.</summary>
    SquareWave = 1 << 3,

    /// <summary>UIE: update-ended interrupt.</summary>
    UpdateInterrupt = 1 << 4,

    /// <summary>AIE: alarm interrupt.</summary>
    AlarmInterrupt = 1 << 5,

    /// <summary>PIE: periodic interrupt.</summary>
    PeriodicInterrupt = 1 << 6,

    /// <summary>SET: halts updates so the time can be written consistently.</summary>
    Set = 1 << 7,
}
