namespace System;

/// <summary>The primitive <c>short</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct Int16 : IEquatable<short>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly short m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>short</c>.</summary>
    public const short MinValue = unchecked((short)(-32768));

    /// <summary>The largest value of <c>short</c>.</summary>
    public const short MaxValue = 32767;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(short obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>short</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is short other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
