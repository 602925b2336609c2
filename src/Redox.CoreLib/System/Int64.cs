namespace System;

/// <summary>The primitive <c>long</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct Int64 : IEquatable<long>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly long m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>long</c>.</summary>
    public const long MinValue = unchecked((long)(-9223372036854775808));

    /// <summary>The largest value of <c>long</c>.</summary>
    public const long MaxValue = 9223372036854775807L;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(long obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>long</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is long other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
}
