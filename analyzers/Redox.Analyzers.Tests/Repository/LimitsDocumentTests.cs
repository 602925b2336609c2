using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Redox.Analyzers.Tests.Repository;

/// <summary>src/Redox.CoreLib/LIMITS.md and DiagnosticIds.cs list the same bare-metal feature rules.</summary>
public class LimitsDocumentTests
{
    [Fact]
    public void EveryFeatureIdIsInLimitsAndViceVersa()
    {
        var idsInCode = RuleCatalog.AllIds().Where(RuleCatalog.IsBareMetalFeature).ToHashSet();
        var limits = File.ReadAllText(RepositoryPaths.Combine("src", "Redox.CoreLib", "LIMITS.md"));
        var idsInTable = Regex.Matches(limits, @"^\|\s*(RDX\d{4})\s*\|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToHashSet();

        Assert.NotEmpty(idsInCode);
        Assert.Empty(idsInCode.Except(idsInTable));
        Assert.Empty(idsInTable.Except(idsInCode));
    }
}
