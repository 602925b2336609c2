using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Redox.Analyzers.Tests.Repository;

/// <summary>Every rule has a descriptor, a help link, a doc page, an index entry and a release-tracking line.</summary>
public class RuleDocumentationTests
{
    internal static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    private static IEnumerable<DiagnosticDescriptor> Descriptors => Analyzers.SelectMany(a => a.SupportedDiagnostics);

    [Fact]
    public void EveryIdHasExactlyOneDescriptor()
    {
        var described = Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(described.Count, described.Distinct().Count());
        Assert.Equal(RuleCatalog.AllIds().OrderBy(i => i), described.OrderBy(i => i));
    }

    [Fact]
    public void EveryRuleHasHelpLinkAndDocPage()
    {
        var index = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", "README.md"));
        foreach (var descriptor in Descriptors)
        {
            Assert.Equal(new Uri(RepositoryPaths.Combine("docs", "rules", descriptor.Id + ".md")).AbsoluteUri, descriptor.HelpLinkUri);
            var page = RepositoryPaths.Combine("docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            var text = File.ReadAllText(page);
            Assert.Contains("## Bad", text);
            Assert.Contains("## Good", text);
            Assert.Contains(descriptor.Id + ".md", index);
        }
    }

    [Fact]
    public void EveryHelpLinkResolvesToARuleFileThatIsPackedAndWhoseLinksResolve()
    {
        // A build without RedoxRulesHelpRoot (as here) links to this checkout's pages: a file: URI that opens.
        foreach (var descriptor in Descriptors)
        {
            var link = new Uri(descriptor.HelpLinkUri);
            Assert.True(link.IsFile, descriptor.Id + ": help link " + descriptor.HelpLinkUri + " is not a file: URI");
            Assert.True(File.Exists(link.LocalPath), descriptor.Id + ": help link names " + link.LocalPath + ", which does not exist");
            Assert.StartsWith("# " + descriptor.Id + ":", File.ReadAllText(link.LocalPath));
            Assert.Equal(RepositoryPaths.Combine("docs", "rules", descriptor.Id + ".md"), link.LocalPath); // the folder the package ships (below)
        }

        // The pages ship in the Redox.Analyzers package (docs/rules/), readable where the package is.
        var package = File.ReadAllText(RepositoryPaths.Combine("analyzers", "Redox.Analyzers.Package", "Redox.Analyzers.Package.csproj"));
        Assert.Contains("<None Include=\"../../docs/rules/*.md\" Pack=\"true\" PackagePath=\"docs/rules/\" />", package);

        // Every relative link on a rule page leads to a file of the repository.
        var folder = RepositoryPaths.Combine("docs", "rules");
        foreach (var page in Directory.GetFiles(folder, "*.md"))
        {
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), @"\]\(([^)#\s]+)(#[^)]*)?\)"))
            {
                var target = link.Groups[1].Value;
                if (target.StartsWith("http", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(folder, target));
                Assert.True(File.Exists(path) || Directory.Exists(path), Path.GetFileName(page) + " links to " + target + ", which does not exist");
            }
        }
    }

    [Fact]
    public void SeveritiesFollowTheRange()
    {
        foreach (var descriptor in Descriptors)
        {
            var expected = descriptor.Id.StartsWith("RDX1") ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
            Assert.Equal(expected, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }

    [Fact]
    public void EveryRuleIsInReleaseTracking()
    {
        var unshipped = File.ReadAllText(RepositoryPaths.Combine("analyzers", "Redox.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(RepositoryPaths.Combine("analyzers", "Redox.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var id in RuleCatalog.AllIds())
        {
            Assert.True(unshipped.Contains(id + " ") || shipped.Contains(id + " "), id + " missing from release tracking");
        }
    }

    [Fact]
    public void RetiredRulesFollowReleaseTrackingAndKeepADocPage()
    {
        var index = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", "README.md"));
        var shipped = ReleaseTrackingRows("AnalyzerReleases.Shipped.md");
        var unshipped = ReleaseTrackingRows("AnalyzerReleases.Unshipped.md");
        foreach (var id in RuleCatalog.RetiredIds())
        {
            Assert.DoesNotContain(id, RuleCatalog.AllIds());
            Assert.DoesNotContain(("New Rules", id), unshipped);
            if (shipped.Contains(("New Rules", id)))
            {
                Assert.True(shipped.Contains(("Removed Rules", id)) || unshipped.Contains(("Removed Rules", id)), id + " shipped but has no 'Removed Rules' entry");
            }

            var page = RepositoryPaths.Combine("docs", "rules", id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            Assert.Contains("Retired", File.ReadAllText(page));
            Assert.Contains(id + ".md", index);
        }
    }

    /// <summary>(section, rule ID) for every table row of a release-tracking file; ';' lines are comments.</summary>
    private static HashSet<(string Section, string Id)> ReleaseTrackingRows(string file)
    {
        var rows = new HashSet<(string, string)>();
        string section = "";
        foreach (var raw in File.ReadAllLines(RepositoryPaths.Combine("analyzers", "Redox.Analyzers", file)))
        {
            var line = raw.Trim();
            if (line.StartsWith(";"))
            {
                continue;
            }

            if (line.StartsWith("### "))
            {
                section = line.Substring(4).Trim();
                continue;
            }

            if (line.StartsWith("RDX"))
            {
                rows.Add((section, line.Split('|')[0].Trim()));
            }
        }

        return rows;
    }
}
