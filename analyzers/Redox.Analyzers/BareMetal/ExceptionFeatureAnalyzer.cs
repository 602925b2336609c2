using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2001-RDX2002: exceptions. With no unwinder every <c>throw</c> (statement, expression,
/// rethrow) ends in a kernel panic and no <c>catch</c> clause ever runs. <c>finally</c> is fine:
/// it runs on normal exit, which is the only exit there is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionFeatureAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ThrowUnsupported,
        Descriptors.CatchUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c => c.ReportDiagnostic(Diagnostic.Create(Descriptors.ThrowUnsupported, c.Operation.Syntax.GetLocation())),
            OperationKind.Throw);
        context.RegisterOperationAction(
            c =>
            {
                var location = c.Operation.Syntax is CatchClauseSyntax clause ? clause.CatchKeyword.GetLocation() : c.Operation.Syntax.GetLocation();
                c.ReportDiagnostic(Diagnostic.Create(Descriptors.CatchUnsupported, location));
            },
            OperationKind.CatchClause);
    }
}
