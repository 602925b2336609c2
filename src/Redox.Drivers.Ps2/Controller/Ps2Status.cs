using System;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The i8042 status register (read from port 0x64). Bit meanings as in the IBM PC/AT Technical Reference
/// ("Keyboard Controller", status register) and OSDev's "8042 PS/2 Controller".
/// </summary>
[Flags]
public enum Ps2Status : byte
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>OBF: a byte waits in the output buffer (read it from port 0x60).</summary>
    OutputFull = 0x01,

    /// <summary>IBF: the controller has not taken the last byte written to 0x60/0x64 yet; do not write.</summary>
    InputFull = 0x02,

    /// <summary>System flag: set by firmware once POST passed.</summary>
    System = 0x04,

    /// <summary>The last byte written went to port 0x64 (a command) rather than 0x60 (data).</summary>
    Command = 0x08,

    /// <summary>Keyboard not inhibited (chipset specific; unused by this driver).</summary>
    KeyboardUnlocked = 0x10,

    /// <summary>AUX / "mouse output buffer full": the byte in the output buffer came from the second port.</summary>
    AuxData = 0x20,

    /// <summary>Timeout error (general or receive timeout).</summary>
    Timeout = 0x40,

    /// <summary>Parity error on the last byte from a device.</summary>
    Parity = 0x80,
}
