namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>IndexerName</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class IndexerNameAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public IndexerNameAttribute(string indexerName) { IndexerName = indexerName; }

    /// <summary>The indexerName given to the constructor.</summary>
    public string IndexerName { get; }
}
