namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>ScopedRef</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ScopedRefAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public ScopedRefAttribute() { }
}
