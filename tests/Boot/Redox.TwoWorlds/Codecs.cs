namespace Redox.TwoWorlds;

/// <summary>A value that folds itself into a digest: what the generic virtual methods below work on.</summary>
public interface IDigestible
{
    /// <summary>Folds this value into <paramref name="state"/>.</summary>
    uint Fold(uint state);
}

/// <summary>A 16-bit register value.</summary>
public struct Register : IDigestible
{
    /// <summary>The value.</summary>
    public ushort Value;

    /// <inheritdoc/>
    public uint Fold(uint state) => state * 17 + Value;
}

/// <summary>A point: eight bytes.</summary>
public struct Point : IDigestible
{
    /// <summary>Coordinates.</summary>
    public int X, Y;

    /// <inheritdoc/>
    public uint Fold(uint state) => (state ^ (uint)X) * 31 + (uint)Y;
}

/// <summary>
/// Generic virtual methods: two of one class (<see cref="Encode{T}"/>, <see cref="Tag{T}"/>) that share a signature,
/// so only the method's identity tells them apart at run time; overridden in this assembly and in others.
/// </summary>
public abstract class Codec
{
    /// <summary>Encodes <paramref name="value"/> into <paramref name="state"/>.</summary>
    public abstract uint Encode<T>(uint state, T value) where T : struct, IDigestible;

    /// <summary>A tag for the type argument (same signature as <see cref="Encode{T}"/> on purpose).</summary>
    public virtual uint Tag<T>(uint state, T value) where T : struct, IDigestible => state + 1;
}

/// <summary>Encodes by folding once.</summary>
public class PlainCodec : Codec
{
    /// <inheritdoc/>
    public override uint Encode<T>(uint state, T value) => value.Fold(state);
}

/// <summary>Encodes by folding twice, and tags (overrides both).</summary>
public class DoubleCodec : PlainCodec
{
    /// <inheritdoc/>
    public override uint Encode<T>(uint state, T value) => value.Fold(base.Encode(state, value));

    /// <inheritdoc/>
    public override uint Tag<T>(uint state, T value) => value.Fold(state) ^ 0x5A5A;
}

/// <summary>A generic method of a non-generic interface: a method-level type parameter only.</summary>
public interface IVisitor
{
    /// <summary>Visits <paramref name="value"/>.</summary>
    uint Visit<T>(uint state, T value) where T : struct, IDigestible;
}

/// <summary>Visits by folding, then rotating; virtual so another assembly can override it.</summary>
public class RotatingVisitor : IVisitor
{
    /// <inheritdoc/>
    public virtual uint Visit<T>(uint state, T value) where T : struct, IDigestible => value.Fold(state) << 3 | value.Fold(state) >> 29;
}

/// <summary>A struct that implements the interface's generic method: called through the interface, it is boxed.</summary>
public struct CountingVisitor : IVisitor
{
    /// <summary>Added to every result.</summary>
    public uint Bias;

    /// <inheritdoc/>
    public uint Visit<T>(uint state, T value) where T : struct, IDigestible => value.Fold(state) + Bias;
}

/// <summary>Generic virtual method calls, folded into one number: part of <see cref="SelfCheck.Digest"/>.</summary>
public static class Codecs
{
    /// <summary>Every codec and visitor over two value types; callers may add their own.</summary>
    public static uint Digest(uint digest, Codec[] codecs, IVisitor[] visitors)
    {
        Register register = new Register { Value = 0xBEEF };
        Point point = new Point { X = 3, Y = -4 };
        foreach (Codec codec in codecs)
        {
            digest = codec.Encode(digest, register);
            digest = codec.Encode(digest, point);
            digest = codec.Tag(digest, register);
            digest = codec.Tag(digest, point);
        }
        foreach (IVisitor visitor in visitors)
        {
            digest = visitor.Visit(digest, register);
            digest = visitor.Visit(digest, point);
        }
        return digest;
    }

    /// <summary>The library's own codecs and visitors.</summary>
    public static uint Digest(uint digest) =>
        Digest(digest, new Codec[] { new PlainCodec(), new DoubleCodec() }, new IVisitor[] { new RotatingVisitor(), new CountingVisitor { Bias = 5 } });
}
