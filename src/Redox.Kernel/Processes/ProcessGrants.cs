using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Processes;

/// <summary>
/// What a driver's manifest grants its process: the I/O ports it may use and the one scheme name it may create. The
/// scheme text must outlive the process (the initfs manifest, or static data). A program started without grants may
/// use no port and create any scheme (test and tool programs).
/// </summary>
public unsafe struct ProcessGrants
{
    /// <summary>The I/O port ranges.</summary>
    public PortGrants Ports;

    /// <summary>The scheme it may create (null: any).</summary>
    public byte* Scheme;

    /// <summary>Bytes of <see cref="Scheme"/>.</summary>
    public int SchemeLength;

    /// <summary>Grants for scheme <paramref name="scheme"/> and the ports listed in <paramref name="ports"/> (manifest syntax); false when the list is malformed.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> scheme, ReadOnlySpan<byte> ports, out ProcessGrants grants)
    {
        grants = default;
        if (!PortGrants.TryParse(ports, out grants.Ports)) return false;
        fixed (byte* text = scheme)
        {
            grants.Scheme = scheme.IsEmpty ? null : text;
            grants.SchemeLength = scheme.Length;
        }
        return true;
    }
}
