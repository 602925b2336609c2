using CsCheck;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Splitting 48-bit virtual addresses into table indices and back.</summary>
public class PageTableIndexTests
{
    [Theory]
    [InlineData(0xFFFF_C000_0000_0000UL, 384, 0, 0, 0)]
    [InlineData(0xFFFF_8000_0000_0000UL, 256, 0, 0, 0)]
    [InlineData(0xFFFF_FFFF_8000_0000UL, 511, 510, 0, 0)]
    [InlineData(0x0000_7FFF_FFFF_F000UL, 255, 511, 511, 511)]
    [InlineData(0x0000_0000_0020_0000UL, 0, 0, 1, 0)]
    [InlineData(0x0000_0000_4000_1000UL, 0, 1, 0, 1)]
    [InlineData(0x0000_0080_0000_0000UL, 1, 0, 0, 0)]
    public void IndicesOfKnownAddresses(ulong address, int pml4, int pdpt, int pd, int pt)
    {
        Assert.Equal(pml4, PageTableIndex.At(address, 4));
        Assert.Equal(pdpt, PageTableIndex.At(address, 3));
        Assert.Equal(pd, PageTableIndex.At(address, 2));
        Assert.Equal(pt, PageTableIndex.At(address, 1));
        Assert.Equal(address, PageTableIndex.Compose(pml4, pdpt, pd, pt));
    }

    [Fact]
    public void PageOffsetIsTheLow12Bits()
    {
        Assert.Equal(0xABCUL, PageTableIndex.PageOffset(0xFFFF_C000_1234_5ABC));
        Assert.Equal(0UL, PageTableIndex.PageOffset(0x1000));
        Assert.Equal(0xFFFUL, PageTableIndex.PageOffset(ulong.MaxValue));
    }

    [Theory]
    [InlineData(0UL, true)]
    [InlineData(0x0000_7FFF_FFFF_FFFFUL, true)]
    [InlineData(0x0000_8000_0000_0000UL, false)]
    [InlineData(0x0001_0000_0000_0000UL, false)]
    [InlineData(0x8000_0000_0000_0000UL, false)]
    [InlineData(0xFFFF_7FFF_FFFF_FFFFUL, false)]
    [InlineData(0xFFFF_8000_0000_0000UL, true)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, true)]
    public void IsCanonical(ulong address, bool canonical) => Assert.Equal(canonical, PageTableIndex.IsCanonical(address));

    [Fact]
    public void ComposeSignExtendsTheUpperHalf()
    {
        Assert.Equal(0xFFFF_8000_0000_0000UL, PageTableIndex.Compose(256, 0, 0, 0));
        Assert.Equal(0x0000_7F80_0000_0000UL, PageTableIndex.Compose(255, 0, 0, 0));
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFFUL, PageTableIndex.Compose(511, 511, 511, 511, 0xFFF));
    }

    [Fact]
    public void ComposeRoundTripsThroughAt()
    {
        var index = Gen.Int[0, 511];
        Gen.Select(index, index, index, index, Gen.ULong[0, 0xFFF]).Sample(t =>
        {
            var (pml4, pdpt, pd, pt, offset) = t;
            ulong address = PageTableIndex.Compose(pml4, pdpt, pd, pt, offset);
            Assert.True(PageTableIndex.IsCanonical(address));
            Assert.Equal(pml4, PageTableIndex.At(address, 4));
            Assert.Equal(pdpt, PageTableIndex.At(address, 3));
            Assert.Equal(pd, PageTableIndex.At(address, 2));
            Assert.Equal(pt, PageTableIndex.At(address, 1));
            Assert.Equal(offset, PageTableIndex.PageOffset(address));
        }, iter: 10_000);
    }

    [Fact]
    public void CanonicalAddressesRoundTripThroughCompose()
    {
        Gen.OneOf(Gen.ULong[0, 0x0000_7FFF_FFFF_FFFF], Gen.ULong[0xFFFF_8000_0000_0000, ulong.MaxValue]).Sample(address =>
        {
            Assert.True(PageTableIndex.IsCanonical(address));
            Assert.Equal(address, PageTableIndex.Compose(PageTableIndex.At(address, 4), PageTableIndex.At(address, 3),
                PageTableIndex.At(address, 2), PageTableIndex.At(address, 1), PageTableIndex.PageOffset(address)));
        }, iter: 10_000);
    }

    [Fact]
    public void NonCanonicalAddressesAreDetected()
    {
        Gen.ULong[0x0000_8000_0000_0000, 0xFFFF_7FFF_FFFF_FFFF].Sample(address => !PageTableIndex.IsCanonical(address), iter: 10_000);
    }
}
