using System;
using System.Buffers.Binary;
using CsCheck;
using Redox.Kernel.Processes;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The ELF64 validator: valid programs parse; every malformed field is refused before anything loads.</summary>
public class ElfImageTests
{
    private static ElfError Parse(byte[] image) => ElfImage.TryParse(image, UserLayout.Start, UserLayout.End, out _);

    [Fact]
    public void A_typical_program_parses_with_its_segments_and_entry()
    {
        byte[] image = ElfBuilder.Typical().Build();
        Assert.Equal(ElfError.None, ElfImage.TryParse(image, UserLayout.Start, UserLayout.End, out ElfImage elf));
        Assert.Equal(0x400010UL, elf.Entry);
        Assert.Equal(3, elf.SegmentCount);
        ElfSegment data = elf.Segment(2);
        Assert.Equal(0x402000UL, data.VirtualAddress);
        Assert.True(data.Writable);
        Assert.False(data.Executable);
        Assert.Equal(0x2500UL, data.MemorySize);
        Assert.Equal(ElfBuilder.Pattern(0x123, 3), elf.FileBytes(data).ToArray());
    }

    [Fact]
    public void Header_identity_and_target_are_checked()
    {
        byte[] valid = ElfBuilder.Typical().Build();
        Assert.Equal(ElfError.TooSmall, Parse(valid.AsSpan(0, 63).ToArray()));
        Assert.Equal(ElfError.BadMagic, Parse(With(valid, 1, 0x45 + 1)));
        Assert.Equal(ElfError.WrongClass, Parse(With(valid, 4, 1)));            // ELFCLASS32
        Assert.Equal(ElfError.WrongClass, Parse(With(valid, 5, 2)));            // big-endian
        Assert.Equal(ElfError.WrongTarget, Parse(With16(valid, 16, 3)));        // ET_DYN
        Assert.Equal(ElfError.WrongTarget, Parse(With16(valid, 18, 183)));      // AArch64
        Assert.Equal(ElfError.BadHeaderSize, Parse(With16(valid, 54, 32)));     // 32-bit program headers
        Assert.Equal(ElfError.ProgramHeadersOutOfImage, Parse(With64(valid, 32, (ulong)valid.Length - 10)));
        Assert.Equal(ElfError.ProgramHeadersOutOfImage, Parse(With64(valid, 32, ulong.MaxValue - 8)));
    }

    [Fact]
    public void Segments_outside_the_user_half_or_the_file_are_refused()
    {
        Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(One(0x1000, 0x10, 0x10, ElfBuilder.Read | ElfBuilder.Execute)));             // below 4 MiB: null guard
        Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(One(0xFFFF_FFFF_8000_0000, 0x10, 0x10, ElfBuilder.Read | ElfBuilder.Execute))); // kernel
        Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(One(0x0000_7FFF_FFFF_E000, 0x10, 0x2000, ElfBuilder.Read | ElfBuilder.Execute))); // crosses the end
        Assert.Equal(ElfError.FileLargerThanMemory, Parse(One(0x400000, 0x100, 0x10, ElfBuilder.Read | ElfBuilder.Execute)));
        byte[] image = ElfBuilder.Typical().Build();
        Assert.Equal(ElfError.SegmentOutOfImage, Parse(With64(image, 64 + 32, (ulong)image.Length)));                   // p_filesz of segment 0
        Assert.Equal(ElfError.SegmentOutOfImage, Parse(With64(image, 64 + 8, ulong.MaxValue - 4)));                     // p_offset
        Assert.Equal(ElfError.SegmentOutsideUserSpace, Parse(With64(image, 64 + 40, ulong.MaxValue)));                  // p_memsz overflows
    }

    [Fact]
    public void Writable_and_executable_overlapping_or_misaligned_segments_are_refused()
    {
        Assert.Equal(ElfError.WritableAndExecutable, Parse(One(0x400000, 0x10, 0x10, ElfBuilder.Write | ElfBuilder.Execute)));
        var overlap = new ElfBuilder { Entry = 0x400000 }
            .Segment(0x400000, new byte[0x10], 0x1800, ElfBuilder.Execute)
            .Segment(0x401000, new byte[0x10], 0x10, ElfBuilder.Read);
        Assert.Equal(ElfError.SegmentsOverlap, Parse(overlap.Build()));
        byte[] image = ElfBuilder.Typical().Build();
        Assert.Equal(ElfError.SegmentMisaligned, Parse(With64(image, 64 + 16, 0x400008)));                              // p_vaddr vs p_offset
    }

    [Fact]
    public void The_entry_must_be_in_executable_code_and_there_must_be_something_to_load()
    {
        var data = ElfBuilder.Typical();
        data.Entry = 0x402000;
        Assert.Equal(ElfError.EntryNotExecutable, Parse(data.Build()));
        var none = new ElfBuilder().Segment(0x400000, new byte[4], 4, ElfBuilder.Read, type: 6 /* PT_PHDR */);
        Assert.Equal(ElfError.BadSegmentCount, Parse(none.Build()));
    }

    [Fact]
    public void Any_corruption_is_refused_or_yields_only_sound_segments()
    {
        byte[] valid = ElfBuilder.Typical().Build();
        Gen.Select(Gen.Int[0, 64 + 3 * 56 - 1], Gen.Byte, Gen.Int[1, 4]).Sample((position, value, count) =>
        {
            byte[] image = (byte[])valid.Clone();
            for (int i = 0; i < count; i++) image[(position + i * 13) % (64 + 3 * 56)] ^= (byte)(value | 1);
            if (ElfImage.TryParse(image, UserLayout.Start, UserLayout.End, out ElfImage elf) != ElfError.None) return;
            bool entryInCode = false;
            for (int i = 0; i < elf.SegmentCount; i++)
            {
                ElfSegment s = elf.Segment(i);
                Assert.True(UserLayout.Contains(s.VirtualAddress, s.MemorySize));
                Assert.True(s.FileOffset + s.FileSize <= (ulong)image.Length);
                Assert.False(s.Writable && s.Executable);
                Assert.True(s.FileSize <= s.MemorySize);
                entryInCode |= s.Executable && elf.Entry >= s.VirtualAddress && elf.Entry < s.VirtualAddress + s.MemorySize;
                for (int j = 0; j < i; j++)
                {
                    ElfSegment t = elf.Segment(j);
                    Assert.True(s.EndPage <= t.FirstPage || t.EndPage <= s.FirstPage);
                }
            }
            Assert.True(entryInCode);
        }, iter: 20_000);
    }

    private static byte[] One(ulong address, int fileSize, ulong memorySize, uint flags) =>
        new ElfBuilder { Entry = address }.Segment(address, new byte[fileSize], memorySize, flags).Build();

    private static byte[] With(byte[] image, int offset, int value)
    {
        byte[] copy = (byte[])image.Clone();
        copy[offset] = (byte)value;
        return copy;
    }

    private static byte[] With16(byte[] image, int offset, ushort value)
    {
        byte[] copy = (byte[])image.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static byte[] With64(byte[] image, int offset, ulong value)
    {
        byte[] copy = (byte[])image.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }
}
