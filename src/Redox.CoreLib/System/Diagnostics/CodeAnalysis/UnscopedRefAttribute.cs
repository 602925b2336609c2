namespace System.Diagnostics.CodeAnalysis;

/// <summary>The compiler's or runtime's <c>UnscopedRef</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class UnscopedRefAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public UnscopedRefAttribute() { }
}
