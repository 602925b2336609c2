using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.Cmos;
using Xunit;

namespace Samples.Drivers.Tests;

/// <summary>The cmos: driver against a simulated MC146818 on the hosted bus.</summary>
public class CmosTests
{
    private sealed class CmosModel : IPortDevice
    {
        public readonly byte[] Registers = new byte[128];
        private int _index;

        public uint In(ushort port, int width) => port == 0x71 ? Registers[_index] : 0xFFu;

        public void Out(ushort port, int width, uint value)
        {
            if (port == 0x70)
            {
                _index = (int)(value & 0x7F);
            }
            else
            {
                Registers[_index] = (byte)value;
            }
        }
    }

    [Fact]
    public void ReadsRegistersAndWritesNvramOnly()
    {
        using var kernel = new HostedKernel();
        var chip = new CmosModel();
        chip.Registers[0x00] = 0x42; // seconds
        chip.Registers[0x32] = 0x20; // century
        kernel.Bus.MapPorts(0x70, 2, chip);
        kernel.StartDriver("cmos", new CmosScheme<HostedPortIo>());
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("cmos:"u8, OpenFlags.ReadWrite).Value;
            var all = new byte[200];
            Assert.Equal(128UL, Sys.Read(fd, all).Value);
            Assert.Equal(0x42, all[0]);
            Assert.Equal(0x20, all[0x32]);
            Assert.Equal(Errno.EPERM, Sys.WriteAt(fd, new byte[] { 1 }, 0x00).Error);
            Assert.Equal(2UL, Sys.WriteAt(fd, new byte[] { 7, 8 }, 0x40).Value);
            Assert.Equal(128UL, Sys.Lseek(fd, 0, SeekWhence.End).Value);
            Assert.Equal(Errno.ENOSPC, Sys.Write(fd, new byte[] { 1 }).Error);
        });
        Assert.Equal(7, chip.Registers[0x40]);
        Assert.Equal(8, chip.Registers[0x41]);
        Assert.Equal(0x42, chip.Registers[0x00]);
    }
}
