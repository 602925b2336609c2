using System;
using System.Text;
using Redox.Kernel.Boot;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Multiboot2 boot information built byte by byte per the spec.</summary>
public unsafe class Multiboot2InfoTests
{
    private static Multiboot2Info Parse(byte[] blob)
    {
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        return info;
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);

    [Fact]
    public void ReadsCommandLineAndBootloaderName()
    {
        byte[] blob = new Multiboot2Builder().CommandLine("redox.exit=qemu redox.test=heap").BootloaderName("GRUB 2.06").Build();
        Multiboot2Info info = Parse(blob);
        Assert.Equal(blob.Length, info.TotalSize);
        Assert.Equal("redox.exit=qemu redox.test=heap", Text(info.CommandLine));
        Assert.Equal("GRUB 2.06", Text(info.BootloaderName));
    }

    [Fact]
    public void MissingTagsReadAsEmpty()
    {
        Multiboot2Info info = Parse(new Multiboot2Builder().Build());
        Assert.True(info.CommandLine.IsEmpty);
        Assert.True(info.BootloaderName.IsEmpty);
        Assert.Equal(0, info.MemoryRegionCount);
        Assert.Equal(0, info.ModuleCount);
        Assert.True(info.FindTag(6).IsEmpty);
    }

    [Fact]
    public void EmptyCommandLineIsEmpty()
    {
        Multiboot2Info info = Parse(new Multiboot2Builder().CommandLine("").Build());
        Assert.True(info.CommandLine.IsEmpty);
    }

    [Fact]
    public void ReadsMemoryMap()
    {
        byte[] blob = new Multiboot2Builder()
            .MemoryMap((0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0x100000, 0x7EE0000, 1), (0x7FE0000, 0x20000, 3))
            .Build();
        Multiboot2Info info = Parse(blob);
        Assert.Equal(4, info.MemoryRegionCount);
        MemoryRegion high = info.MemoryRegion(2);
        Assert.Equal(0x100000UL, high.Start);
        Assert.Equal(0x7EE0000UL, high.Length);
        Assert.Equal(0x7FE0000UL, high.End);
        Assert.Equal(MemoryRegionKind.Available, high.Kind);
        Assert.Equal(MemoryRegionKind.Reserved, info.MemoryRegion(1).Kind);
        Assert.Equal(MemoryRegionKind.AcpiReclaimable, info.MemoryRegion(3).Kind);
    }

    [Fact]
    public void MemoryMapWithTooSmallEntrySizeHasNoRegions()
    {
        // entry_size 16 is less than the 24 bytes an entry needs.
        byte[] payload = new byte[8 + 32];
        payload[0] = 16;
        Multiboot2Info info = Parse(new Multiboot2Builder().Tag(6, payload).Build());
        Assert.Equal(0, info.MemoryRegionCount);
    }

    [Fact]
    public void MemoryMapHonoursLargerEntrySize()
    {
        // entry_size 32: a later spec version may append fields; the first 24 bytes keep their meaning.
        byte[] payload = new byte[8 + 2 * 32];
        payload[0] = 32;
        BitConverter.TryWriteBytes(payload.AsSpan(8 + 32), 0x200000UL);
        BitConverter.TryWriteBytes(payload.AsSpan(8 + 32 + 8), 0x1000UL);
        BitConverter.TryWriteBytes(payload.AsSpan(8 + 32 + 16), 1U);
        Multiboot2Info info = Parse(new Multiboot2Builder().Tag(6, payload).Build());
        Assert.Equal(2, info.MemoryRegionCount);
        Assert.Equal(0x200000UL, info.MemoryRegion(1).Start);
        Assert.Equal(0x1000UL, info.MemoryRegion(1).Length);
    }

    [Fact]
    public void CountsModulesAmongOtherTags()
    {
        byte[] blob = new Multiboot2Builder()
            .Module(0x200000, 0x201000, "initfs")
            .CommandLine("quiet")
            .Module(0x300000, 0x300010, "")
            .Module(0x400000, 0x400100, "a module with a longer name")
            .Build();
        Multiboot2Info info = Parse(blob);
        Assert.Equal(3, info.ModuleCount);
        Assert.Equal("quiet", Text(info.CommandLine));
    }

    [Fact]
    public void FirstTagOfATypeWins()
    {
        Multiboot2Info info = Parse(new Multiboot2Builder().CommandLine("first").CommandLine("second").Build());
        Assert.Equal("first", Text(info.CommandLine));
    }

    [Fact]
    public void UnknownTagsAreSkipped()
    {
        byte[] blob = new Multiboot2Builder().Tag(21, new byte[4]).Tag(99, new byte[13]).BootloaderName("loader").Build();
        Assert.Equal("loader", Text(Parse(blob).BootloaderName));
    }

    [Fact]
    public void TagsAfterTheEndTagAreIgnored()
    {
        byte[] blob = new Multiboot2Builder().Tag(0, Array.Empty<byte>()).CommandLine("hidden").Build();
        Multiboot2Info info = Parse(blob);
        Assert.True(info.CommandLine.IsEmpty);
    }

    [Fact]
    public void ParsesFromAPointer()
    {
        byte[] blob = new Multiboot2Builder().CommandLine("from a pointer").Build();
        fixed (byte* p = blob)
        {
            Assert.True(Multiboot2Info.TryParse(p, out Multiboot2Info info));
            Assert.Equal("from a pointer", Text(info.CommandLine));
        }
    }

    [Fact]
    public void PointerWithAbsurdTotalSizeIsRefused()
    {
        byte[] blob = new Multiboot2Builder().CommandLine("x").Build();
        BitConverter.TryWriteBytes(blob.AsSpan(), 64u << 20);
        fixed (byte* p = blob)
        {
            Assert.False(Multiboot2Info.TryParse(p, out _));
        }
    }
}
