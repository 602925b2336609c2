namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>IsByRefLike</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class IsByRefLikeAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public IsByRefLikeAttribute() { }
}
