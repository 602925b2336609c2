namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>FixedBuffer</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FixedBufferAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public FixedBufferAttribute(Type elementType, int length) { ElementType = elementType; Length = length; }

    /// <summary>The elementType given to the constructor.</summary>
    public Type ElementType { get; }

    /// <summary>The length given to the constructor.</summary>
    public int Length { get; }
}
