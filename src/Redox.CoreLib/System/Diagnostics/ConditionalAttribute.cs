namespace System.Diagnostics;

/// <summary>The compiler's or runtime's <c>Conditional</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ConditionalAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public ConditionalAttribute(string conditionString) { ConditionString = conditionString; }

    /// <summary>The conditionString given to the constructor.</summary>
    public string ConditionString { get; }
}
