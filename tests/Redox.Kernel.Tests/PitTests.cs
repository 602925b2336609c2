using Redox.Kernel.Arch.X64;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The PIT channel-0 divisor for a tick rate.</summary>
public class PitTests
{
    [Theory]
    [InlineData(100u, 11931u)]
    [InlineData(1000u, 1193u)]
    [InlineData(19u, 62799u)]
    [InlineData(1193182u, 1u)]
    public void DivisorForAFrequency(uint hertz, uint divisor) => Assert.Equal(divisor, Pit.Divisor(hertz));

    [Theory]
    [InlineData(0u)]                                           // no division by zero: the slowest rate
    [InlineData(1u)]
    [InlineData(18u)]                                          // 66287 does not fit in 16 bits
    public void SlowRatesClampTo65535(uint hertz) => Assert.Equal(65535u, Pit.Divisor(hertz));

    [Theory]
    [InlineData(1193183u)]
    [InlineData(uint.MaxValue)]
    public void FastRatesClampTo1(uint hertz) => Assert.Equal(1u, Pit.Divisor(hertz));

    [Fact]
    public void BaseFrequencyIsThePitCrystal() => Assert.Equal(1193182u, Pit.BaseFrequency);
}
