namespace System;

/// <summary>The primitive <c>ushort</c>. The compiler knows its layout; the one field is the value itself.</summary>
public readonly struct UInt16 : IEquatable<ushort>
{
#pragma warning disable CS0169, CS0649 // The layout of a primitive is a contract with the compiler.
    private readonly ushort m_value;
#pragma warning restore CS0169, CS0649

    /// <summary>The smallest value of <c>ushort</c>.</summary>
    public const ushort MinValue = unchecked((ushort)(0));

    /// <summary>The largest value of <c>ushort</c>.</summary>
    public const ushort MaxValue = 65535;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(ushort obj) => m_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>ushort</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is ushort other && m_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)m_value;
}
