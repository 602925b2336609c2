namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>RefSafetyRules</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Module, Inherited = false)]
public sealed class RefSafetyRulesAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public RefSafetyRulesAttribute(int version) { Version = version; }

    /// <summary>The version given to the constructor.</summary>
    public int Version { get; }
}
