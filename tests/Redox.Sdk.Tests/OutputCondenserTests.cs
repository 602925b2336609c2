using System.Text.RegularExpressions;
using Redox.Sdk.Tasks;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>A tool's dump becomes its few reasons.</summary>
public sealed class OutputCondenserTests
{
    /// <summary>grub-mkrescue's real output when xorriso rejects an option.</summary>
    private static readonly string[] XorrisoDump =
    [
        "xorriso 1.5.4 : RockRidge filesystem manipulator, libburnia project.",
        "",
        "Drive current: -outdev 'stdio:out.iso'",
        "Media current: stdio file, overwriteable",
        "Media status : is blank",
        "Media summary: 0 sessions, 0 data blocks, 0 data, 77.9g free",
        "Added to ISO image: directory '/'='/tmp/grub.N4ZY4u'",
        "xorriso : UPDATE :     661 files added in 1 seconds",
        "Added to ISO image: directory '/'='/tmp/sdkx/r'",
        "xorriso : FAILURE : -as mkisofs: Unrecognized option '-bogus-option'",
        "xorriso : UPDATE :     664 files added in 1 seconds",
        "xorriso : aborting : -abort_on 'FAILURE' encountered 'FAILURE'",
        "grub-mkrescue: error: `xorriso` invocation failed",
    ];

    [Fact]
    public void The_xorriso_dump_keeps_only_its_failure_lines()
    {
        string condensed = OutputCondenser.Condense(XorrisoDump, new Regex("FAILURE|SORRY|error:|[Cc]annot"));

        Assert.Contains("Unrecognized option '-bogus-option'", condensed);
        Assert.Contains("grub-mkrescue: error: `xorriso` invocation failed", condensed);
        Assert.DoesNotContain("UPDATE", condensed);
        Assert.DoesNotContain("Media", condensed);
    }

    [Fact]
    public void Long_output_is_cut_and_says_where_the_rest_is()
    {
        string[] lines = Enumerable.Range(1, 20).Select(i => $"Boot.S:{i}: Error: bad").ToArray();

        string condensed = OutputCondenser.Condense(lines, null);

        Assert.Equal(OutputCondenser.MaxLines + 1, condensed.Split(" | ").Length);
        Assert.Contains($"+{20 - OutputCondenser.MaxLines} more", condensed);
        Assert.Contains("-v:detailed", condensed);
    }

    [Fact]
    public void Nothing_printed_says_so()
    {
        Assert.Equal("(no output)", OutputCondenser.Condense(["", "   "], null));
    }
}
