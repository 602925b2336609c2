using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2011: a <c>[ThreadStatic]</c> field; the bare-metal runtime has no managed thread-local
/// storage. (Reference-typed statics with initializers or static constructors, once RDX2005, are
/// supported: the core library sets up GC statics and runs class constructors.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadStaticAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ThreadStaticUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSymbolAction(
            c =>
            {
                var field = (IFieldSymbol)c.Symbol;
                foreach (var attribute in field.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "ThreadStaticAttribute" } type && Semantics.TypeFacts.IsIn(type, "System"))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.ThreadStaticUnsupported, field.Locations[0], field.Name));
                    }
                }
            },
            SymbolKind.Field);
    }
}
