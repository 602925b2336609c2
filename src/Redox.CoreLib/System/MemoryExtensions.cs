using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>Span helpers with the same names and signatures as .NET's.</summary>
public static class MemoryExtensions
{
    /// <summary>A span over the whole array.</summary>
    public static Span<T> AsSpan<T>(this T[]? array) => new Span<T>(array);

    /// <summary>A span over the array from <paramref name="start"/> on.</summary>
    public static Span<T> AsSpan<T>(this T[]? array, int start) => new Span<T>(array).Slice(start);

    /// <summary>A span over <paramref name="length"/> elements of the array.</summary>
    public static Span<T> AsSpan<T>(this T[]? array, int start, int length) => new Span<T>(array, start, length);

    /// <summary>The characters of a string.</summary>
    /// <remarks>Built directly: C# 14 lowers string-to-span conversions to this very method.</remarks>
    public static ReadOnlySpan<char> AsSpan(this string? text) =>
        text is null ? default : new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);

    /// <summary>True when both spans hold equal elements.</summary>
    public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>? =>
        SequenceEqual((ReadOnlySpan<T>)span, other);

    /// <summary>True when both spans hold equal elements.</summary>
    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>?
    {
        if (span.Length != other.Length) return false;
        for (int i = 0; i < span.Length; i++)
        {
            if (!span[i]!.Equals(other[i])) return false;
        }
        return true;
    }

    /// <summary>The index of the first <paramref name="value"/>, or -1.</summary>
    public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T>? => IndexOf((ReadOnlySpan<T>)span, value);

    /// <summary>The index of the first <paramref name="value"/>, or -1.</summary>
    public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>?
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i]!.Equals(value)) return i;
        }
        return -1;
    }

    /// <summary>True when <paramref name="span"/> begins with <paramref name="value"/>.</summary>
    public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>? =>
        value.Length <= span.Length && SequenceEqual(span.Slice(0, value.Length), value);
}
