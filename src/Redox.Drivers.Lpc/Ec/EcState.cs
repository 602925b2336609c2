namespace Redox.Drivers.Lpc.Ec;

/// <summary>Which file of <c>ec:</c> a handle has open.</summary>
public enum EcFile : byte
{
    /// <summary><c>ec:</c>: the 256 bytes of ACPI EC space (RD_EC/WR_EC), positioned.</summary>
    Space,

    /// <summary><c>ec:query</c>: each read of one byte runs QR_EC (0 = no event pending).</summary>
    Query,

    /// <summary><c>ec:system76/board</c>: the board name (SMFI BOARD).</summary>
    Board,

    /// <summary><c>ec:system76/version</c>: the firmware version (SMFI VERSION).</summary>
    Version,

    /// <summary><c>ec:system76/print</c>: bytes written are printed on the EC's console (SMFI PRINT).</summary>
    Print,
}

/// <summary>Per-handle state of <c>ec:</c>.</summary>
public struct EcState
{
    /// <summary>The file open.</summary>
    public EcFile File;
}
