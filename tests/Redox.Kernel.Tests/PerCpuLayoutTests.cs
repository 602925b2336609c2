using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Redox.Kernel.Arch.X64;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// The per-CPU block is a contract between C# (<c>PerCpu.Block</c>) and the entry paths (Syscall.S, Interrupts.S), which
/// reach its words through GS at fixed offsets. Those offsets are written once, in <c>native/PerCpu.inc</c>, which both
/// sources include; this checks each against the struct's own layout, so a field moved in C# fails here, not at boot.
/// </summary>
public class PerCpuLayoutTests
{
    private static readonly string Native = Path.Combine(typeof(PerCpuLayoutTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "src", "Redox.Kernel", "Arch", "X64", "native");

    /// <summary>Each offset's name in PerCpu.inc and the field of PerCpu.Block it names.</summary>
    public static TheoryData<string, string> Offsets => new()
    {
        { "PERCPU_KERNEL_RSP", "KernelStackTop" },
        { "PERCPU_USER_RSP", "UserStackScratch" },
        { "PERCPU_SCRATCH", "UserStackScratch" },
        { "PERCPU_KERNEL_CR3", "KernelCr3" },
        { "PERCPU_USER_CR3", "UserCr3" },
        { "PERCPU_USER_CR3_KEEP", "UserCr3Keep" },
        { "PERCPU_ENTRY_STACK_TOP", "EntryStackTop" },
    };

    [Theory]
    [MemberData(nameof(Offsets))]
    public void EveryOffsetTheEntryPathsUseIsTheFieldsOffsetInTheCSharpBlock(string name, string field)
    {
        Type block = typeof(PerCpu).GetNestedType("Block", BindingFlags.NonPublic)!;
        Assert.NotNull(block);
        Match set = Regex.Match(File.ReadAllText(Path.Combine(Native, "PerCpu.inc")), @"^\s*\.set\s+" + name + @",\s*(\d+)\b", RegexOptions.Multiline);
        Assert.True(set.Success, $"PerCpu.inc does not set {name}");
        Assert.Equal((int)Marshal.OffsetOf(block, field), int.Parse(set.Groups[1].Value));
    }

    [Fact]
    public void TheEntryPathsTakeTheOffsetsFromTheOneFileAndSetNoneOfTheirOwn()
    {
        foreach (string source in new[] { "Syscall.S", "Interrupts.S" })
        {
            string text = File.ReadAllText(Path.Combine(Native, source));
            Assert.Contains(".include \"PerCpu.inc\"", text);
            Assert.DoesNotMatch(@"(?m)^\s*\.set\s+PERCPU_", text);
        }
        // Every offset the include sets is one this test checks.
        var set = Regex.Matches(File.ReadAllText(Path.Combine(Native, "PerCpu.inc")), @"^\s*\.set\s+(PERCPU_\w+)", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(set, Offsets.Select(row => (string)row[0]).ToHashSet());
    }
}
