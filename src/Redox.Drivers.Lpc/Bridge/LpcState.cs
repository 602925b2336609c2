namespace Redox.Drivers.Lpc.Bridge;

/// <summary>Which section of <c>lpc:</c> a handle reads.</summary>
public enum LpcSection : byte
{
    /// <summary><c>lpc:</c>: everything.</summary>
    All,

    /// <summary><c>lpc:bridge</c>.</summary>
    Bridge,

    /// <summary><c>lpc:pci</c>: bus 0's functions.</summary>
    Pci,

    /// <summary><c>lpc:superio</c>.</summary>
    SuperIo,
}

/// <summary>Per-handle state of <c>lpc:</c>.</summary>
public struct LpcState
{
    /// <summary>The section open.</summary>
    public LpcSection Section;
}
