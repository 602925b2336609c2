namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The I/O port ranges one process may use (a driver's manifest: <c>ports=0x70-0x71,0x3f8-0x3ff</c>), at most
/// <see cref="Capacity"/> ranges. A value type held by the process, so granting allocates nothing.
/// </summary>
public unsafe struct PortGrants
{
    /// <summary>Ranges one process can be granted.</summary>
    public const int Capacity = 8;

    private fixed uint _ranges[Capacity];      // first | last << 16

    /// <summary>Ranges held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds ports <paramref name="first"/>..<paramref name="last"/> (inclusive); false when full or backwards.</summary>
    public bool Add(ushort first, ushort last)
    {
        if (Count == Capacity || last < first) return false;
        _ranges[Count++] = first | ((uint)last << 16);
        return true;
    }

    /// <summary>Range <paramref name="index"/>.</summary>
    public readonly void Get(int index, out ushort first, out ushort last)
    {
        uint range = _ranges[index];
        first = (ushort)range;
        last = (ushort)(range >> 16);
    }

    /// <summary>True when <paramref name="port"/> is in one of the ranges.</summary>
    public readonly bool Contains(ushort port)
    {
        for (int i = 0; i < Count; i++)
        {
            Get(i, out ushort first, out ushort last);
            if (port >= first && port <= last) return true;
        }
        return false;
    }

    /// <summary>Same ranges in the same order.</summary>
    public readonly bool Equals(in PortGrants other)
    {
        if (Count != other.Count) return false;
        for (int i = 0; i < Count; i++)
        {
            if (_ranges[i] != other._ranges[i]) return false;
        }
        return true;
    }

    /// <summary>
    /// Parses a manifest's list: comma-separated ports or <c>first-last</c> ranges, each number decimal or <c>0x</c> hex.
    /// False (and nothing granted) when the text is malformed or holds too many ranges.
    /// </summary>
    public static bool TryParse(System.ReadOnlySpan<byte> text, out PortGrants grants)
    {
        grants = default;
        while (!text.IsEmpty)
        {
            int comma = text.IndexOf((byte)',');
            System.ReadOnlySpan<byte> item = comma < 0 ? text : text.Slice(0, comma);
            text = comma < 0 ? default : text.Slice(comma + 1);
            int dash = item.IndexOf((byte)'-');
            if (!TryNumber(dash < 0 ? item : item.Slice(0, dash), out uint first)) return Fail(out grants);
            uint last = first;
            if (dash >= 0 && !TryNumber(item.Slice(dash + 1), out last)) return Fail(out grants);
            if (!grants.Add((ushort)first, (ushort)last)) return Fail(out grants);
        }
        return true;
    }

    private static bool Fail(out PortGrants grants)
    {
        grants = default;
        return false;
    }

    private static bool TryNumber(System.ReadOnlySpan<byte> text, out uint value)
    {
        bool parsed = Redox.Kernel.Boot.InitManifest.TryNumber(text, 0xFFFF, out ulong number);
        value = (uint)number;
        return parsed;
    }
}
