namespace Redox.Kernel.Memory;

/// <summary>
/// Where the linked kernel image is, from the linker script's symbols: its physical extent (what GRUB loaded) and
/// its virtual sections (virtual = physical + <see cref="VirtualBase"/>), so paging can map text, read-only data
/// and writable data with their own permissions.
/// </summary>
public readonly struct KernelImage
{
    /// <summary>Creates a layout.</summary>
    public KernelImage(ulong physicalStart, ulong physicalEnd, ulong virtualBase, ulong textStart, ulong textEnd, ulong readOnlyEnd, ulong end)
    {
        PhysicalStart = physicalStart;
        PhysicalEnd = physicalEnd;
        VirtualBase = virtualBase;
        TextStart = textStart;
        TextEnd = textEnd;
        ReadOnlyEnd = readOnlyEnd;
        End = end;
    }

    /// <summary>First physical byte (the boot stub at 1 MiB).</summary>
    public ulong PhysicalStart { get; }

    /// <summary>One past the last physical byte, page-aligned (includes .bss, boot stack, early heap).</summary>
    public ulong PhysicalEnd { get; }

    /// <summary>Added to a physical address of the image to get its virtual address.</summary>
    public ulong VirtualBase { get; }

    /// <summary>Virtual start of the executable code (page-aligned).</summary>
    public ulong TextStart { get; }

    /// <summary>Virtual end of the code = start of read-only data (page-aligned).</summary>
    public ulong TextEnd { get; }

    /// <summary>Virtual end of read-only data = start of writable data (page-aligned).</summary>
    public ulong ReadOnlyEnd { get; }

    /// <summary>Virtual end of the image (page-aligned).</summary>
    public ulong End { get; }

    /// <summary>The page-table flags a page of the image gets: W^X by section.</summary>
    public ulong FlagsFor(ulong virtualAddress)
    {
        if (virtualAddress < TextEnd) return PageTableEntry.Global;                                   // read + execute
        if (virtualAddress < ReadOnlyEnd) return PageTableEntry.Global | PageTableEntry.NoExecute;    // read only
        return PageTableEntry.Global | PageTableEntry.Writable | PageTableEntry.NoExecute;             // read + write
    }
}
