using CsCheck;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>Our validator agrees with the framework's on random and on tricky input.</summary>
public class Utf8ValidationTests
{
    [Fact]
    public void AgreesWithFrameworkOnRandomBytes()
    {
        Gen.Byte.Array[0, 12].Sample(b => Utf8Validation.IsValid(b) == System.Text.Unicode.Utf8.IsValid(b), iter: 100_000);
        // Bias towards multi-byte structure.
        Gen.OneOf(Gen.Byte[0x80, 0xBF], Gen.Byte[0xC0, 0xFF], Gen.Byte[0, 0x7F]).Array[0, 8]
            .Sample(b => Utf8Validation.IsValid(b) == System.Text.Unicode.Utf8.IsValid(b), iter: 100_000);
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, false)]       // surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, false)] // > U+10FFFF
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF }, false)]       // overlong
    [InlineData(new byte[] { 0xE2, 0x82 }, false)]             // truncated
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, true)]  // emoji
    [InlineData(new byte[] { 0x7A, 0xC3, 0xBC }, true)]
    public void KnownCases(byte[] bytes, bool valid) => Assert.Equal(valid, Utf8Validation.IsValid(bytes));
}
