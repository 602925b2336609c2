namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>InlineArray</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class InlineArrayAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public InlineArrayAttribute(int length) { Length = length; }

    /// <summary>The length given to the constructor.</summary>
    public int Length { get; }
}
