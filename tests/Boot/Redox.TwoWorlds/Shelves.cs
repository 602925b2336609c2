namespace Redox.TwoWorlds;

/// <summary>Something that knows its own weight: a non-generic interface the shared code below casts to.</summary>
public interface IWeighable
{
    /// <summary>The weight.</summary>
    uint Weight { get; }
}

/// <summary>A reference type that is weighable.</summary>
public sealed class Parcel : IWeighable
{
    /// <summary>A parcel of <paramref name="weight"/>.</summary>
    public Parcel(uint weight) => Weight = weight;

    /// <inheritdoc/>
    public uint Weight { get; }
}

/// <summary>A generic class the shared code allocates (its instantiation must exist in the image).</summary>
public sealed class Box<T>
{
    /// <summary>What the box holds.</summary>
    public readonly T Item;

    /// <summary>A box holding <paramref name="item"/>.</summary>
    public Box(T item) => Item = item;
}

/// <summary>A struct over a type parameter: as a type argument over a reference type, it makes the code shared.</summary>
public struct Pair<T>
{
    /// <summary>The first item.</summary>
    public T First;

    /// <summary>The second item.</summary>
    public T Second;
}

/// <summary>Weighs anything: a non-virtual generic method that shared code calls with its own type argument.</summary>
public static class Scales
{
    /// <summary>The weight of <paramref name="item"/>: its own, its length, 0 for null, 1 otherwise.</summary>
    public static uint Measure<T>(T item) =>
        item is IWeighable weighable ? weighable.Weight : item is string text ? (uint)text.Length : item is null ? 0u : 1u;

    /// <summary>Weighs both items of a pair.</summary>
    public static uint MeasurePair<T>(Pair<T> pair) => Measure(pair.First) * 3 + Measure(pair.Second);
}

/// <summary>
/// A class with a generic virtual method meant for any type argument: over reference types (and structs over
/// them) its overrides run shared code, which reads a generic dictionary the runtime builds.
/// </summary>
public abstract class Shelf
{
    /// <summary>Folds <paramref name="item"/> into <paramref name="state"/>.</summary>
    public abstract uint Weigh<T>(uint state, T item);
}

/// <summary>Shared code that needs its dictionary: a boxed instantiation, an array of T, a generic call with T.</summary>
public class PlainShelf : Shelf
{
    /// <inheritdoc/>
    public override uint Weigh<T>(uint state, T item)
    {
        Box<T> box = new Box<T>(item);
        T[] both = new T[] { item, box.Item };
        return state * 31 + Scales.Measure(both[1]) + (uint)both.Length;
    }
}

/// <summary>Passes its type argument on to another shelf's generic virtual method (a nested lookup from shared code).</summary>
public sealed class ForwardingShelf : Shelf
{
    private readonly Shelf _inner;

    /// <summary>Forwards to <paramref name="inner"/>.</summary>
    public ForwardingShelf(Shelf inner) => _inner = inner;

    /// <inheritdoc/>
    public override uint Weigh<T>(uint state, T item) => _inner.Weigh(state + 1, item) ^ 0x55;
}

/// <summary>A generic class with a generic virtual method: the class's type argument and the method's.</summary>
public class Catalog<TKey>
{
    /// <summary>Folds a key and a value into <paramref name="state"/>.</summary>
    public virtual uint Find<TValue>(uint state, TKey key, TValue value) => state * 7 + Scales.Measure(key) * 3 + Scales.Measure(value);
}

/// <summary>Overrides the generic class's generic virtual method in a generic subclass.</summary>
public sealed class IndexedCatalog<TKey> : Catalog<TKey>
{
    /// <inheritdoc/>
    public override uint Find<TValue>(uint state, TKey key, TValue value) => base.Find(state, key, value) + Scales.Measure(new Box<TKey>(key).Item) + 11;
}

/// <summary>A generic interface with a generic method.</summary>
public interface IConverter<TIn>
{
    /// <summary>Folds an input and an output into <paramref name="state"/>.</summary>
    uint Convert<TOut>(uint state, TIn input, TOut output);
}

/// <summary>Implements one instantiation of the generic interface.</summary>
public sealed class TextConverter : IConverter<string>
{
    /// <inheritdoc/>
    public uint Convert<TOut>(uint state, string input, TOut output) => state * 13 + (uint)input.Length + Scales.Measure(output);
}

/// <summary>Implements the generic interface for every instantiation.</summary>
public sealed class AnyConverter<TIn> : IConverter<TIn>
{
    /// <inheritdoc/>
    public uint Convert<TOut>(uint state, TIn input, TOut output) => state * 17 + Scales.Measure(input) + Scales.Measure(new Pair<TOut> { First = output, Second = output }.Second);
}

/// <summary>Shared generic virtual method calls, folded into one number: part of <see cref="SelfCheck.Digest"/>.</summary>
public static class Shelves
{
    /// <summary>Passes a type parameter through to a generic virtual method (ILC builds this method's dictionary).</summary>
    public static uint WeighWith<T>(Shelf shelf, uint state, T item) => shelf.Weigh(state, item);

    /// <summary>Every shelf, catalog and converter, over reference types and a struct over one.</summary>
    public static uint Digest(uint digest, Shelf[] shelves)
    {
        Parcel parcel = new Parcel(40);
        Pair<string> pair = new Pair<string> { First = "ab", Second = "cde" };
        foreach (Shelf shelf in shelves)
        {
            digest = shelf.Weigh(digest, "parcel");
            digest = shelf.Weigh(digest, parcel);
            digest = shelf.Weigh(digest, pair);
            digest = shelf.Weigh(digest, 5);
            digest = WeighWith(shelf, digest, parcel);
            digest = WeighWith<string>(shelf, digest, null);
        }

        Catalog<string>[] catalogs = { new Catalog<string>(), new IndexedCatalog<string>() };
        foreach (Catalog<string> catalog in catalogs)
        {
            digest = catalog.Find(digest, "key", parcel);
            digest = catalog.Find(digest, "key", 9);
        }
        Catalog<int> numbers = new IndexedCatalog<int>();
        digest = numbers.Find(digest, 4, "four");

        IConverter<string>[] converters = { new TextConverter(), new AnyConverter<string>() };
        foreach (IConverter<string> converter in converters)
        {
            digest = converter.Convert(digest, "input", parcel);
            digest = converter.Convert(digest, "input", 3);
        }
        IConverter<Parcel> parcels = new AnyConverter<Parcel>();
        digest = parcels.Convert(digest, parcel, "out");
        return digest;
    }

    /// <summary>The library's own shelves.</summary>
    public static uint Digest(uint digest) => Digest(digest, new Shelf[] { new PlainShelf(), new ForwardingShelf(new PlainShelf()), new PileShelf() });
}
