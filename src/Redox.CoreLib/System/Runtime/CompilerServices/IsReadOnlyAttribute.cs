namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>IsReadOnly</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class IsReadOnlyAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public IsReadOnlyAttribute() { }
}
