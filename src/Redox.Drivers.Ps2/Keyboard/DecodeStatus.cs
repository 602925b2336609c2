namespace Redox.Drivers.Ps2;

/// <summary>What one byte fed to a decoder produced.</summary>
public enum DecodeStatus : byte
{
    /// <summary>Part of a longer sequence; nothing to report yet.</summary>
    Pending = 0,

    /// <summary>A complete key or packet.</summary>
    Complete,

    /// <summary>
    /// Protocol traffic that is not input (acknowledge, resend, echo, overrun, a fake shift) or a packet
    /// dropped on purpose (mouse overflow); counted, not reported.
    /// </summary>
    Ignored,

    /// <summary>A byte or sequence that names no key or breaks the packet format (garbage); counted and dropped.</summary>
    Invalid,
}
