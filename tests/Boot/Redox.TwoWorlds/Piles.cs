namespace Redox.TwoWorlds;

/// <summary>A generic base class with shared code of its own (it reads its own type argument).</summary>
public class Pile<T>
{
    /// <summary>The item on top.</summary>
    public T? Top;

    /// <summary>How tall the pile is.</summary>
    public virtual uint Height => 1;

    /// <summary>True when <paramref name="item"/> is a <typeparamref name="T"/>.</summary>
    public bool Holds(object? item) => item is T;
}

/// <summary>A generic interface over the item type.</summary>
public interface ICounted<T>
{
    /// <summary>Counts <paramref name="item"/>.</summary>
    uint Count(T item);
}

/// <summary>
/// A generic class whose base class and interface are generic over its type parameter: when only shared code
/// constructs it (<see cref="PileShelf"/> over a reference type), the bare-metal runtime builds it, its base and its
/// interface at run time.
/// </summary>
public sealed class TallPile<T> : Pile<T>, ICounted<T>
{
    /// <inheritdoc/>
    public override uint Height => 2;

    /// <inheritdoc/>
    public uint Count(T item) => Scales.Measure(item) + Height;
}

/// <summary>
/// Shared code over types only it constructs: <c>TallPile&lt;T&gt;</c> (cast to its base and interface, a virtual
/// and an interface call) and an array of <c>Pair&lt;T&gt;</c>, a struct over the type parameter.
/// </summary>
public sealed class PileShelf : Shelf
{
    /// <inheritdoc/>
    public override uint Weigh<T>(uint state, T item)
    {
        object pile = new TallPile<T> { Top = item };
        uint result = state * 29;
        if (pile is Pile<T> typed) result += typed.Height + (typed.Holds(item) ? 4u : 0u);
        if (pile is ICounted<T> counted) result += counted.Count(item) * 3;
        Pair<T>[] pairs = new Pair<T>[3];
        pairs[1].Second = item;
        return result + Scales.Measure(pairs[1].Second) * 5 + (uint)pairs.Length;
    }
}
