using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1050: a call in expanded form that binds to a <c>params T[]</c> parameter (the compiler
/// builds the array), or to a <c>params</c> collection that lives on the heap (<c>List&lt;T&gt;</c>,
/// <c>IEnumerable&lt;T&gt;</c>...). Not reported: <c>params ReadOnlySpan&lt;T&gt;</c>/<c>Span&lt;T&gt;</c>
/// (stack), an empty params array (the compiler passes <c>Array.Empty&lt;T&gt;()</c>), and a call
/// that passes an existing array in normal form.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParamsAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ParamsAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                var argument = (IArgumentOperation)c.Operation;
                if (argument.ArgumentKind is not (ArgumentKind.ParamArray or ArgumentKind.ParamCollection) || argument.Parameter is null)
                {
                    return;
                }

                if (!scope.Contains(c.ContainingSymbol, argument.Syntax) || OperationFacts.IsInNonExecutableContext(argument))
                {
                    return;
                }

                string? kind = Allocates(argument);
                if (kind != null)
                {
                    var owner = argument.Parameter.ContainingSymbol;
                    var name = owner is IMethodSymbol { MethodKind: MethodKind.Constructor } ? owner.ContainingType.Name : owner.Name;
                    var syntax = argument.Parent?.Syntax ?? argument.Syntax;
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.ParamsAllocation, syntax.GetLocation(), name, kind));
                }
            },
            OperationKind.Argument);
    }

    private static string? Allocates(IArgumentOperation argument)
    {
        var type = argument.Parameter!.Type;
        switch (argument.Value)
        {
            case IArrayCreationOperation array:
                // M() binds to Array.Empty<T>(); M(1, 2) builds new T[2].
                bool empty = array.Initializer is { ElementValues.IsEmpty: true }
                    || (array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 });
                return empty ? null : "array";
            case ICollectionExpressionOperation collection:
                if (TypeFacts.IsSpan(type))
                {
                    return null;
                }

                if (collection.Elements.IsEmpty && (type is IArrayTypeSymbol || TypeFacts.IsReadOnlyCollectionInterface(type)))
                {
                    return null;
                }

                return type.IsReferenceType ? "collection" : null;
            default:
                return null;
        }
    }
}
