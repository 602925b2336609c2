namespace System.Runtime.CompilerServices;

/// <summary>Compiler support that C# code reaches through the language (array initialisers, span literals).</summary>
public static class RuntimeHelpers
{
    /// <summary>Copies an array initialiser's data into the array; RyuJIT expands it inline.</summary>
    [Intrinsic]
    public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) =>
        Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowFeatureBodyRemoved();

    /// <summary>A span over constant data (span collection literals); RyuJIT expands it inline.</summary>
    [Intrinsic]
    public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle)
    {
        Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowFeatureBodyRemoved();
        return default;
    }

    /// <summary>True when <typeparamref name="T"/> is or holds references; ILC answers at compile time.</summary>
    [Intrinsic]
    public static bool IsReferenceOrContainsReferences<T>() => true;

    /// <summary>The identity hash of an object.</summary>
    public static int GetHashCode(object? o) => o is null ? 0 : o.GetIdentityHash();
}
