namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>CompilerGenerated</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class CompilerGeneratedAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public CompilerGeneratedAttribute() { }
}
