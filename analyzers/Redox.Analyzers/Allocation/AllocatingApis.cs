using Microsoft.CodeAnalysis;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// The library calls that return (or, for <c>Array.Resize</c>, store) a freshly allocated string or array (RDX1023). A list, not a
/// heuristic on return types: a method returning a string may well return a cached one
/// (<c>string.Empty</c>, <c>nameof</c>), so only APIs documented to build a new object are named.
/// </summary>
internal static class AllocatingApis
{
    /// <summary>
    /// What <paramref name="method"/> allocates ("string", "array", "list"), or null when it is not
    /// a known allocating API. <c>string.Format/Concat/Join</c> are RDX1022 and LINQ is RDX1040, so they return null here.
    /// </summary>
    internal static string? Classify(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (method.Name == "ToString" && !method.IsStatic && method.ReturnType.SpecialType == SpecialType.System_String)
        {
            // string.ToString() returns this.
            return type.SpecialType == SpecialType.System_String ? null : "string";
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return ClassifyStringMember(method);
        }

        if (IsLinq(type))
        {
            return null;
        }

        switch (method.Name)
        {
            case "ToArray" when method.ReturnType is IArrayTypeSymbol:
                return "array";
            case "ToList" when method.ReturnType.IsReferenceType:
                return "list";
        }

        if (TypeFacts.Is(type, "System", "Convert"))
        {
            return method.Name switch
            {
                "ToBase64String" or "ToHexString" or "ToHexStringLower" => "string",
                "FromBase64String" or "FromHexString" when method.ReturnType is IArrayTypeSymbol => "array",
                _ => null,
            };
        }

        if (TypeFacts.Is(type, "System", "Array"))
        {
            // Array.Resize replaces the array by a new one (whenever the length changes).
            return method.Name is "Resize" or "CreateInstance" or "CreateInstanceFromArrayType" ? "array" : null;
        }

        if (TypeFacts.Is(type, "System", "GC"))
        {
            return method.Name is "AllocateArray" or "AllocateUninitializedArray" ? "array" : null;
        }

        if (TypeFacts.Is(type, "System", "Enum"))
        {
            // A fresh copy of the cached values or names on every call.
            return method.Name is "GetValues" or "GetNames" or "GetValuesAsUnderlyingType" && method.ReturnType is IArrayTypeSymbol or { Name: "Array" }
                ? "array"
                : null;
        }

        if (TypeFacts.Is(type, "System", "BitConverter"))
        {
            return method.Name switch
            {
                "GetBytes" => "array",
                "ToString" => "string",
                _ => null,
            };
        }

        if (TypeFacts.Is(type, "System.Text", "Encoding"))
        {
            return method.Name switch
            {
                "GetString" => "string",
                "GetBytes" or "GetChars" or "GetPreamble" when method.ReturnType is IArrayTypeSymbol => "array",
                _ => null,
            };
        }

        return null;
    }

    /// <summary>True for <c>string.Format</c>, <c>string.Concat</c> and <c>string.Join</c> (RDX1022).</summary>
    internal static bool IsStringFormatting(IMethodSymbol method) =>
        method is { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String, Name: "Format" or "Concat" or "Join" };

    /// <summary>True for <c>System.Linq.Enumerable</c>, <c>Queryable</c>, <c>ParallelEnumerable</c> and friends.</summary>
    internal static bool IsLinq(INamedTypeSymbol type) => TypeFacts.IsIn(type, "System.Linq");

    private static string? ClassifyStringMember(IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "Substring":
            case "ToUpper":
            case "ToLower":
            case "ToUpperInvariant":
            case "ToLowerInvariant":
            case "Trim":
            case "TrimStart":
            case "TrimEnd":
            case "Replace":
            case "ReplaceLineEndings":
            case "Insert":
            case "Remove":
            case "PadLeft":
            case "PadRight":
            case "Normalize":
            case "Copy":
            case "Create":
                return method.ReturnType.SpecialType == SpecialType.System_String ? "string" : null;
            case "Split":
            case "ToCharArray":
                return method.ReturnType is IArrayTypeSymbol ? "array" : null;
            default:
                return null;
        }
    }
}
