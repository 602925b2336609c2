namespace Redox.Kernel.Processes;

/// <summary>One PT_LOAD segment of a validated executable: where it goes, what to copy, what it may do.</summary>
public readonly struct ElfSegment
{
    /// <summary>Creates a segment description.</summary>
    public ElfSegment(ulong virtualAddress, ulong memorySize, ulong fileOffset, ulong fileSize, bool writable, bool executable)
    {
        VirtualAddress = virtualAddress;
        MemorySize = memorySize;
        FileOffset = fileOffset;
        FileSize = fileSize;
        Writable = writable;
        Executable = executable;
    }

    /// <summary>p_vaddr: where the first byte goes.</summary>
    public ulong VirtualAddress { get; }

    /// <summary>p_memsz: bytes of memory (the tail beyond <see cref="FileSize"/> is zero).</summary>
    public ulong MemorySize { get; }

    /// <summary>p_offset: where the bytes start in the file.</summary>
    public ulong FileOffset { get; }

    /// <summary>p_filesz: bytes copied from the file.</summary>
    public ulong FileSize { get; }

    /// <summary>PF_W.</summary>
    public bool Writable { get; }

    /// <summary>PF_X.</summary>
    public bool Executable { get; }

    /// <summary>First page of the segment.</summary>
    public ulong FirstPage => VirtualAddress & ~(ElfImage.PageSize - 1);

    /// <summary>One past the last page of the segment.</summary>
    public ulong EndPage => (VirtualAddress + MemorySize + ElfImage.PageSize - 1) & ~(ElfImage.PageSize - 1);
}
