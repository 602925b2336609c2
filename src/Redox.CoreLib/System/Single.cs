namespace System;

/// <summary>The primitive <c>float</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct Single : IEquatable<float>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly float m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(float obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>float</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is float other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
