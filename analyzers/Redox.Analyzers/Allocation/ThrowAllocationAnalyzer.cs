using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1080: <c>throw new X(...)</c> (statement or expression) allocates the exception. In a scheme
/// handler the code fix turns it into an errno return. A rethrow (<c>throw;</c>) or throwing an
/// existing object does not allocate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ExceptionAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                var @throw = (IThrowOperation)c.Operation;
                if (@throw.Exception is null || !scope.Contains(c.ContainingSymbol, @throw.Syntax))
                {
                    return;
                }

                if (OperationFacts.WithoutConversions(@throw.Exception) is IObjectCreationOperation { Type: { } type })
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.ExceptionAllocation, @throw.Syntax.GetLocation(), type.Name));
                }
            },
            OperationKind.Throw);
    }
}
