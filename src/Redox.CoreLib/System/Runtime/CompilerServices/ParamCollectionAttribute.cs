namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>ParamCollection</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ParamCollectionAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public ParamCollectionAttribute() { }
}
