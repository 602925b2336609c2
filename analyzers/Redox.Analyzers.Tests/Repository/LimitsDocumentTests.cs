using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Redox.Analyzers.Tests.Repository;

/// <summary>
/// src/Redox.CoreLib/LIMITS.md and DiagnosticIds.cs agree: the "Not supported yet" table lists exactly
/// the active RDX20xx feature rules, and every retired RDX20xx rule has a row under "Supported since".
/// </summary>
public class LimitsDocumentTests
{
    private const string UnsupportedHeading = "## Not supported yet";
    private const string SupportedHeadingPrefix = "## Supported since ";

    private static readonly string Limits = File.ReadAllText(RepositoryPaths.Combine("src", "Redox.CoreLib", "LIMITS.md"));

    [Fact]
    public void UnsupportedTableListsExactlyTheActiveFeatureRules()
    {
        var active = RuleCatalog.AllIds().Where(RuleCatalog.IsBareMetalFeature).ToHashSet();
        var unsupported = IdsInSections(h => h == UnsupportedHeading);

        Assert.NotEmpty(active);
        Assert.Empty(active.Except(unsupported));
        Assert.Empty(unsupported.Except(active));
    }

    [Fact]
    public void RetiredFeatureRulesAreListedAsSupported()
    {
        var retired = RuleCatalog.RetiredIds().Where(RuleCatalog.IsBareMetalFeature).ToHashSet();
        var supported = IdsInSections(h => h.StartsWith(SupportedHeadingPrefix));

        Assert.Contains("RDX2005", retired);
        Assert.Empty(retired.Except(supported));
        Assert.Empty(supported.Except(retired));
    }

    [Fact]
    public void NoIdIsBothSupportedAndUnsupported()
    {
        var unsupported = IdsInSections(h => h == UnsupportedHeading);
        var supported = IdsInSections(h => h.StartsWith(SupportedHeadingPrefix));

        Assert.NotEmpty(unsupported);
        Assert.Empty(unsupported.Intersect(supported));
        Assert.Empty(RuleCatalog.AllIds().Intersect(RuleCatalog.RetiredIds()));
    }

    /// <summary>IDs in the first column of table rows under the "## " headings that match.</summary>
    private static HashSet<string> IdsInSections(System.Func<string, bool> heading)
    {
        var ids = new HashSet<string>();
        bool inSection = false;
        foreach (var line in Limits.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("## "))
            {
                inSection = heading(line.Trim());
                continue;
            }

            var row = Regex.Match(line, @"^\|\s*(RDX\d{4})\s*\|");
            if (inSection && row.Success)
            {
                ids.Add(row.Groups[1].Value);
            }
        }

        return ids;
    }
}
