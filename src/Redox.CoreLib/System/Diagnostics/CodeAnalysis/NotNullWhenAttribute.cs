namespace System.Diagnostics.CodeAnalysis;

/// <summary>The compiler's or runtime's <c>NotNullWhen</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class NotNullWhenAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public NotNullWhenAttribute(bool returnValue) { ReturnValue = returnValue; }

    /// <summary>The returnValue given to the constructor.</summary>
    public bool ReturnValue { get; }
}
