using System.Runtime.CompilerServices;

namespace System.Threading;

/// <summary>
/// Atomic operations. RyuJIT turns each into one locked instruction; the self-calls below are never reached
/// (the same trick .NET's own core library uses).
/// </summary>
public static class Interlocked
{
    /// <summary>Atomically replaces <paramref name="location1"/> with <paramref name="value"/> if it equals <paramref name="comparand"/>.</summary>
    [Intrinsic] public static int CompareExchange(ref int location1, int value, int comparand) => CompareExchange(ref location1, value, comparand);

    /// <summary>Atomically replaces <paramref name="location1"/> with <paramref name="value"/> if it equals <paramref name="comparand"/>.</summary>
    [Intrinsic] public static long CompareExchange(ref long location1, long value, long comparand) => CompareExchange(ref location1, value, comparand);

    /// <summary>Atomically stores <paramref name="value"/> and returns the old value.</summary>
    [Intrinsic] public static int Exchange(ref int location1, int value) => Exchange(ref location1, value);

    /// <summary>Atomically stores <paramref name="value"/> and returns the old value.</summary>
    [Intrinsic] public static long Exchange(ref long location1, long value) => Exchange(ref location1, value);

    /// <summary>Atomically adds and returns the new value.</summary>
    public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;

    /// <summary>Atomically adds and returns the new value.</summary>
    public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;

    /// <summary>Atomically increments and returns the new value.</summary>
    public static int Increment(ref int location) => Add(ref location, 1);

    /// <summary>Atomically decrements and returns the new value.</summary>
    public static int Decrement(ref int location) => Add(ref location, -1);

    /// <summary>Atomically increments and returns the new value.</summary>
    public static long Increment(ref long location) => Add(ref location, 1);

    /// <summary>Atomically decrements and returns the new value.</summary>
    public static long Decrement(ref long location) => Add(ref location, -1);

    [Intrinsic] private static int ExchangeAdd(ref int location1, int value) => ExchangeAdd(ref location1, value);

    [Intrinsic] private static long ExchangeAdd(ref long location1, long value) => ExchangeAdd(ref location1, value);
}
