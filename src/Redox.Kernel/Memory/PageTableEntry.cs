namespace Redox.Kernel.Memory;

/// <summary>Bits of an x86-64 page table entry (Intel SDM vol. 3, 4.5).</summary>
public static class PageTableEntry
{
    /// <summary>P: the entry is valid.</summary>
    public const ulong Present = 1UL << 0;
    /// <summary>R/W: writes allowed.</summary>
    public const ulong Writable = 1UL << 1;
    /// <summary>U/S: ring 3 may access.</summary>
    public const ulong User = 1UL << 2;
    /// <summary>PWT.</summary>
    public const ulong WriteThrough = 1UL << 3;
    /// <summary>PCD: uncached (device memory).</summary>
    public const ulong CacheDisable = 1UL << 4;
    /// <summary>PS: a 2 MiB (PD) or 1 GiB (PDPT) page instead of a table.</summary>
    public const ulong HugePage = 1UL << 7;
    /// <summary>G: survives CR3 reloads.</summary>
    public const ulong Global = 1UL << 8;
    /// <summary>
    /// An available bit (AVL, ignored by the CPU): the frame behind this user page belongs to the address space and
    /// is freed with it. Pages without it (device memory, shared frames) are only unmapped.
    /// </summary>
    public const ulong Owned = 1UL << 9;
    /// <summary>XD: no instruction fetch (needs EFER.NXE).</summary>
    public const ulong NoExecute = 1UL << 63;
    /// <summary>Bits 12..51: the physical address.</summary>
    public const ulong AddressMask = 0x000F_FFFF_FFFF_F000;
}
