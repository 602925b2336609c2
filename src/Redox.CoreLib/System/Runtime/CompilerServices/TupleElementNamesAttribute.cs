namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>TupleElementNames</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class TupleElementNamesAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public TupleElementNamesAttribute(string?[] transformNames) { TransformNames = transformNames; }

    /// <summary>The transformNames given to the constructor.</summary>
    public string?[] TransformNames { get; }
}
