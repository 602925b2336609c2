using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1030-RDX1031: delegate creations that allocate. What the compiler caches (checked by
/// measuring <c>GC.GetAllocatedBytesForCurrentThread</c> over a loop, Roslyn 4.14, C# 14):
/// non-capturing and static lambdas (a lazily created static delegate, one allocation per
/// process), and implicit conversions of static method groups and static local functions since
/// C# 11. Every time: capturing lambdas (closure + delegate), any non-static local function
/// converted to a delegate even if it captures nothing, instance and extension method groups,
/// and explicit <c>new D(M)</c>. A local function called directly never allocates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelegateAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ClosureAllocation,
        Descriptors.MethodGroupAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                var creation = (IDelegateCreationOperation)c.Operation;
                if (scope.Contains(c.ContainingSymbol, creation.Syntax) && !OperationFacts.IsInNonExecutableContext(creation))
                {
                    Analyze(c, creation);
                }
            },
            OperationKind.DelegateCreation);
    }

    private static void Analyze(OperationAnalysisContext context, IDelegateCreationOperation creation)
    {
        var location = creation.Syntax.GetLocation();
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                if (CaptureAnalysis.Captures(lambda))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ClosureAllocation, location, "Capturing lambda"));
                }

                break;
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction, Method.IsStatic: false } reference:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ClosureAllocation, location, "Local function '" + reference.Method.Name + "'"));
                break;
            case IMethodReferenceOperation reference:
                if (!IsCachedStaticMethodGroup(creation, reference))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.MethodGroupAllocation, location, reference.Method.Name));
                }

                break;
            default:
                // new D(otherDelegate) and other explicit creations.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MethodGroupAllocation, location, creation.Type?.Name ?? "delegate"));
                break;
        }
    }

    /// <summary>C# 11 caches the delegate of an implicit conversion of a static method group (not of <c>new D(M)</c>, not of extension methods).</summary>
    private static bool IsCachedStaticMethodGroup(IDelegateCreationOperation creation, IMethodReferenceOperation reference)
    {
        var method = reference.Method;
        if (!method.IsStatic || method.ReducedFrom != null || method.IsExtensionMethod && reference.Instance != null)
        {
            return false;
        }

        if (creation.Syntax is BaseObjectCreationExpressionSyntax)
        {
            return false;
        }

        return creation.Syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };
    }
}
