using Redox.Kernel.Arch.X64;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>GDT descriptors for long mode (Intel SDM vol. 3, 3.4.5 and 5.2.1).</summary>
public class GdtTests
{
    [Fact]
    public void KernelCodeIs64BitRing0() => Assert.Equal(0x00AF9A000000FFFFUL, Gdt.Descriptor(code: true, ring: 0));

    [Fact]
    public void UserCodeIs64BitRing3() => Assert.Equal(0x00AFFA000000FFFFUL, Gdt.Descriptor(code: true, ring: 3));

    [Fact]
    public void KernelDataIsFlatRing0() => Assert.Equal(0x00CF92000000FFFFUL, Gdt.Descriptor(code: false, ring: 0));

    [Fact]
    public void UserDataIsFlatRing3() => Assert.Equal(0x00CFF2000000FFFFUL, Gdt.Descriptor(code: false, ring: 3));

    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 3)]
    [InlineData(false, 0)]
    [InlineData(false, 3)]
    public void DescriptorFieldsAreWhereTheCpuLooks(bool code, int ring)
    {
        ulong d = Gdt.Descriptor(code, ring);
        Assert.Equal(1UL, (d >> 47) & 1);                      // P
        Assert.Equal((ulong)ring, (d >> 45) & 3);              // DPL
        Assert.Equal(1UL, (d >> 44) & 1);                      // S: code or data
        Assert.Equal(code ? 1UL : 0UL, (d >> 43) & 1);         // executable
        Assert.Equal(1UL, (d >> 41) & 1);                      // readable code / writable data
        Assert.Equal(code ? 1UL : 0UL, (d >> 53) & 1);         // L: 64-bit code
        Assert.Equal(0UL, code ? (d >> 54) & 1 : 0);           // D must be 0 when L is 1
        Assert.Equal(1UL, (d >> 55) & 1);                      // G
        Assert.Equal(0UL, (d >> 16) & 0xFF_FFFF);              // base 0..23
        Assert.Equal(0UL, d >> 56);                            // base 24..31
    }

    [Fact]
    public void SelectorsMatchTheSlotOrderSysretNeeds()
    {
        Assert.Equal(0x08, Gdt.KernelCode);
        Assert.Equal(0x10, Gdt.KernelData);
        Assert.Equal(Gdt.KernelCode + 8, Gdt.KernelData);
        Assert.Equal(0x1B, Gdt.UserData);                      // SYSRET: SS = STAR[63:48] + 8, CS = + 16
        Assert.Equal(Gdt.UserData + 8, Gdt.UserCode);
        Assert.Equal(0x28, Gdt.Tss);
    }
}
