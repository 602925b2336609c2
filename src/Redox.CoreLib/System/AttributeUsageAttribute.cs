namespace System;

/// <summary>Says where an attribute class may be used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AttributeUsageAttribute : Attribute
{
    /// <summary>Creates the usage for <paramref name="validOn"/>.</summary>
    public AttributeUsageAttribute(AttributeTargets validOn) { ValidOn = validOn; }

    /// <summary>Where the attribute may be placed.</summary>
    public AttributeTargets ValidOn { get; }

    /// <summary>Whether it may appear more than once.</summary>
    public bool AllowMultiple { get; set; }

    /// <summary>Whether derived members inherit it.</summary>
    public bool Inherited { get; set; } = true;
}
