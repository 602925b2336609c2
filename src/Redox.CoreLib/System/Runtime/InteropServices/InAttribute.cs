namespace System.Runtime.InteropServices;

/// <summary>The compiler's or runtime's <c>In</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class InAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public InAttribute() { }
}
