namespace Redox.Kernel.Boot;

/// <summary>One entry of the boot memory map.</summary>
public readonly struct MemoryRegion
{
    /// <summary>Creates a region.</summary>
    public MemoryRegion(ulong start, ulong length, MemoryRegionKind kind)
    {
        Start = start;
        Length = length;
        Kind = kind;
    }

    /// <summary>First physical address.</summary>
    public ulong Start { get; }

    /// <summary>Size in bytes.</summary>
    public ulong Length { get; }

    /// <summary>What the firmware says it is.</summary>
    public MemoryRegionKind Kind { get; }

    /// <summary>One past the last address.</summary>
    public ulong End => Start + Length;
}
