using Microsoft.CodeAnalysis;
using Redox.Analyzers.Scope;

namespace Redox.Analyzers.Semantics;

/// <summary>Questions about types the rules ask again and again, answered without allocating display strings.</summary>
internal static class TypeFacts
{
    /// <summary>True for <c>System.Span&lt;T&gt;</c> and <c>System.ReadOnlySpan&lt;T&gt;</c>.</summary>
    internal static bool IsSpan(ITypeSymbol? type) => IsSpan(type, out _);

    /// <summary>True for the span types; <paramref name="readOnly"/> tells which.</summary>
    internal static bool IsSpan(ITypeSymbol? type, out bool readOnly)
    {
        readOnly = false;
        if (type is INamedTypeSymbol { Arity: 1, ContainingType: null } named && IsIn(named, "System"))
        {
            if (named.MetadataName == "ReadOnlySpan`1")
            {
                readOnly = true;
                return true;
            }

            return named.MetadataName == "Span`1";
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> (or its original definition) is <c>ns.metadataName</c>.</summary>
    internal static bool Is(ITypeSymbol? type, string ns, string metadataName) =>
        type is INamedTypeSymbol { ContainingType: null } named
        && named.OriginalDefinition.MetadataName == metadataName
        && IsIn(named, ns);

    /// <summary>True when <paramref name="type"/> lives directly in namespace <paramref name="ns"/>.</summary>
    internal static bool IsIn(ITypeSymbol type, string ns) => NoAllocScope.IsNamespace(type.ContainingNamespace, ns);

    /// <summary>
    /// The read-only collection interfaces for which the compiler uses <c>Array.Empty&lt;T&gt;()</c>
    /// for an empty collection expression.
    /// </summary>
    internal static bool IsReadOnlyCollectionInterface(ITypeSymbol? type) =>
        Is(type, "System.Collections.Generic", "IEnumerable`1")
        || Is(type, "System.Collections.Generic", "IReadOnlyCollection`1")
        || Is(type, "System.Collections.Generic", "IReadOnlyList`1");

    /// <summary>
    /// Element types whose constant arrays the compiler emits as read-only data when they are
    /// converted straight to <c>ReadOnlySpan&lt;T&gt;</c> (no heap array).
    /// </summary>
    internal static bool IsBlittablePrimitive(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        switch (type?.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Char:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when a value of <paramref name="type"/> is certainly a struct (not a type parameter that may be a class).</summary>
    internal static bool IsKnownValueType(ITypeSymbol? type) =>
        type is { IsValueType: true } && type.TypeKind != TypeKind.TypeParameter;

    /// <summary>True when <paramref name="type"/> is <c>System.Object</c>.</summary>
    internal static bool IsObject(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Object;
}
