using System.Collections.Generic;
using Redox.Syscall.Io;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>Pio over a recording back end: the static-abstract seam reaches the implementation.</summary>
public class PortIoTests
{
    private struct RecordingPorts : IPortIo
    {
        public static readonly List<string> Log = new();
        public static byte In8(ushort port) { Log.Add("in8 " + port); return 0x5A; }
        public static ushort In16(ushort port) { Log.Add("in16 " + port); return 0x1234; }
        public static uint In32(ushort port) { Log.Add("in32 " + port); return 0xDEADBEEF; }
        public static void Out8(ushort port, byte value) => Log.Add("out8 " + port + " " + value);
        public static void Out16(ushort port, ushort value) => Log.Add("out16 " + port + " " + value);
        public static void Out32(ushort port, uint value) => Log.Add("out32 " + port + " " + value);
    }

    [Fact]
    public void PioRoutesToTheBackEnd()
    {
        RecordingPorts.Log.Clear();
        Assert.Equal(0x5A, new Pio8<RecordingPorts>(0x60).Read());
        new Pio8<RecordingPorts>(0x64).Write(0xAE);
        Assert.Equal(0x1234, new Pio16<RecordingPorts>(0x1F0).Read());
        new Pio16<RecordingPorts>(0x1F0).Write(7);
        Assert.Equal(0xDEADBEEFu, new Pio32<RecordingPorts>(0xCFC).Read());
        new Pio32<RecordingPorts>(0xCF8).Write(0x80000000);
        Assert.True(new Pio8<RecordingPorts>(0x64).ReadFlags(0x0A));
        Assert.Equal(new[] { "in8 96", "out8 100 174", "in16 496", "out16 496 7", "in32 3324", "out32 3320 2147483648", "in8 100" }, RecordingPorts.Log);
    }

    [Fact]
    public unsafe void MmioRegionReadsAndWritesInsideAndFloatsOutside()
    {
        var memory = new byte[16];
        fixed (byte* p = memory)
        {
            var region = new MmioRegion<DirectMemoryIo>((nuint)p, 16);
            region.Write32(4, 0xA1B2C3D4);
            region.Write64(8, 0x1122334455667788);
            region.Write8(0, 0x7F);
            region.Write16(2, 0xBEEF);
            Assert.Equal(0xA1B2C3D4u, region.Read32(4));
            Assert.Equal(0x1122334455667788UL, region.Read64(8));
            Assert.Equal(0x7F, region.Read8(0));
            Assert.Equal(0xBEEF, region.Read16(2));
            Assert.Equal(uint.MaxValue, region.Read32(14));
            Assert.Equal(ulong.MaxValue, region.Read64(nuint.MaxValue));
            region.Write32(13, 0); // dropped: crosses the end
        }
        Assert.Equal(0x11, memory[15]);
    }
}
