using System.Runtime.InteropServices;

namespace Redox.Kernel.Processes;

/// <summary>
/// A static x86-64 ELF64 executable, validated as a whole before anything is loaded (System V gABI, ch. 4-5): a
/// malformed image is refused with an <see cref="ElfError"/>, never loaded half. Reading allocates nothing; the
/// segments are read from the image on demand.
/// </summary>
public readonly ref struct ElfImage
{
    /// <summary>The loader's page size.</summary>
    public const ulong PageSize = 4096;

    /// <summary>The most PT_LOAD segments an executable may have (ours have three: text, rodata, data).</summary>
    public const int MaxSegments = 16;

    private const int HeaderSize = 64, ProgramHeaderSize = 56, MaxProgramHeaders = 256;
    private const ushort TypeExecutable = 2, MachineX86_64 = 62;
    private const uint LoadSegment = 1, FlagExecute = 1, FlagWrite = 2;

    private readonly ReadOnlySpan<byte> _image;
    private readonly int _programHeaders, _programHeaderCount;

    private ElfImage(ReadOnlySpan<byte> image, ulong entry, int programHeaders, int programHeaderCount, int segments)
    {
        _image = image;
        Entry = entry;
        _programHeaders = programHeaders;
        _programHeaderCount = programHeaderCount;
        SegmentCount = segments;
    }

    /// <summary>e_entry: where the process starts.</summary>
    public ulong Entry { get; }

    /// <summary>Number of PT_LOAD segments.</summary>
    public int SegmentCount { get; }

    /// <summary>
    /// Validates <paramref name="image"/> for loading into [<paramref name="userStart"/>, <paramref name="userEnd"/>):
    /// header identity and target, table bounds, every loadable segment's bounds, alignment, W^X, overlap, and the entry.
    /// </summary>
    public static ElfError TryParse(ReadOnlySpan<byte> image, ulong userStart, ulong userEnd, out ElfImage elf)
    {
        elf = default;
        if (image.Length < HeaderSize) return ElfError.TooSmall;
        if (image[0] != 0x7F || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F') return ElfError.BadMagic;
        // EI_CLASS = ELFCLASS64, EI_DATA = ELFDATA2LSB, EI_VERSION = EV_CURRENT; e_version = 1.
        if (image[4] != 2 || image[5] != 1 || image[6] != 1 || Read32(image, 20) != 1) return ElfError.WrongClass;
        if (Read16(image, 16) != TypeExecutable || Read16(image, 18) != MachineX86_64) return ElfError.WrongTarget;
        if (Read16(image, 52) != HeaderSize || Read16(image, 54) != ProgramHeaderSize) return ElfError.BadHeaderSize;
        ulong tableOffset = Read64(image, 32);
        int count = Read16(image, 56);
        if (count == 0 || count > MaxProgramHeaders || tableOffset > (ulong)image.Length ||
            (ulong)image.Length - tableOffset < (ulong)(count * ProgramHeaderSize)) return ElfError.ProgramHeadersOutOfImage;

        var candidate = new ElfImage(image, Read64(image, 24), (int)tableOffset, count, 0);
        int segments = 0;
        bool entryFound = false;
        for (int i = 0; i < count; i++)
        {
            if (!candidate.TryReadLoad(i, out ElfSegment segment)) continue;
            ElfError error = Check(segment, (ulong)image.Length, userStart, userEnd);
            if (error != ElfError.None) return error;
            if (++segments > MaxSegments) return ElfError.BadSegmentCount;
            for (int j = 0; j < i; j++)
            {
                if (candidate.TryReadLoad(j, out ElfSegment earlier) &&
                    segment.FirstPage < earlier.EndPage && earlier.FirstPage < segment.EndPage) return ElfError.SegmentsOverlap;
            }
            if (segment.Executable && candidate.Entry >= segment.VirtualAddress &&
                candidate.Entry - segment.VirtualAddress < segment.MemorySize) entryFound = true;
        }
        if (segments == 0) return ElfError.BadSegmentCount;
        if (!entryFound) return ElfError.EntryNotExecutable;
        elf = new ElfImage(image, candidate.Entry, (int)tableOffset, count, segments);
        return ElfError.None;
    }

    /// <summary>The <paramref name="index"/>-th loadable segment (0 .. <see cref="SegmentCount"/> - 1).</summary>
    public ElfSegment Segment(int index)
    {
        for (int i = 0; i < _programHeaderCount; i++)
        {
            if (TryReadLoad(i, out ElfSegment segment) && index-- == 0) return segment;
        }
        return default;
    }

    /// <summary>The file bytes of a segment (validated to lie inside the image).</summary>
    public ReadOnlySpan<byte> FileBytes(in ElfSegment segment) => _image.Slice((int)segment.FileOffset, (int)segment.FileSize);

    private static ElfError Check(in ElfSegment s, ulong imageLength, ulong userStart, ulong userEnd)
    {
        if (s.FileOffset > imageLength || imageLength - s.FileOffset < s.FileSize) return ElfError.SegmentOutOfImage;
        if (s.FileSize > s.MemorySize) return ElfError.FileLargerThanMemory;
        // userEnd is page-aligned, so a segment that ends at or below it also ends there once rounded up to a page.
        if (s.MemorySize == 0 || s.VirtualAddress < userStart || s.VirtualAddress >= userEnd ||
            userEnd - s.VirtualAddress < s.MemorySize) return ElfError.SegmentOutsideUserSpace;
        if ((s.VirtualAddress & (PageSize - 1)) != (s.FileOffset & (PageSize - 1))) return ElfError.SegmentMisaligned;
        if (s.Writable && s.Executable) return ElfError.WritableAndExecutable;
        return ElfError.None;
    }

    private bool TryReadLoad(int index, out ElfSegment segment)
    {
        ReadOnlySpan<byte> header = _image.Slice(_programHeaders + index * ProgramHeaderSize, ProgramHeaderSize);
        segment = default;
        if (Read32(header, 0) != LoadSegment) return false;
        uint flags = Read32(header, 4);
        segment = new ElfSegment(Read64(header, 16), Read64(header, 40), Read64(header, 8), Read64(header, 32),
            (flags & FlagWrite) != 0, (flags & FlagExecute) != 0);
        return true;
    }

    private static ushort Read16(ReadOnlySpan<byte> data, int offset) => MemoryMarshal.Read<ushort>(data.Slice(offset));
    private static uint Read32(ReadOnlySpan<byte> data, int offset) => MemoryMarshal.Read<uint>(data.Slice(offset));
    private static ulong Read64(ReadOnlySpan<byte> data, int offset) => MemoryMarshal.Read<ulong>(data.Slice(offset));
}
