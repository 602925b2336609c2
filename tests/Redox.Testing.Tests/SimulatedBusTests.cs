using System;
using Redox.Syscall.Io;
using Xunit;

namespace Redox.Testing.Tests;

public class SimulatedBusTests
{
    private sealed class Latch : IPortDevice, IMemoryDevice
    {
        public uint Value;
        public uint In(ushort port, int width) => Value + port;
        public void Out(ushort port, int width, uint value) => Value = value;
        public ulong Read(ulong offset, int width) => Value + offset;
        public void Write(ulong offset, int width, ulong value) => Value = (uint)value;
    }

    [Fact]
    public void PortAccessesReachTheBoundBusOnly()
    {
        var bus = new SimulatedBus();
        var latch = new Latch();
        bus.MapPorts(0x60, 5, latch);
        using (bus.Bind())
        {
            new Pio8<HostedPortIo>(0x64).Write(0x10);
            Assert.Equal(0x10u, latch.Value);
            Assert.Equal(0x70, new Pio8<HostedPortIo>(0x60).Read());
            Assert.Equal(0xFFFF, new Pio16<HostedPortIo>(0x80).Read()); // floating bus
            Assert.Equal(1, bus.UnclaimedAccesses);
        }
        Assert.Throws<InvalidOperationException>(() => new Pio8<HostedPortIo>(0x60).Read());
    }

    [Fact]
    public void MemoryAccessesReachMappedDevices()
    {
        var bus = new SimulatedBus();
        var latch = new Latch();
        bus.MapMemory(0xFEE0_0000, 0x1000, latch);
        using (bus.Bind())
        {
            var region = new MmioRegion<HostedMemoryIo>(0xFEE0_0000, 0x1000);
            region.Write32(0x80, 5);
            Assert.Equal(5u, latch.Value);
            Assert.Equal(5u + 0x20, region.Read32(0x20));
            Assert.Equal(uint.MaxValue, HostedMemoryIo.Read32(0x1000));
        }
    }
}
