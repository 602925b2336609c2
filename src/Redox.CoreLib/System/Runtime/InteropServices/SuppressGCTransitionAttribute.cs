namespace System.Runtime.InteropServices;

/// <summary>The compiler's or runtime's <c>SuppressGCTransition</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SuppressGCTransitionAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public SuppressGCTransitionAttribute() { }
}
