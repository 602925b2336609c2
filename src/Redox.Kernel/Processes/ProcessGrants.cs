using Redox.Kernel.Arch;

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

    /// <summary>The interrupt lines it may open as <c>irq:N</c> (bit N).</summary>
    public ushort Irqs;

    /// <summary>The device memory it may map and the DMA memory it may allocate (<c>memory:</c>).</summary>
    public PhysicalGrants Physical;

    /// <summary>The scheme it may create (null: any).</summary>
    public byte* Scheme;

    /// <summary>Bytes of <see cref="Scheme"/>.</summary>
    public int SchemeLength;

    /// <summary>Grants for scheme <paramref name="scheme"/> and the ports listed in <paramref name="ports"/> (manifest syntax); false when the list is malformed.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> scheme, ReadOnlySpan<byte> ports, out ProcessGrants grants)
        => TryCreate(scheme, ports, default, out grants);

    /// <summary>Adds the manifest's physical grants: device ranges (<c>memory=</c>) and a DMA budget in KiB (<c>dma=</c>); false when malformed.</summary>
    public bool TryAddPhysical(ReadOnlySpan<byte> ranges, ReadOnlySpan<byte> dmaKiB)
    {
        if (!PhysicalGrants.TryParse(ranges, out Physical)) return false;
        int kib = Boot.InitManifest.Number(dmaKiB, dmaKiB.IsEmpty ? 0 : -1);
        if (kib < 0) return false;
        Physical.DmaBytes = (ulong)kib * 1024;
        return true;
    }

    /// <summary>As the other overload, with the interrupt lines listed in <paramref name="irqs"/> (<c>1,12</c>; 0 and 2 are the kernel's).</summary>
    public static bool TryCreate(ReadOnlySpan<byte> scheme, ReadOnlySpan<byte> ports, ReadOnlySpan<byte> irqs, out ProcessGrants grants)
    {
        grants = default;
        if (!TryParsePorts(ports, out grants.Ports)) return false;
        while (!irqs.IsEmpty)
        {
            int comma = irqs.IndexOf((byte)',');
            int line = Boot.InitManifest.Number(comma < 0 ? irqs : irqs.Slice(0, comma), -1);
            irqs = comma < 0 ? default : irqs.Slice(comma + 1);
            if (line < 1 || line > 15 || line == 2) return false;
            grants.Irqs |= (ushort)(1 << line);
        }
        fixed (byte* text = scheme)
        {
            grants.Scheme = scheme.IsEmpty ? null : text;
            grants.SchemeLength = scheme.Length;
        }
        return true;
    }

    /// <summary>
    /// Parses a manifest's port list: comma-separated ports or <c>first-last</c> ranges, each number decimal or
    /// <c>0x</c> hex. False (and nothing granted) when the text is malformed or holds too many ranges.
    /// </summary>
    private static bool TryParsePorts(ReadOnlySpan<byte> text, out PortGrants grants)
    {
        grants = default;
        while (!text.IsEmpty)
        {
            int comma = text.IndexOf((byte)',');
            ReadOnlySpan<byte> item = comma < 0 ? text : text.Slice(0, comma);
            text = comma < 0 ? default : text.Slice(comma + 1);
            int dash = item.IndexOf((byte)'-');
            if (!Boot.InitManifest.TryNumber(dash < 0 ? item : item.Slice(0, dash), 0xFFFF, out ulong first)) return NoPorts(out grants);
            ulong last = first;
            if (dash >= 0 && !Boot.InitManifest.TryNumber(item.Slice(dash + 1), 0xFFFF, out last)) return NoPorts(out grants);
            if (!grants.Add((ushort)first, (ushort)last)) return NoPorts(out grants);
        }
        return true;
    }

    private static bool NoPorts(out PortGrants grants)
    {
        grants = default;
        return false;
    }
}
