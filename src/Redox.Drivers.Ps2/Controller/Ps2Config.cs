using System;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The i8042 configuration ("command") byte, read with 0x20 and written with 0x60. Bits 3 and 7 must be
/// written as zero; bit 2 (system flag) is kept as read.
/// </summary>
[Flags]
public enum Ps2Config : byte
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>Raise IRQ 1 when a byte from the first port reaches the output buffer.</summary>
    Port1Interrupt = 0x01,

    /// <summary>Raise IRQ 12 when a byte from the second port reaches the output buffer.</summary>
    Port2Interrupt = 0x02,

    /// <summary>System flag (POST passed).</summary>
    System = 0x04,

    /// <summary>First port clock disabled (set by command 0xAD, cleared by 0xAE).</summary>
    Port1ClockDisabled = 0x10,

    /// <summary>
    /// Second port clock disabled (0xA7 sets, 0xA8 clears). On a single-channel controller it stays set
    /// after 0xA8, which is how dual-channel support is detected.
    /// </summary>
    Port2ClockDisabled = 0x20,

    /// <summary>Translation: the controller turns the first port's scancode set 2 into set 1.</summary>
    Translation = 0x40,
}
