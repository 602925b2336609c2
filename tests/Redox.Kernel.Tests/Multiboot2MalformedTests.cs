using System;
using System.Text;
using Redox.Kernel.Boot;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Malformed boot information: TryParse refuses impossible sizes; a bad tag ends the walk, never throws.</summary>
public class Multiboot2MalformedTests
{
    [Theory]
    [InlineData(0u)]
    [InlineData(7u)]
    public void TotalSizeBelowEightIsRefused(uint total)
    {
        byte[] blob = new Multiboot2Builder().CommandLine("x").Build();
        BitConverter.TryWriteBytes(blob.AsSpan(), total);
        Assert.False(Multiboot2Info.TryParse(blob, out _));
    }

    [Fact]
    public void TotalSizeBeyondTheSpanIsRefused()
    {
        byte[] blob = new Multiboot2Builder().CommandLine("x").Build();
        Assert.False(Multiboot2Info.TryParse(blob.AsSpan(0, blob.Length - 1), out _));
    }

    [Fact]
    public void SpanShorterThanTheHeaderIsRefused()
    {
        Assert.False(Multiboot2Info.TryParse(new byte[] { 8, 0, 0, 0 }, out _));
        Assert.False(Multiboot2Info.TryParse(ReadOnlySpan<byte>.Empty, out _));
    }

    [Fact]
    public void TotalSizeOfEightIsAnEmptyBlob()
    {
        Assert.True(Multiboot2Info.TryParse(new byte[] { 8, 0, 0, 0, 0, 0, 0, 0 }, out Multiboot2Info info));
        Assert.Equal(8, info.TotalSize);
        Assert.True(info.CommandLine.IsEmpty);
        Assert.Equal(0, info.ModuleCount);
    }

    [Fact]
    public void OnlyBytesInsideTotalSizeAreRead()
    {
        // A valid command line tag lies beyond total_size: it must not be seen.
        byte[] blob = new Multiboot2Builder().CommandLine("outside").Build(endTag: false);
        BitConverter.TryWriteBytes(blob.AsSpan(), 8u);
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.True(info.CommandLine.IsEmpty);
    }

    [Fact]
    public void TagRunningPastTheEndStopsTheWalk()
    {
        byte[] blob = new Multiboot2Builder()
            .Module(0x1000, 0x2000, "ok")
            .RawTag(3, 4096, new byte[8])           // claims 4 KiB, the blob is far shorter
            .CommandLine("after")
            .Build();
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.Equal(1, info.ModuleCount);
        Assert.True(info.CommandLine.IsEmpty);
        Assert.True(info.BootloaderName.IsEmpty);
        Assert.Equal(0, info.MemoryRegionCount);
    }

    [Fact]
    public void ZeroSizeTagStopsTheWalk()
    {
        byte[] blob = new Multiboot2Builder().CommandLine("before").RawTag(3, 0, new byte[8]).Module(1, 2, "m").Build();
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.Equal("before", Encoding.ASCII.GetString(info.CommandLine));
        Assert.Equal(0, info.ModuleCount);
        Assert.True(info.BootloaderName.IsEmpty);
    }

    [Fact]
    public void TagSizeBelowHeaderStopsTheWalk()
    {
        byte[] blob = new Multiboot2Builder().RawTag(2, 7, new byte[8]).BootloaderName("never").Build();
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.True(info.BootloaderName.IsEmpty);
    }

    [Fact]
    public void MissingEndTagStopsAtTotalSize()
    {
        byte[] blob = new Multiboot2Builder().CommandLine("no end tag").Module(1, 2, "m").Build(endTag: false);
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.Equal("no end tag", Encoding.ASCII.GetString(info.CommandLine));
        Assert.Equal(1, info.ModuleCount);
    }

    [Fact]
    public void UnterminatedStringStopsAtTheTagEnd()
    {
        byte[] blob = new Multiboot2Builder().Tag(1, Encoding.ASCII.GetBytes("abc")).Build();
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.Equal("abc", Encoding.ASCII.GetString(info.CommandLine));
    }

    [Fact]
    public void TruncatedMemoryMapCountsWholeEntriesOnly()
    {
        byte[] full = new Multiboot2Builder().MemoryMap((0, 0x1000, 1), (0x1000, 0x1000, 1)).Build(endTag: false);
        // Shrink the memory map tag (and the blob) by 8 bytes: the second entry is no longer whole.
        byte[] blob = full.AsSpan(0, full.Length - 8).ToArray();
        BitConverter.TryWriteBytes(blob.AsSpan(), (uint)blob.Length);
        BitConverter.TryWriteBytes(blob.AsSpan(12), (uint)(blob.Length - 8));
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        Assert.Equal(1, info.MemoryRegionCount);
    }

    [Fact]
    public void HugeEntrySizeCountsNoRegions()
    {
        byte[] payload = new byte[8 + 24];
        BitConverter.TryWriteBytes(payload.AsSpan(), 0xFFFF_FFF8u);
        Assert.True(Multiboot2Info.TryParse(new Multiboot2Builder().Tag(6, payload).Build(), out Multiboot2Info info));
        Assert.Equal(0, info.MemoryRegionCount);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(2024);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] blob = new byte[random.Next(0, 128)];
            random.NextBytes(blob);
            if (blob.Length >= 4 && random.Next(2) == 0) BitConverter.TryWriteBytes(blob.AsSpan(), (uint)random.Next(0, blob.Length + 1));
            if (!Multiboot2Info.TryParse(blob, out Multiboot2Info info)) continue;
            _ = info.CommandLine.Length + info.BootloaderName.Length + info.ModuleCount + info.MemoryRegionCount;
        }
    }
}
