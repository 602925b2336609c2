using System;
using System.Collections.Generic;
using System.Text;
using Redox.Kernel.Diagnostics;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The kernel log through a capture sink (the serial port's stand-in).</summary>
public unsafe class KernelLogTests : IDisposable
{
    // The sink is process-wide; only this class sets it, and xunit runs a class's tests one at a time.
    private static readonly List<byte> s_captured = new List<byte>();

    public KernelLogTests()
    {
        lock (s_captured) s_captured.Clear();
        KernelLog.SetSink(&Capture);
    }

    public void Dispose() => KernelLog.SetSink(null);

    private static void Capture(byte value)
    {
        lock (s_captured) s_captured.Add(value);
    }

    private static string Captured()
    {
        lock (s_captured) return Encoding.Latin1.GetString(s_captured.ToArray());
    }

    [Fact]
    public void WritesBytesTextAndSpans()
    {
        KernelLog.Write((byte)'A');
        KernelLog.Write("bc"u8);
        KernelLog.Write("de");
        KernelLog.Write("fg".AsSpan());
        Assert.Equal("Abcdefg", Captured());
    }

    [Fact]
    public void NonAsciiCharactersBecomeQuestionMarks()
    {
        KernelLog.Write("caf\u00e9 \u2192 \U0001F600!");
        Assert.Equal("caf? ? ??!", Captured());
    }

    [Fact]
    public void WriteLineEndsWithALineFeed()
    {
        KernelLog.WriteLine("one");
        KernelLog.WriteLine("two"u8);
        KernelLog.WriteLine();
        string text = Captured();
        Assert.StartsWith("one", text);
        Assert.EndsWith("\n", text);
        Assert.Equal(3, text.Split('\n').Length - 1);
        Assert.Contains("two", text);
    }

    [Fact]
    public void WriteLineWritesCarriageReturnLineFeed()
    {
        KernelLog.WriteLine("x");
        Assert.Equal("x\r\n", Captured());
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(42L, "42")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void WritesSignedDecimals(long value, string text)
    {
        KernelLog.WriteDecimal(value);
        Assert.Equal(text, Captured());
    }

    [Fact]
    public void WritesUnsignedDecimalsAndHex()
    {
        KernelLog.WriteDecimal(ulong.MaxValue);
        KernelLog.Write(" ");
        KernelLog.WriteHex(0x1F);
        KernelLog.Write(" ");
        KernelLog.WriteHex(0x1F, 2);
        KernelLog.Write(" ");
        KernelLog.WriteHex(0x1F, 99);
        Assert.Equal("18446744073709551615 0x000000000000001f 0x1f 0x000000000000001f", Captured());
    }

    [Fact]
    public void WithoutASinkNothingHappens()
    {
        KernelLog.SetSink(null);
        KernelLog.WriteLine("lost");
        KernelLog.WriteDecimal(long.MinValue);
        Assert.Equal("", Captured());
    }
}
