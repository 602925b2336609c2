using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.Semantics;

/// <summary>
/// When a pattern makes the compiler emit a <c>box</c> that allocates, checked against the IL Roslyn 4.14
/// emits in Debug and Release (BoxingIlOracleTests compiles every case and reads the IL):
/// <list type="bullet">
/// <item>A type test alone never allocates. From a struct to one of its interfaces, <c>object</c>,
/// <c>ValueType</c> or <c>Enum</c> (<c>s is IFoo</c>, <c>s is object</c>, <c>s is {}</c>, <c>case IFoo:</c>) it is
/// constant true and no <c>box</c> is emitted; from <c>Nullable&lt;T&gt;</c> it is <c>HasValue</c>
/// (<c>n is object</c>, <c>n is not null</c>); from a type parameter the compiler emits <c>box; isinst; brtrue</c>
/// or <c>box; ldnull; cgt.un</c>, forms the JIT (and so ILC, which always optimizes) folds away: measured 0
/// bytes per call with escape analysis off (<c>DOTNET_JitObjectStackAllocation=0</c>).</item>
/// <item>The box is emitted when the pattern needs the value <em>as a reference</em>: a variable of the
/// reference type (<c>s is IFoo f</c>, <c>n is object o</c>), or members read through it (<c>s is IFoo { X: 1 }</c>,
/// also after narrowing: <c>s is IFoo and { X: 1 }</c>). Measured 24 bytes per call when the JIT cannot
/// devirtualize the use; the JIT sometimes can, but that depends on inlining, so the rule follows the IL.</item>
/// </list>
/// Reference-typed values (including type parameters constrained to <c>class</c>) never box.
/// </summary>
internal static class PatternBoxing
{
    /// <summary>
    /// True when <paramref name="pattern"/> (a declaration or recursive pattern) boxes a value type:
    /// the value it tests may be a struct and the pattern keeps or reads it as a reference.
    /// <paramref name="input"/> is the type of the value before any narrowing, <paramref name="matched"/> the reference type.
    /// </summary>
    internal static bool Boxes(IPatternOperation pattern, out ITypeSymbol? input, out ITypeSymbol? matched)
    {
        input = ValueType(pattern);
        matched = null;
        switch (pattern)
        {
            // 'var x' matches null and never changes the type; a discard ('IFoo _') binds nothing.
            case IDeclarationPatternOperation { MatchesNull: false, DeclaredSymbol: not null } declaration:
                matched = declaration.MatchedType;
                break;
            case IRecursivePatternOperation recursive
                when recursive.DeclaredSymbol != null || !recursive.PropertySubpatterns.IsEmpty || !recursive.DeconstructionSubpatterns.IsEmpty:
                matched = recursive.MatchedType;
                break;
            default:
                return false;
        }

        return matched is { IsReferenceType: true } && MayBeValueType(input);
    }

    /// <summary>A struct, <c>Nullable&lt;T&gt;</c>, or a type parameter not constrained to a reference type.</summary>
    private static bool MayBeValueType(ITypeSymbol? type) =>
        type is { IsReferenceType: false } && type.TypeKind != TypeKind.Pointer && type.TypeKind != TypeKind.FunctionPointer && type.TypeKind != TypeKind.Error;

    /// <summary>
    /// The static type of the value a pattern tests, before the narrowing of <c>and</c>: in
    /// <c>s is IFoo and { X: 1 }</c> the right pattern's input type is <c>IFoo</c>, but the value is still <c>s</c>.
    /// </summary>
    private static ITypeSymbol? ValueType(IPatternOperation pattern)
    {
        IPatternOperation top = pattern;
        while (top.Parent is IBinaryPatternOperation or INegatedPatternOperation)
        {
            top = (IPatternOperation)top.Parent;
        }

        return top.InputType;
    }
}
