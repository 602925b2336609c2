namespace Redox.Kernel.Diagnostics;

/// <summary>Names for type addresses, for panics (bare metal carries no reflection metadata).</summary>
public static class TypeNames
{
    /// <summary>The type's name, or empty when unknown.</summary>
    public static ReadOnlySpan<byte> Find(ulong methodTable) => default;
}
