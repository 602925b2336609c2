namespace Redox.Kernel.Processes;

/// <summary>
/// The physical memory a driver's manifest grants: device ranges it may map (<c>memory=0xfee00000-0xfee00fff</c>, at
/// most <see cref="Capacity"/>), whether it may read the firmware's reserved memory (<c>firmware</c> in that list: the
/// ACPI tables, wherever this machine's memory map puts them), and how much physically contiguous memory it may
/// allocate for DMA (<c>dma=</c> KiB).
/// </summary>
public unsafe struct PhysicalGrants
{
    /// <summary>Ranges one process can be granted.</summary>
    public const int Capacity = 4;

    private fixed ulong _first[Capacity];
    private fixed ulong _last[Capacity];

    /// <summary>Ranges held.</summary>
    public int Count { get; private set; }

    /// <summary>True when it may map, read-only, firmware memory (<c>firmware</c>): the first MiB, and what the memory map reserves (reserved and ACPI regions) below 4 GiB; never RAM the kernel hands out.</summary>
    public bool Firmware;

    /// <summary>Bytes of DMA memory it may hold at once.</summary>
    public ulong DmaBytes;

    /// <summary>True when [address, address + length) lies inside one granted range.</summary>
    public readonly bool Covers(ulong address, ulong length)
    {
        if (length == 0 || address + length < address) return false;
        for (int i = 0; i < Count; i++)
        {
            if (address >= _first[i] && address + length - 1 <= _last[i]) return true;
        }
        return false;
    }

    /// <summary>Parses <c>first-last[,first-last][,firmware]</c> (hex with 0x, or decimal); false when malformed or too many.</summary>
    public static bool TryParse(System.ReadOnlySpan<byte> text, out PhysicalGrants grants)
    {
        grants = default;
        while (!text.IsEmpty)
        {
            int comma = text.IndexOf((byte)',');
            System.ReadOnlySpan<byte> item = comma < 0 ? text : text.Slice(0, comma);
            text = comma < 0 ? default : text.Slice(comma + 1);
            if (item.SequenceEqual("firmware"u8))
            {
                grants.Firmware = true;
                continue;
            }
            int dash = item.IndexOf((byte)'-');
            if (dash < 0 || grants.Count == Capacity) return Fail(out grants);
            if (!TryNumber(item.Slice(0, dash), out ulong first) || !TryNumber(item.Slice(dash + 1), out ulong last) || last < first) return Fail(out grants);
            grants._first[grants.Count] = first;
            grants._last[grants.Count] = last;
            grants.Count++;
        }
        return true;
    }

    private static bool Fail(out PhysicalGrants grants)
    {
        grants = default;
        return false;
    }

    private static bool TryNumber(System.ReadOnlySpan<byte> text, out ulong value)
        => Boot.InitManifest.TryNumber(text, (1UL << 52) - 1, out value);
}
