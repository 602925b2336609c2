using System;
using System.IO;
using System.Linq;
using System.Text;
using Redox.Kernel.Boot;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The boot information GRUB really handed the kernel under QEMU with 128 MiB (see the data file's header).</summary>
public class CapturedGrubBootInfoTests
{
    private static byte[] Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "grub-qemu-128M.mb2.hex");
        string hex = string.Concat(File.ReadLines(path).Where(line => !line.StartsWith('#')).Select(line => line.Trim()));
        return Convert.FromHexString(hex);
    }

    private static Multiboot2Info Parse(byte[] blob)
    {
        Assert.True(Multiboot2Info.TryParse(blob, out Multiboot2Info info));
        return info;
    }

    [Fact]
    public void ParsesWholeBlob()
    {
        byte[] blob = Load();
        Assert.Equal(1200, blob.Length);
        Assert.Equal(blob.Length, Parse(blob).TotalSize);
    }

    [Fact]
    public void LoaderIsGrub()
    {
        Multiboot2Info info = Parse(Load());
        Assert.StartsWith("GRUB", Encoding.ASCII.GetString(info.BootloaderName));
        Assert.Equal("redox.exit=qemu", Encoding.ASCII.GetString(info.CommandLine));
        Assert.True(KernelCommandLine.HasWord(info.CommandLine, "redox.exit=qemu"u8));
        Assert.Equal(0, info.ModuleCount);
    }

    [Fact]
    public void MemoryMapHasSevenRegionsAndAbout127MiBAvailable()
    {
        Multiboot2Info info = Parse(Load());
        Assert.Equal(7, info.MemoryRegionCount);
        ulong available = 0;
        for (int i = 0; i < info.MemoryRegionCount; i++)
        {
            MemoryRegion region = info.MemoryRegion(i);
            if (region.Kind == MemoryRegionKind.Available) available += region.Length;
        }
        Assert.Equal(0x9FC00UL + 0x7EE0000UL, available);
        Assert.Equal(127UL, available >> 20);
    }

    [Fact]
    public void MemoryMapMatchesQemuLayout()
    {
        Multiboot2Info info = Parse(Load());
        (ulong, ulong, MemoryRegionKind)[] expected =
        {
            (0x0, 0x9FC00, MemoryRegionKind.Available),
            (0x9FC00, 0x400, MemoryRegionKind.Reserved),
            (0xF0000, 0x10000, MemoryRegionKind.Reserved),
            (0x100000, 0x7EE0000, MemoryRegionKind.Available),
            (0x7FE0000, 0x20000, MemoryRegionKind.Reserved),
            (0xFFFC0000, 0x40000, MemoryRegionKind.Reserved),
            (0xFD_0000_0000, 0x3_0000_0000, MemoryRegionKind.Reserved),
        };
        for (int i = 0; i < expected.Length; i++)
        {
            MemoryRegion region = info.MemoryRegion(i);
            Assert.Equal(expected[i], (region.Start, region.Length, region.Kind));
        }
    }

    [Fact]
    public void OtherGrubTagsAreWalkedPast()
    {
        // GRUB also passes load base (21), APM (10), ACPI RSDP (14), framebuffer (8), EFI-less BIOS tags (4, 5, 9).
        Multiboot2Info info = Parse(Load());
        Assert.Equal(4, info.FindTag(21).Length);            // load base address
        ReadOnlySpan<byte> basic = info.FindTag(4);          // basic meminfo: mem_lower, mem_upper in KiB
        Assert.Equal(8, basic.Length);
        Assert.Equal(639u, BitConverter.ToUInt32(basic));
        Assert.False(info.FindTag(14).IsEmpty);              // old ACPI RSDP
        Assert.False(info.FindTag(8).IsEmpty);               // framebuffer info
    }
}
