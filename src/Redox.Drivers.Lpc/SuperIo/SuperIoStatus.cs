namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>What a probe of one configuration port found.</summary>
public enum SuperIoStatus : byte
{
    /// <summary>Nothing answers: every read was 0xFF (a floating bus, as in QEMU).</summary>
    Absent,

    /// <summary>Something answered with an ID this driver does not know: reported raw, never guessed.</summary>
    Unknown,

    /// <summary>A chip recognised by its ID.</summary>
    Known,
}
