namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>IsUnmanaged</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class IsUnmanagedAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public IsUnmanagedAttribute() { }
}
