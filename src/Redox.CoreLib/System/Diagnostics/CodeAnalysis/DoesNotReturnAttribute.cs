namespace System.Diagnostics.CodeAnalysis;

/// <summary>The compiler's or runtime's <c>DoesNotReturn</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DoesNotReturnAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public DoesNotReturnAttribute() { }
}
