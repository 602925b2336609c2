namespace System;

/// <summary>The primitive <c>byte</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct Byte : IEquatable<byte>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly byte m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>byte</c>.</summary>
    public const byte MinValue = unchecked((byte)(0));

    /// <summary>The largest value of <c>byte</c>.</summary>
    public const byte MaxValue = 255;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(byte obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>byte</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is byte other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
