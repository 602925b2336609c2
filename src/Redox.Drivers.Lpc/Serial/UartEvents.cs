using System;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>What an interrupt (or a write) changed, for readiness posts.</summary>
[Flags]
public enum UartEvents : byte
{
    /// <summary>Nothing new.</summary>
    None = 0,

    /// <summary>Received bytes are waiting.</summary>
    Readable = 1 << 0,

    /// <summary>The transmit buffer has room again.</summary>
    Writable = 1 << 1,

    /// <summary>The UART stopped answering (reads all ones): handles now answer <c>EIO</c>.</summary>
    Failed = 1 << 2,
}
