namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>RequiresLocation</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class RequiresLocationAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public RequiresLocationAttribute() { }
}
