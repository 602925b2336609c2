namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>Extension</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly, Inherited = false)]
public sealed class ExtensionAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public ExtensionAttribute() { }
}
