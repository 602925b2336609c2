using System;

namespace Redox.Drivers.Lpc.Ec;

/// <summary>The ACPI embedded controller's status register (EC_SC, read at the command port; ACPI 6.5 §12.2.1).</summary>
[Flags]
public enum EcStatus : byte
{
    /// <summary>Idle.</summary>
    None = 0,

    /// <summary>OBF: the data register holds a byte for the host.</summary>
    OutputFull = 1 << 0,

    /// <summary>IBF: the EC has not yet taken the last byte the host wrote.</summary>
    InputFull = 1 << 1,

    /// <summary>CMD: the last byte written was a command (not data).</summary>
    Command = 1 << 3,

    /// <summary>BURST: the EC is in burst mode.</summary>
    Burst = 1 << 4,

    /// <summary>SCI_EVT: an event is pending; QR_EC (0x84) fetches it.</summary>
    SciEvent = 1 << 5,

    /// <summary>SMI_EVT.</summary>
    SmiEvent = 1 << 6,
}
