using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// An immutable UTF-16 string. The layout is a contract with ILC, which emits literals as frozen objects:
/// the length, then the characters, then a terminating NUL.
/// </summary>
public sealed class String
{
#pragma warning disable CS0649 // Filled in by ILC (literals) or the allocator.
    [NonSerialized] private readonly int _stringLength;
    [NonSerialized] private char _firstChar;
#pragma warning restore CS0649

    /// <summary>The empty string.</summary>
    public static readonly string Empty = "";

    /// <summary>The number of UTF-16 code units.</summary>
    public int Length => _stringLength;

    /// <summary>The code unit at <paramref name="index"/>.</summary>
    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
            return Unsafe.Add(ref Unsafe.AsRef(in _firstChar), index);
        }
    }

    internal ref char GetRawStringData() => ref _firstChar;

    /// <summary>A reference to the first character, for <c>fixed</c>.</summary>
    public ref readonly char GetPinnableReference() => ref _firstChar;

    /// <summary>The characters as a read-only span.</summary>
    public static implicit operator ReadOnlySpan<char>(string? value) =>
        value is null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

    /// <summary>True when both strings hold the same characters.</summary>
    public static bool operator ==(string? a, string? b) => Equals(a, b);

    /// <summary>True when the strings differ.</summary>
    public static bool operator !=(string? a, string? b) => !Equals(a, b);

    /// <summary>Ordinal equality.</summary>
    public static bool Equals(string? a, string? b)
    {
        if ((object?)a == b) return true;
        if (a is null || b is null || a._stringLength != b._stringLength) return false;
        return ((ReadOnlySpan<char>)a).SequenceEqual(b);
    }

    /// <summary>Ordinal equality.</summary>
    public override bool Equals(object? obj) => obj is string s && Equals(this, s);

    /// <summary>Ordinal equality.</summary>
    public bool Equals(string? value) => Equals(this, value);

    /// <summary>An FNV-1a hash of the characters.</summary>
    public override int GetHashCode()
    {
        uint hash = 2166136261;
        for (int i = 0; i < _stringLength; i++) hash = (hash ^ this[i]) * 16777619;
        return (int)hash;
    }

    /// <summary>The string itself.</summary>
    public override string ToString() => this;

    /// <summary>True when <paramref name="value"/> is null or empty.</summary>
    public static bool IsNullOrEmpty(string? value) => value is null || value._stringLength == 0;
}
