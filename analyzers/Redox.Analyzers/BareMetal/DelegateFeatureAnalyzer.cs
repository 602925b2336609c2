using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2004: creating (lambda, method group, <c>new D(...)</c>) or invoking a delegate. The
/// bare-metal runtime has no delegate support yet; unmanaged function pointers
/// (<c>delegate* unmanaged&lt;...&gt;</c>) and generic struct callbacks are the alternatives.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelegateFeatureAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DelegateUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (!OperationFacts.IsInNonExecutableContext(c.Operation))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.DelegateUnsupported, c.Operation.Syntax.GetLocation(), "Creating"));
                }
            },
            OperationKind.DelegateCreation);
        context.RegisterOperationAction(
            c =>
            {
                if (c.Operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke })
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.DelegateUnsupported, c.Operation.Syntax.GetLocation(), "Invoking"));
                }
            },
            OperationKind.Invocation);
    }
}
