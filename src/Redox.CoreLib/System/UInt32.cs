namespace System;

/// <summary>The primitive <c>uint</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct UInt32 : IEquatable<uint>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly uint m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>uint</c>.</summary>
    public const uint MinValue = unchecked((uint)(0));

    /// <summary>The largest value of <c>uint</c>.</summary>
    public const uint MaxValue = 4294967295U;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(uint obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>uint</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is uint other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
