using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.BareMetal;

namespace Redox.Analyzers.Api;

/// <summary>
/// RDX2101: a bare-metal project (Redox.Sdk) compiles against the Redox core library only, so a .NET API it lacks
/// (<c>Console</c>, <c>List&lt;T&gt;</c>, <c>System.IO</c>) is a compiler error that says "are you missing an assembly
/// reference?" (CS0234, CS0246) or "does not exist in the current context" (CS0103): both point the wrong way.
/// For each such error whose name is a public .NET type or namespace (<see cref="DotNetTypes"/>) and not one the
/// compilation has, this reports, at the same place, that the API is .NET's and not the Redox core library's,
/// with what to use instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingCoreLibApiAnalyzer : BareMetalAnalyzer
{
    private const string NotInNamespace = "CS0234";
    private const string TypeNotFound = "CS0246";
    private const string NameNotFound = "CS0103";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ApiNotInCoreLib);

    private protected override void Register(CompilationStartAnalysisContext context) =>
        context.RegisterSemanticModelAction(Analyze);

    private static void Analyze(SemanticModelAnalysisContext context)
    {
        var model = context.SemanticModel;
        var root = model.SyntaxTree.GetRoot(context.CancellationToken);
        foreach (var error in model.GetDiagnostics(cancellationToken: context.CancellationToken))
        {
            if (error.Id is not (NotInNamespace or TypeNotFound or NameNotFound) || !error.Location.IsInSource)
            {
                continue;
            }

            var node = root.FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
            string? api = error.Id == NotInNamespace ? QualifiedApi(model, node) : SimpleApi(model, node);
            if (api != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ApiNotInCoreLib, error.Location, api, Hints.For(api)));
            }
        }
    }

    // CS0234: 'X' does not exist in namespace 'N'. The API is N.X, a .NET type (with X's arity) or namespace.
    private static string? QualifiedApi(SemanticModel model, SyntaxNode node)
    {
        (ExpressionSyntax? left, SimpleNameSyntax? right) = node switch
        {
            QualifiedNameSyntax q => (q.Left, q.Right),
            MemberAccessExpressionSyntax m => (m.Expression, m.Name),
            SimpleNameSyntax s when s.Parent is QualifiedNameSyntax q && q.Right == s => (q.Left, s),
            SimpleNameSyntax s when s.Parent is MemberAccessExpressionSyntax m && m.Name == s => (m.Expression, s),
            _ => (null, null),
        };
        if (left == null || right == null || model.GetSymbolInfo(left).Symbol is not INamespaceSymbol space)
        {
            return null;
        }

        string prefix = space.ToDisplayString() + ".";
        string type = prefix + MetadataName(right);
        if (DotNetTypes.IsType(type) && model.Compilation.GetTypeByMetadataName(type) == null)
        {
            return Display(type);
        }

        string name = prefix + right.Identifier.ValueText;
        return DotNetTypes.IsNamespace(name) ? name : null;
    }

    // CS0246/CS0103: a simple name no using brings in. The API is the .NET type of that name (and arity) the core
    // library lacks, preferring one whose namespace the file imports (List<T> with System.Collections.Generic).
    private static string? SimpleApi(SemanticModel model, SyntaxNode node)
    {
        if (node is not SimpleNameSyntax name)
        {
            return null;
        }

        var candidates = DotNetTypes.WithName(MetadataName(name))
            .Where(type => model.Compilation.GetTypeByMetadataName(type) == null)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var imported = model.GetImportScopes(name.SpanStart)
            .SelectMany(scope => scope.Imports)
            .Select(import => import.NamespaceOrType.ToDisplayString() + ".")
            .ToList();
        string chosen = candidates.FirstOrDefault(type => imported.Any(space => type.StartsWith(space, System.StringComparison.Ordinal) && type.IndexOf('.', space.Length) < 0))
            ?? candidates.OrderBy(type => type.StartsWith("System.", System.StringComparison.Ordinal) ? 0 : 1).ThenBy(type => type.Length).ThenBy(type => type, System.StringComparer.Ordinal).First();
        return Display(chosen);
    }

    private static string MetadataName(SimpleNameSyntax name) =>
        name is GenericNameSyntax generic ? name.Identifier.ValueText + "`" + generic.Arity : name.Identifier.ValueText;

    // System.Collections.Generic.List`1 -> System.Collections.Generic.List<T> (Dictionary`2 -> Dictionary<T1, T2>).
    private static string Display(string metadataName)
    {
        int tick = metadataName.LastIndexOf('`');
        if (tick < 0)
        {
            return metadataName;
        }

        int arity = int.Parse(metadataName.Substring(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
        string parameters = arity == 1 ? "T" : string.Join(", ", Enumerable.Range(1, arity).Select(i => "T" + i));
        return metadataName.Substring(0, tick) + "<" + parameters + ">";
    }
}
