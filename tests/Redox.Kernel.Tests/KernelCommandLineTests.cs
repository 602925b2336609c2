using System;
using System.Text;
using Redox.Kernel.Boot;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Whole words and key=value pairs on the kernel command line.</summary>
public class KernelCommandLineTests
{
    private static bool Has(string line, string word) => KernelCommandLine.HasWord(Encoding.ASCII.GetBytes(line), Encoding.ASCII.GetBytes(word));

    private static string? Value(string line, string key) =>
        KernelCommandLine.TryGetValue(Encoding.ASCII.GetBytes(line), Encoding.ASCII.GetBytes(key), out ReadOnlySpan<byte> value)
            ? Encoding.ASCII.GetString(value)
            : null;

    [Theory]
    [InlineData("redox.exit=qemu", "redox.exit=qemu", true)]
    [InlineData("quiet redox.exit=qemu", "redox.exit=qemu", true)]
    [InlineData("redox.exit=qemu quiet", "redox.exit=qemu", true)]
    [InlineData("a quiet b", "quiet", true)]
    [InlineData("redox.exit=qemu2", "redox.exit=qemu", false)]   // a longer word is not the word
    [InlineData("xquiet", "quiet", false)]
    [InlineData("quietx", "quiet", false)]
    [InlineData("qui", "quiet", false)]
    [InlineData("", "quiet", false)]
    [InlineData("a  quiet", "quiet", true)]                      // double spaces
    public void HasWord(string line, string word, bool expected) => Assert.Equal(expected, Has(line, word));

    [Theory]
    [InlineData("redox.test=heap", "redox.test", "heap")]
    [InlineData("redox.exit=qemu redox.test=heap", "redox.test", "heap")]     // key at the end
    [InlineData("redox.test=heap redox.exit=qemu", "redox.test", "heap")]     // key at the start
    [InlineData("redox.test= quiet", "redox.test", "")]                       // empty value
    [InlineData("redox.test=", "redox.test", "")]
    [InlineData("redox.test=a redox.test=b", "redox.test", "a")]              // the first wins
    [InlineData("redox.test=a=b", "redox.test", "a=b")]
    public void TryGetValueFinds(string line, string key, string value) => Assert.Equal(value, Value(line, key));

    [Theory]
    [InlineData("", "redox.test")]
    [InlineData("redox.test", "redox.test")]                   // a bare word has no value
    [InlineData("redox.testing=heap", "redox.test")]           // the key is a prefix of a longer key
    [InlineData("my.redox.test=heap", "redox.test")]           // the key is a suffix of a longer key
    [InlineData("redox.tes=heap", "redox.test")]
    [InlineData("quiet", "redox.test")]
    public void TryGetValueMisses(string line, string key) => Assert.Null(Value(line, key));

    [Fact]
    public void CurrentIsEmptyOnTheHost() => Assert.True(KernelCommandLine.Current.IsEmpty);
}
