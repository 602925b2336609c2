using Redox.Kernel.Arch.X64;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>64-bit interrupt gates (Intel SDM vol. 3, 6.14.1).</summary>
public class IdtTests
{
    [Fact]
    public void SplitsTheHandlerAddress()
    {
        Idt.Encode(0xFFFF_8000_1234_5678, Gdt.KernelCode, 0, out ulong low, out ulong high);
        Assert.Equal(0x5678UL, low & 0xFFFF);                  // offset 0..15
        Assert.Equal((ulong)Gdt.KernelCode, (low >> 16) & 0xFFFF);
        Assert.Equal(0x1234UL, low >> 48);                     // offset 16..31
        Assert.Equal(0xFFFF_8000UL, high);                     // offset 32..63; bits 96..127 reserved zero
        Assert.Equal(0x12348E0000085678UL, low);
    }

    [Fact]
    public void PresentRing0InterruptGate()
    {
        Idt.Encode(0x10_0000, Gdt.KernelCode, 0, out ulong low, out _);
        Assert.Equal(0x8EUL, (low >> 40) & 0xFF);              // P=1, DPL=0, type 0xE (interrupt gate)
    }

    [Theory]
    [InlineData(0, 0UL)]
    [InlineData(1, 1UL)]
    [InlineData(7, 7UL)]
    [InlineData(9, 1UL)]                                       // only three bits exist
    public void IstIsThreeBits(byte ist, ulong expected)
    {
        Idt.Encode(0x1000, Gdt.KernelCode, ist, out ulong low, out _);
        Assert.Equal(expected, (low >> 32) & 0xFF);
        Assert.Equal(0x8EUL, (low >> 40) & 0xFF);
    }

    [Fact]
    public void LowHandlerHasZeroHighWord()
    {
        Idt.Encode(0x0000_0000_0010_2030, Gdt.KernelCode, 1, out ulong low, out ulong high);
        Assert.Equal(0UL, high);
        Assert.Equal(0x00108E0100082030UL, low);
    }
}
