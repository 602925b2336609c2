using Internal.Runtime;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// The NativeFormat integers ILC writes into its generic-virtual-method tables: every length, both signs, and the
/// metadata handles the runtime compares.
/// </summary>
public sealed unsafe class NativeFormatReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0u)]
    [InlineData(new byte[] { 0x20 }, 16u)]                                   // a type index in ILC's table
    [InlineData(new byte[] { 0xFE }, 127u)]                                  // the largest one-byte value
    [InlineData(new byte[] { 0x01, 0x02 }, 128u)]                            // the smallest two-byte value
    [InlineData(new byte[] { 0xFD, 0xFF }, 0x3FFFu)]
    [InlineData(new byte[] { 0x03, 0x00, 0x02 }, 0x4000u)]
    [InlineData(new byte[] { 0x07, 0x00, 0x00, 0x02 }, 0x200000u)]
    [InlineData(new byte[] { 0x0F, 0x86, 0x03, 0x00, 0x50 }, 0x50000386u)]   // a method's metadata handle
    public void Unsigned_values_of_every_length_decode_and_advance_past_themselves(byte[] encoded, uint expected)
    {
        fixed (byte* start = encoded)
        {
            byte* position = start;
            Assert.Equal(expected, NativeFormatReader.ReadUnsigned(ref position));
            Assert.Equal(encoded.Length, (int)(position - start));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x02 }, 1)]
    [InlineData(new byte[] { 0xFE }, -1)]                                    // 7 bits, sign extended
    [InlineData(new byte[] { 0x80 }, -64)]
    [InlineData(new byte[] { 0xE1, 0xFC }, -200)]                            // 14 bits
    [InlineData(new byte[] { 0x0F, 0x00, 0x00, 0x00, 0x80 }, int.MinValue)]
    public void Signed_values_are_sign_extended_from_their_length(byte[] encoded, int expected)
    {
        fixed (byte* start = encoded)
        {
            byte* position = start;
            Assert.Equal(expected, NativeFormatReader.ReadSigned(ref position));
            Assert.Equal(encoded.Length, (int)(position - start));
        }
    }
}
