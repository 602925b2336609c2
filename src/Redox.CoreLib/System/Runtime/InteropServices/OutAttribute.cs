namespace System.Runtime.InteropServices;

/// <summary>The compiler's or runtime's <c>Out</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OutAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public OutAttribute() { }
}
