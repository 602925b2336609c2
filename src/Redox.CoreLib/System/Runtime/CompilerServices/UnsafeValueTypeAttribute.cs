namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>UnsafeValueType</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class UnsafeValueTypeAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public UnsafeValueTypeAttribute() { }
}
