namespace System;

/// <summary>The primitive <c>ulong</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct UInt64 : IEquatable<ulong>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly ulong m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>ulong</c>.</summary>
    public const ulong MinValue = unchecked((ulong)(0));

    /// <summary>The largest value of <c>ulong</c>.</summary>
    public const ulong MaxValue = 18446744073709551615UL;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(ulong obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>ulong</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is ulong other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
}
