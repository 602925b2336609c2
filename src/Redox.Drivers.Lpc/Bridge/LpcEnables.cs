using System;

namespace Redox.Drivers.Lpc.Bridge;

/// <summary>LPC_EN (ICH9 LPC config offset 0x82): each bit forwards one legacy I/O range to the LPC bus.</summary>
[Flags]
public enum LpcEnables : ushort
{
    /// <summary>Nothing forwarded.</summary>
    None = 0,

    /// <summary>COMA_LPC_EN: the COM A range chosen by LPC_IO_DEC (0x3F8 by default).</summary>
    ComA = 1 << 0,

    /// <summary>COMB_LPC_EN: the COM B range (0x2F8 by default).</summary>
    ComB = 1 << 1,

    /// <summary>LPT_LPC_EN: the parallel port range.</summary>
    Lpt = 1 << 2,

    /// <summary>FDD_LPC_EN: the floppy controller range.</summary>
    Fdd = 1 << 3,

    /// <summary>GAMEL_LPC_EN: 0x200-0x207.</summary>
    GameLow = 1 << 8,

    /// <summary>GAMEH_LPC_EN: 0x208-0x20F.</summary>
    GameHigh = 1 << 9,

    /// <summary>KBC_LPC_EN: 0x60 and 0x64 (keyboard controller).</summary>
    Keyboard = 1 << 10,

    /// <summary>MC_LPC_EN: 0x62 and 0x66 (microcontroller: the ACPI embedded controller).</summary>
    Microcontroller = 1 << 11,

    /// <summary>CNF1_LPC_EN: 0x2E and 0x2F (Super I/O configuration).</summary>
    Config1 = 1 << 12,

    /// <summary>CNF2_LPC_EN: 0x4E and 0x4F (Super I/O or EC configuration).</summary>
    Config2 = 1 << 13,
}
