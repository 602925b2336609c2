namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>CompilerFeatureRequired</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = true)]
public sealed class CompilerFeatureRequiredAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public CompilerFeatureRequiredAttribute(string featureName) { FeatureName = featureName; }

    /// <summary>The featureName given to the constructor.</summary>
    public string FeatureName { get; }

    /// <summary>Whether a compiler that does not know the feature may still use the member.</summary>
    public bool IsOptional { get; set; }
}
