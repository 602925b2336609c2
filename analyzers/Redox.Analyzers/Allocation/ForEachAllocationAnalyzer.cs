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
/// RDX1060: <c>foreach</c> whose <c>GetEnumerator</c> returns an interface (a boxed or class
/// enumerator behind <c>IEnumerable&lt;T&gt;</c>) or a class. Not reported: arrays, strings and spans
/// (the compiler writes an index loop) and struct enumerators (<c>List&lt;T&gt;.Enumerator</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForEachAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EnumeratorAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (c.Operation is not IForEachLoopOperation loop || loop.IsAsynchronous || loop.Syntax is not CommonForEachStatementSyntax syntax || !scope.Contains(c.ContainingSymbol, syntax))
                {
                    return;
                }

                var collectionType = OperationFacts.WithoutConversions(loop.Collection).Type;
                if (collectionType is null or IArrayTypeSymbol || collectionType.SpecialType == SpecialType.System_String || TypeFacts.IsSpan(collectionType))
                {
                    return;
                }

                var info = loop.SemanticModel?.GetForEachStatementInfo(syntax);
                var enumeratorType = info?.GetEnumeratorMethod?.ReturnType;
                if (enumeratorType is { IsReferenceType: true })
                {
                    c.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EnumeratorAllocation,
                        syntax.Expression.GetLocation(),
                        collectionType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                        enumeratorType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                }
            },
            OperationKind.Loop);
    }
}
