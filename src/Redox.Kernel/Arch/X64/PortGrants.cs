using Redox.Kernel.Arch.X64;
namespace Redox.Kernel.Arch;

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
}
