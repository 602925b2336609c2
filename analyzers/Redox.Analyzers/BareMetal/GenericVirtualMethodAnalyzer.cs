using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2008: a delegate to a generic virtual (or generic instance interface) method whose code may be shared. The
/// bare-metal runtime calls shared generic virtual methods (it builds their generic dictionaries and returns fat
/// pointers, which ILC's call sites unpack), but a delegate stores a single code pointer and would need an
/// instantiating stub to carry the dictionary, which the runtime does not make. So it reports creating a delegate to
/// a generic virtual method whose method type arguments, or its declaring type's type arguments, are not all exact
/// value types (a reference type, a type parameter, or a struct over one). Calls are fine; delegates over exact
/// value types on non-generic types are fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GenericVirtualMethodAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GenericVirtualMethodUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var reference = (IMethodReferenceOperation)c.Operation;
                if (reference.IsVirtual && reference.Instance?.Type?.IsValueType != true && MayBeShared(reference.Method))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericVirtualMethodUnsupported, reference.Syntax.GetLocation(), reference.Method.Name));
                }
            },
            OperationKind.MethodReference);
    }

    // Shared code: a type argument of the method, or of its type (or an outer type), that is not an exact value type.
    private static bool MayBeShared(IMethodSymbol method)
    {
        if (!IsGenericVirtual(method)) return false;
        foreach (ITypeSymbol argument in method.TypeArguments)
        {
            if (!IsExactValueType(argument)) return true;
        }
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (ITypeSymbol argument in type.TypeArguments)
            {
                if (!IsExactValueType(argument)) return true;
            }
        }
        return false;
    }

    // int, an enum, a struct: unshared code. A reference type, a type parameter, or a struct with either among its
    // own (or its outer types') type arguments: shared code.
    private static bool IsExactValueType(ITypeSymbol type)
    {
        if (!type.IsValueType || type is ITypeParameterSymbol) return false;
        for (INamedTypeSymbol? named = type as INamedTypeSymbol; named is not null; named = named.ContainingType)
        {
            foreach (ITypeSymbol argument in named.TypeArguments)
            {
                if (!IsExactValueType(argument)) return false;
            }
        }
        return true;
    }

    private static bool IsGenericVirtual(IMethodSymbol method) =>
        method.IsGenericMethod
        && !method.IsStatic
        && (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface);
}
