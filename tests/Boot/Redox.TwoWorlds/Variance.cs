namespace Redox.TwoWorlds;

/// <summary>A covariant generic interface.</summary>
public interface IProducer<out T>
{
    /// <summary>Makes a value.</summary>
    T Produce();
}

/// <summary>A contravariant generic interface.</summary>
public interface IConsumer<in T>
{
    /// <summary>Measures a value.</summary>
    int Consume(T value);
}

/// <summary>A generic interface over value types: no variance, one implementation per instantiation.</summary>
public interface ICell<T> where T : struct
{
    /// <summary>The stored value.</summary>
    T Value { get; }
}

/// <summary>Produces a name.</summary>
public sealed class NameProducer : IProducer<string>
{
    /// <inheritdoc/>
    public string Produce() => "ps2:keyboard";
}

/// <summary>Consumes any object: a string's length, else -1.</summary>
public sealed class LengthConsumer : IConsumer<object>
{
    /// <inheritdoc/>
    public int Consume(object value) => value is string s ? s.Length : -1;
}

/// <summary>Holds one value of any struct type.</summary>
public sealed class Cell<T> : ICell<T> where T : struct
{
    /// <summary>Holds <paramref name="value"/>.</summary>
    public Cell(T value) => Value = value;

    /// <inheritdoc/>
    public T Value { get; }
}
