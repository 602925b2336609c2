using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// Every RDXB code the SDK can report is explained where the error's text sends the user (src/Redox.Sdk/README.md,
/// "When something fails"): one table row per code, and no row for a code nothing reports any more.
/// </summary>
public sealed class ErrorCodeDocumentationTests
{
    [Fact]
    public void Every_RDXB_code_the_SDK_reports_has_exactly_one_row_in_the_README_and_every_row_is_reported()
    {
        string source = Path.Combine(ScratchProject.Repository, "src");
        HashSet<string> reported = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".targets") || path.EndsWith(".props") || path.EndsWith(".cs") || path.EndsWith(".sh"))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(path => Regex.Matches(File.ReadAllText(path), @"RDXB\d{3}").Select(m => m.Value))
            .ToHashSet();
        string[] rows = Regex.Matches(File.ReadAllText(Path.Combine(source, "Redox.Sdk", "README.md")), @"^\| (RDXB\d{3})", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(reported);
        Assert.Empty(rows.GroupBy(code => code).Where(group => group.Count() > 1).Select(group => group.Key));
        Assert.Empty(reported.Except(rows).Order());
        Assert.Empty(rows.Except(reported).Order());
    }
}
