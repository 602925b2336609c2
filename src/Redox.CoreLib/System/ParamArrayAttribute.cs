namespace System;

/// <summary>The compiler's and runtime's <c>ParamArray</c> marker.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ParamArrayAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public ParamArrayAttribute() { }
}
