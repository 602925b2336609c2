namespace System;

/// <summary>The primitive <c>sbyte</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct SByte : IEquatable<sbyte>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly sbyte m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>sbyte</c>.</summary>
    public const sbyte MinValue = unchecked((sbyte)(-128));

    /// <summary>The largest value of <c>sbyte</c>.</summary>
    public const sbyte MaxValue = 127;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(sbyte obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>sbyte</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is sbyte other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
