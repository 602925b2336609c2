namespace System;

/// <summary>The compiler's and runtime's <c>NonSerialized</c> marker.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class NonSerializedAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public NonSerializedAttribute() { }
}
