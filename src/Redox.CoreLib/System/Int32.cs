namespace System;

/// <summary>The primitive <c>int</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct Int32 : IEquatable<int>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly int m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>int</c>.</summary>
    public const int MinValue = unchecked((int)(-2147483648));

    /// <summary>The largest value of <c>int</c>.</summary>
    public const int MaxValue = 2147483647;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(int obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>int</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is int other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
