using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices;

/// <summary>Low-level span and memory reinterpretation, as in .NET.</summary>
public static class MemoryMarshal
{
    /// <summary>A reference to the first element (even of an empty span).</summary>
    public static ref T GetReference<T>(Span<T> span) => ref span._reference;

    /// <summary>A reference to the first element (even of an empty span).</summary>
    public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

    /// <summary>A reference to the first element of an array, without bounds checks.</summary>
    public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref array.GetRawData());

    /// <summary>A span over <paramref name="length"/> elements from a reference.</summary>
    public static Span<T> CreateSpan<T>(scoped ref T reference, int length) => new Span<T>(ref Unsafe.AsRef(ref reference), length);

    /// <summary>A read-only span over <paramref name="length"/> elements from a reference.</summary>
    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length) =>
        new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);

    /// <summary>Reinterprets the span's bytes.</summary>
    public static Span<byte> AsBytes<T>(Span<T> span) where T : struct =>
        new Span<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));

    /// <summary>Reinterprets the span's bytes.</summary>
    public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : struct =>
        new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));

    /// <summary>Reinterprets a span as another element type (whole elements only).</summary>
    public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : struct where TTo : struct =>
        new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference),
            (int)((ulong)(uint)span.Length * (ulong)Unsafe.SizeOf<TFrom>() / (ulong)Unsafe.SizeOf<TTo>()));

    /// <summary>Reinterprets a span as another element type (whole elements only).</summary>
    public static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : struct where TTo : struct =>
        new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference),
            (int)((ulong)(uint)span.Length * (ulong)Unsafe.SizeOf<TFrom>() / (ulong)Unsafe.SizeOf<TTo>()));

    /// <summary>Reads a <typeparamref name="T"/> from the start of the bytes.</summary>
    public static T Read<T>(ReadOnlySpan<byte> source) where T : struct
    {
        if (Unsafe.SizeOf<T>() > source.Length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        return Unsafe.ReadUnaligned<T>(ref source._reference);
    }

    /// <summary>Reads a <typeparamref name="T"/> when the bytes are long enough.</summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : struct
    {
        if (Unsafe.SizeOf<T>() > source.Length)
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<T>(ref source._reference);
        return true;
    }

    /// <summary>Writes a <typeparamref name="T"/> to the start of the bytes.</summary>
    public static void Write<T>(Span<byte> destination, in T value) where T : struct
    {
        if (Unsafe.SizeOf<T>() > destination.Length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        Unsafe.WriteUnaligned(ref destination._reference, value);
    }

    /// <summary>Writes a <typeparamref name="T"/> when the bytes are long enough.</summary>
    public static bool TryWrite<T>(Span<byte> destination, in T value) where T : struct
    {
        if (Unsafe.SizeOf<T>() > destination.Length) return false;
        Unsafe.WriteUnaligned(ref destination._reference, value);
        return true;
    }

    /// <summary>A reference to a <typeparamref name="T"/> at the start of the bytes.</summary>
    public static ref T AsRef<T>(Span<byte> span) where T : struct
    {
        if (Unsafe.SizeOf<T>() > span.Length) Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        return ref Unsafe.As<byte, T>(ref span._reference);
    }
}
