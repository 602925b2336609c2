using System;

namespace Redox.Drivers.Ps2;

/// <summary>Lock keys that are on, in the bit order of the HID LED output report (Num 1, Caps 2, Scroll 4).</summary>
[Flags]
public enum LockState : byte
{
    /// <summary>No lock on.</summary>
    None = 0,

    /// <summary>Num Lock.</summary>
    NumLock = 0x01,

    /// <summary>Caps Lock.</summary>
    CapsLock = 0x02,

    /// <summary>Scroll Lock.</summary>
    ScrollLock = 0x04,
}
