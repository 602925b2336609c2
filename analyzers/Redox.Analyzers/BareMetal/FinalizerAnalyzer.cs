using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.BareMetal;

/// <summary>RDX2010: finalizers (<c>~T()</c>). With no garbage collector nothing ever finalizes an object.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FinalizerAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FinalizerUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol is IMethodSymbol { MethodKind: MethodKind.Destructor } finalizer)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.FinalizerUnsupported, finalizer.Locations[0], finalizer.ContainingType.Name));
                }
            },
            SymbolKind.Method);
    }
}
