namespace System;

/// <summary>The primitive <c>bool</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct Boolean : IEquatable<bool>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly bool m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(bool obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>bool</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is bool other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => m_value ? 1 : 0;
}
