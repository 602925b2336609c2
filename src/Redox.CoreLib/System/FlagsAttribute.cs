namespace System;

/// <summary>The compiler's and runtime's <c>Flags</c> marker.</summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public sealed class FlagsAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public FlagsAttribute() { }
}
