using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1040: calls into <c>System.Linq</c> (method syntax and query syntax alike, since query
/// clauses bind to the same calls). LINQ allocates iterators, boxes enumerators and usually
/// delegates; even <c>Count()</c> or <c>Any()</c> on an interface may enumerate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LinqAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LinqAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var type = invocation.TargetMethod.ContainingType;
                if (type != null && AllocatingApis.IsLinq(type)
                    && scope.Contains(c.ContainingSymbol, invocation.Syntax)
                    && !OperationFacts.IsInNonExecutableContext(invocation))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.LinqAllocation, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name));
                }
            },
            OperationKind.Invocation);
    }
}
