namespace System.Runtime.InteropServices;

/// <summary>The compiler's or runtime's <c>FieldOffset</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FieldOffsetAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public FieldOffsetAttribute(int value) { Value = value; }

    /// <summary>The value given to the constructor.</summary>
    public int Value { get; }
}
