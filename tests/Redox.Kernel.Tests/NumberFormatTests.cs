using System.Text;
using CsCheck;
using Redox.Kernel.Diagnostics;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Numbers to ASCII in a caller's buffer.</summary>
public class NumberFormatTests
{
    private static string Decimal(ulong value)
    {
        byte[] buffer = new byte[20];
        return Encoding.ASCII.GetString(buffer, 0, NumberFormat.Decimal(value, buffer));
    }

    private static string Hex(ulong value, int digits)
    {
        byte[] buffer = new byte[18];
        return Encoding.ASCII.GetString(buffer, 0, NumberFormat.Hex(value, digits, buffer));
    }

    [Theory]
    [InlineData(0UL, "0")]
    [InlineData(7UL, "7")]
    [InlineData(10UL, "10")]
    [InlineData(1234567890UL, "1234567890")]
    [InlineData(ulong.MaxValue, "18446744073709551615")]
    public void Decimal_(ulong value, string text) => Assert.Equal(text, Decimal(value));

    [Fact]
    public void DecimalMatchesToString() => Gen.ULong.Sample(v => Decimal(v) == v.ToString(), iter: 10_000);

    [Fact]
    public void DecimalWritesOnlyItsDigits()
    {
        byte[] buffer = Encoding.ASCII.GetBytes("xxxxxxxx");
        Assert.Equal(3, NumberFormat.Decimal(905, buffer));
        Assert.Equal("905xxxxx", Encoding.ASCII.GetString(buffer));
    }

    [Theory]
    [InlineData(0xABUL, 2, "0xab")]
    [InlineData(0xABUL, 4, "0x00ab")]
    [InlineData(0xDEADBEEFUL, 8, "0xdeadbeef")]
    [InlineData(ulong.MaxValue, 16, "0xffffffffffffffff")]
    [InlineData(0x0123456789ABCDEFUL, 16, "0x0123456789abcdef")]
    [InlineData(0x1234UL, 2, "0x34")]          // too few digits: the low ones
    public void Hex_(ulong value, int digits, string text) => Assert.Equal(text, Hex(value, digits));

    [Theory]
    [InlineData(0, "0x5")]
    [InlineData(-3, "0x5")]
    [InlineData(17, "0x0000000000000005")]
    [InlineData(int.MaxValue, "0x0000000000000005")]
    public void HexClampsDigitsTo1Through16(int digits, string text) => Assert.Equal(text, Hex(5, digits));

    [Fact]
    public void HexMatchesToString() => Gen.ULong.Sample(v => Hex(v, 16) == "0x" + v.ToString("x16"), iter: 10_000);
}
