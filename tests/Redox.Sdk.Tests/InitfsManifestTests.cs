using Redox.Sdk.Tasks;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>A driver's grants (RedoxProgram metadata Scheme, Ports, Restart) as they reach the initfs manifest.</summary>
public sealed class InitfsManifestTests
{
    [Fact]
    public void Grants_become_manifest_words_in_the_kernel_syntax()
    {
        string? words = RedoxWriteInitfs.Grants("cmosd", "cmos", "0x70-0x71, 128", "3", out string? code, out _);

        Assert.Null(code);
        Assert.Equal(" scheme=cmos ports=0x70-0x71,128 restart=3", words);
        Assert.Equal("", RedoxWriteInitfs.Grants("hello", "", "", "", out _, out _));
        Assert.Equal(" scheme=ps2 ports=0x60,0x64 irqs=1,12", RedoxWriteInitfs.Grants("ps2d", "ps2", "0x60,0x64", "", out _, out _, "1, 12"));
        Assert.Equal(" scheme=nic memory=0xfebc0000-0xfebdffff dma=64", RedoxWriteInitfs.Grants("nicd", "nic", "", "", out _, out _, "", "0xfebc0000-0xfebdffff", "64"));
    }

    [Theory]
    [InlineData("a:b", "", "", "RDXB095")]
    [InlineData(".hidden", "", "", "RDXB095")]
    [InlineData("has space", "", "", "RDXB095")]
    [InlineData("ok", "0x10000", "", "RDXB096")]
    [InlineData("ok", "0x71-0x70", "", "RDXB096")]
    [InlineData("ok", "1,2,3,4,5,6,7,8,9", "", "RDXB096")]
    [InlineData("ok", "seventy", "", "RDXB096")]
    [InlineData("ok", "1-2-3", "", "RDXB096")]
    [InlineData("ok", "", "-1", "RDXB097")]
    [InlineData("ok", "", "1001", "RDXB097")]
    [InlineData("ok", "", "three", "RDXB097")]
    [InlineData("ok", "", "", "RDXB098", "0")]
    [InlineData("ok", "", "", "RDXB098", "2")]
    [InlineData("ok", "", "", "RDXB098", "16")]
    [InlineData("ok", "", "", "RDXB098", "one")]
    [InlineData("ok", "", "", "RDXB099", "", "0xfee00000")]
    [InlineData("ok", "", "", "RDXB099", "", "0x2000-0x1000")]
    [InlineData("ok", "", "", "RDXB099", "", "", "lots")]
    public void A_malformed_grant_is_a_build_error_with_its_code_and_a_hint(string scheme, string ports, string restart, string expected, string irqs = "", string memory = "", string dma = "")
    {
        string? words = RedoxWriteInitfs.Grants("drv", scheme, ports, restart, out string? code, out string? message, irqs, memory, dma);

        Assert.Null(words);
        Assert.Equal(expected, code);
        Assert.Contains("'drv'", message);
        Assert.Contains("Hint:", message);
    }
}
