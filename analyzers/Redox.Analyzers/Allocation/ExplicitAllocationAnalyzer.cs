using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1001-RDX1004: <c>new</c> of classes, strings, arrays and anonymous types, <c>with</c> on a
/// record class, and collection expressions whose target type lives on the heap.
/// Not reported: structs (<c>new Span&lt;T&gt;()</c>, value tuples), <c>stackalloc</c>, span
/// collection expressions, constant arrays converted straight to <c>ReadOnlySpan&lt;T&gt;</c>
/// (emitted as read-only data), empty collection expressions the compiler maps to
/// <c>Array.Empty&lt;T&gt;()</c>, params arrays (RDX1050) and <c>throw new</c> (RDX1080).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExplicitAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ObjectAllocation,
        Descriptors.ArrayAllocation,
        Descriptors.AnonymousTypeAllocation,
        Descriptors.CollectionExpressionAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (!scope.Contains(c.ContainingSymbol, c.Operation.Syntax) || OperationFacts.IsInNonExecutableContext(c.Operation))
                {
                    return;
                }

                switch (c.Operation)
                {
                    case IObjectCreationOperation creation:
                        AnalyzeObjectCreation(c, creation);
                        break;
                    // new T() is Activator.CreateInstance<T>(): a heap object whenever T may be a class
                    // (unconstrained or T : class), as RDX1010 reports T -> object whenever T may be a struct.
                    case ITypeParameterObjectCreationOperation { Type.IsValueType: false } creation:
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.ObjectAllocation, creation.Syntax.GetLocation(), creation.Type!.Name));
                        break;
                    case IWithOperation { Type.IsReferenceType: true } with:
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.ObjectAllocation, with.Syntax.GetLocation(), Display(with.Type!)));
                        break;
                    case IArrayCreationOperation array:
                        AnalyzeArrayCreation(c, array);
                        break;
                    case IAnonymousObjectCreationOperation anonymous:
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.AnonymousTypeAllocation, anonymous.Syntax.GetLocation()));
                        break;
                    case ICollectionExpressionOperation collection:
                        AnalyzeCollectionExpression(c, collection);
                        break;
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.TypeParameterObjectCreation,
            OperationKind.With,
            OperationKind.ArrayCreation,
            OperationKind.AnonymousObjectCreation,
            OperationKind.CollectionExpression);
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, IObjectCreationOperation creation)
    {
        var type = creation.Type;
        if (type is null || !type.IsReferenceType || type.TypeKind is TypeKind.Delegate or TypeKind.Error)
        {
            return;
        }

        // throw new X(...) is reported once, by RDX1080, which offers the errno fix.
        if (OperationFacts.ParentSkippingConversions(creation) is IThrowOperation)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ObjectAllocation, creation.Syntax.GetLocation(), Display(type)));
    }

    private static void AnalyzeArrayCreation(OperationAnalysisContext context, IArrayCreationOperation array)
    {
        if (OperationFacts.IsParamsArgumentValue(array) || IsReadOnlyData(array))
        {
            return;
        }

        var element = (array.Type as IArrayTypeSymbol)?.ElementType;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ArrayAllocation, array.Syntax.GetLocation(), element is null ? "?" : Display(element)));
    }

    /// <summary>
    /// <c>ReadOnlySpan&lt;byte&gt; s = new byte[] { 1, 2 };</c> and <c>new ReadOnlySpan&lt;T&gt;(new T[] { consts })</c>
    /// compile to a span over the image's read-only data: no heap array.
    /// </summary>
    private static bool IsReadOnlyData(IArrayCreationOperation array)
    {
        var element = (array.Type as IArrayTypeSymbol)?.ElementType;
        if (!TypeFacts.IsBlittablePrimitive(element) || array.DimensionSizes.Length != 1 || array.Initializer is null)
        {
            return false;
        }

        foreach (var value in array.Initializer.ElementValues)
        {
            if (!value.ConstantValue.HasValue)
            {
                return false;
            }
        }

        var parent = array.Parent;
        if (parent is IConversionOperation conversion)
        {
            return TypeFacts.IsSpan(conversion.Type, out bool readOnly) && readOnly;
        }

        return parent is IArgumentOperation { Parent: IObjectCreationOperation { Arguments.Length: 1 } spanCreation }
            && TypeFacts.IsSpan(spanCreation.Type, out bool isReadOnly) && isReadOnly;
    }

    private static void AnalyzeCollectionExpression(OperationAnalysisContext context, ICollectionExpressionOperation collection)
    {
        if (OperationFacts.IsParamsArgumentValue(collection) || !Allocates(collection))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CollectionExpressionAllocation, collection.Syntax.GetLocation(), Display(collection.Type!)));
    }

    private static bool Allocates(ICollectionExpressionOperation collection)
    {
        var type = collection.Type;
        bool empty = collection.Elements.IsEmpty;
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol:
                // [] for an array is Array.Empty<T>().
                return !empty;
            case INamedTypeSymbol { TypeKind: TypeKind.Interface }:
                // [] for IEnumerable<T>, IReadOnlyCollection<T>, IReadOnlyList<T> is Array.Empty<T>();
                // ICollection<T> and IList<T> always get a new List<T>.
                return !(empty && TypeFacts.IsReadOnlyCollectionInterface(type));
            case INamedTypeSymbol when TypeFacts.IsSpan(type):
                // Spans stay on the stack (inline array) or in read-only data; a span collection
                // expression that would escape is a compile error (CS9203), never a heap array.
                return false;
            case INamedTypeSymbol { IsReferenceType: true }:
                return true;
            case INamedTypeSymbol when TypeFacts.Is(type, "System.Collections.Immutable", "ImmutableArray`1"):
                // A struct wrapping a heap array.
                return !empty;
            default:
                // Other structs with a collection builder: what they allocate is up to the builder.
                return false;
        }
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
