using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Redox.Syscall;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// The syscall entry (Syscall.S) sends the scheme round trip's two calls straight to their own handlers by number;
/// those numbers are written once for the assembly, in <c>native/SyscallNumbers.inc</c>. This checks each against
/// Redox.Syscall's <see cref="SyscallNumbers"/>, so an ABI change fails here, not as a misrouted call at boot.
/// </summary>
public class SyscallEntryNumbersTests
{
    private static readonly string Native = Path.Combine(typeof(SyscallEntryNumbersTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "src", "Redox.Kernel", "Arch", "X64", "native");

    public static TheoryData<string, ulong> Numbers => new()
    {
        { "SYS_READ", SyscallNumbers.Read },
        { "SYS_ANSWER_ONE_THEN_READ", SyscallNumbers.AnswerOneThenRead },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void EveryNumberTheEntryRoutesIsTheAbisNumber(string name, ulong number)
    {
        Match set = Regex.Match(File.ReadAllText(Path.Combine(Native, "SyscallNumbers.inc")), @"^\s*\.set\s+" + name + @",\s*0x([0-9A-Fa-f]+)\b", RegexOptions.Multiline);
        Assert.True(set.Success, $"SyscallNumbers.inc does not set {name}");
        Assert.Equal(number, ulong.Parse(set.Groups[1].Value, System.Globalization.NumberStyles.HexNumber));
    }

    [Fact]
    public void TheEntryTakesTheNumbersFromTheOneFileAndTheFileSetsOnlyCheckedOnes()
    {
        string entry = File.ReadAllText(Path.Combine(Native, "Syscall.S"));
        Assert.Contains(".include \"SyscallNumbers.inc\"", entry);
        Assert.DoesNotMatch(@"(?m)^\s*\.set\s+SYS_", entry);
        var set = Regex.Matches(File.ReadAllText(Path.Combine(Native, "SyscallNumbers.inc")), @"^\s*\.set\s+(SYS_\w+)", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(set, Numbers.Select(row => (string)row[0]).ToHashSet());
    }
}
