namespace Redox.Kernel.Processes;

/// <summary>Why an executable was refused. Every field of the ELF64 file is checked before anything is loaded.</summary>
public enum ElfError
{
    /// <summary>The image is valid.</summary>
    None,
    /// <summary>Shorter than the 64-byte ELF header.</summary>
    TooSmall,
    /// <summary>Not <c>\x7FELF</c>.</summary>
    BadMagic,
    /// <summary>Not ELFCLASS64, little-endian, version 1.</summary>
    WrongClass,
    /// <summary>Not an x86-64 (EM_X86_64) static executable (ET_EXEC).</summary>
    WrongTarget,
    /// <summary>The header or program-header entry size is not the ELF64 one (64 / 56 bytes).</summary>
    BadHeaderSize,
    /// <summary>The program-header table does not lie inside the image, or has too many entries.</summary>
    ProgramHeadersOutOfImage,
    /// <summary>A loadable segment's file bytes do not lie inside the image.</summary>
    SegmentOutOfImage,
    /// <summary>A segment's file size exceeds its memory size.</summary>
    FileLargerThanMemory,
    /// <summary>A segment (or its end) lies outside the user half, or its size overflows.</summary>
    SegmentOutsideUserSpace,
    /// <summary>A segment's address and file offset disagree modulo the page size.</summary>
    SegmentMisaligned,
    /// <summary>Two loadable segments share a page.</summary>
    SegmentsOverlap,
    /// <summary>A segment asks to be both writable and executable (W^X).</summary>
    WritableAndExecutable,
    /// <summary>There is no loadable segment, or more than the loader supports.</summary>
    BadSegmentCount,
    /// <summary>The entry point is not inside an executable segment.</summary>
    EntryNotExecutable,
}
