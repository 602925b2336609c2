using System;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// The core library's memory primitives against the host's: every length around the 8- and 64-byte steps, every
/// alignment, and overlapping copies in both directions at every distance around a block.
/// </summary>
public unsafe class SpanHelpersTests
{
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 7 + 1);
        return bytes;
    }

    [Fact]
    public void Memmove_between_separate_buffers_copies_exactly_the_bytes_asked_for()
    {
        for (int length = 0; length <= 200; length++)
        {
            for (int offset = 0; offset < 9; offset++)
            {
                byte[] source = Pattern(length + 16);
                var destination = new byte[length + 32];
                var expected = new byte[length + 32];
                Array.Copy(source, offset, expected, offset + 3, length);
                System.SpanHelpers.Memmove(ref destination[offset + 3], ref source[offset], (nuint)length);
                Assert.Equal(expected, destination);
            }
        }
    }

    [Fact]
    public void Memmove_within_one_buffer_gives_what_a_copy_through_a_temporary_gives_at_every_distance()
    {
        foreach (int length in new[] { 1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 200, 4096 })
        {
            for (int distance = -140; distance <= 140; distance++)
            {
                int from = 150, to = 150 + distance;
                byte[] buffer = Pattern(length + 300);
                byte[] expected = (byte[])buffer.Clone();
                Array.Copy(buffer, from, expected, to, length);       // Array.Copy handles overlap as memmove does
                System.SpanHelpers.Memmove(ref buffer[to], ref buffer[from], (nuint)length);
                Assert.True(expected.AsSpan().SequenceEqual(buffer), $"length {length}, distance {distance}");
            }
        }
    }

    [Fact]
    public void ClearWithoutReferences_zeroes_exactly_the_range()
    {
        for (int length = 0; length <= 300; length++)
        {
            for (int offset = 0; offset < 9; offset++)
            {
                byte[] buffer = Pattern(length + 24);
                byte[] expected = (byte[])buffer.Clone();
                Array.Clear(expected, offset, length);
                System.SpanHelpers.ClearWithoutReferences(ref buffer[offset], (nuint)length);
                Assert.Equal(expected, buffer);
            }
        }
    }

    [Fact]
    public void Fill_sets_exactly_the_range_to_the_value()
    {
        for (int length = 0; length <= 100; length++)
        {
            for (int offset = 0; offset < 9; offset++)
            {
                byte[] buffer = Pattern(length + 24);
                byte[] expected = (byte[])buffer.Clone();
                Array.Fill(expected, (byte)0xA5, offset, length);
                System.SpanHelpers.Fill(ref buffer[offset], (nuint)length, 0xA5);
                Assert.Equal(expected, buffer);
            }
        }
    }
}
