using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2008: the generic virtual methods the bare-metal runtime cannot dispatch. It resolves a generic virtual
/// (or generic instance interface) method call only to unshared code that ILC compiled, so it reports:
/// <list type="bullet">
/// <item>a call (or delegate creation) whose method type arguments are not all exact value types (a reference type,
/// a type parameter, or a struct over one): ILC compiles those as shared code needing a generic dictionary that
/// only a type loader could build;</item>
/// <item>a generic virtual method declared, overridden or implemented in a generic type (or one nested in a generic
/// type), or called on one from a referenced assembly: the runtime's tables name open types;</item>
/// <item>a generic interface method with a default body.</item>
/// </list>
/// Static abstract generic interface members, non-virtual generic methods, calls on a value-type receiver and
/// <c>base.</c> calls are fine: they are resolved at compile time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GenericVirtualMethodAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GenericVirtualMethodUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSymbolAction(
            c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                bool virtualInSource = IsGenericVirtual(method) || method.IsGenericMethod && !method.ExplicitInterfaceImplementations.IsEmpty;
                if (virtualInSource && (InGenericType(method) || IsDefaultInterfaceBody(method)))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericVirtualMethodUnsupported, method.Locations[0], method.Name));
                }
            },
            SymbolKind.Method);
        context.RegisterOperationAction(
            c =>
            {
                var call = (IInvocationOperation)c.Operation;
                if (call.IsVirtual && call.Instance?.Type?.IsValueType != true && IsUnresolvable(call.TargetMethod))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericVirtualMethodUnsupported, call.Syntax.GetLocation(), call.TargetMethod.Name));
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            c =>
            {
                var reference = (IMethodReferenceOperation)c.Operation;
                if (reference.IsVirtual && reference.Instance?.Type?.IsValueType != true && IsUnresolvable(reference.Method))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericVirtualMethodUnsupported, reference.Syntax.GetLocation(), reference.Method.Name));
                }
            },
            OperationKind.MethodReference);
    }

    // A call the runtime cannot resolve: shared type arguments, or a method of a generic type from a referenced
    // assembly (one declared in source is reported at its declaration already).
    private static bool IsUnresolvable(IMethodSymbol method)
    {
        if (!IsGenericVirtual(method)) return false;
        foreach (ITypeSymbol argument in method.TypeArguments)
        {
            if (!IsExactValueType(argument)) return true;
        }
        return method.Locations.Length > 0 && method.Locations[0].IsInMetadata && (InGenericType(method) || IsDefaultInterfaceBody(method));
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

    private static bool InGenericType(IMethodSymbol method)
    {
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType) return true;
        }
        return false;
    }

    private static bool IsDefaultInterfaceBody(IMethodSymbol method) =>
        method.ContainingType?.TypeKind == TypeKind.Interface && !method.IsAbstract && !method.IsStatic;

    private static bool IsGenericVirtual(IMethodSymbol method) =>
        method.IsGenericMethod
        && !method.IsStatic
        && (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface);
}
