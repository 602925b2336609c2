using System.Runtime.CompilerServices;

/// <summary>
/// Part of <c>gvmshared</c>: ordinary C# over a type parameter inside shared generic code, which needs dictionary
/// slots of other kinds than types and calls: <c>GetHashCode</c>/<c>Equals</c>/<c>ToString</c> on an unconstrained
/// <c>T</c> (a class and a struct over a reference type), an interface method on <c>T</c> constrained to the
/// interface, a static abstract interface member on <c>T</c> (implemented by a class, a struct over a reference type and a generic
/// class over one, and a default static member), and a delegate to a generic method over <c>T</c>. Each
/// result is compared with what the same operation gives in exact code.
/// </summary>
public static class SharedGenericSlotChecks
{
    private interface IGauge
    {
        uint Gauge();
    }

    private interface IMint<TSelf> where TSelf : IMint<TSelf>
    {
        static abstract TSelf Mint(uint value);

        // A default static implementation that uses TSelf: shared code over the interface's own type argument.
        static virtual uint Doubled(uint value) => TSelf.Mint(value).Value * 2;

        uint Value { get; }
    }

    // A generic class over a reference type: its static Mint is shared code that needs Mold<T> as its context.
    private sealed class Mold<T> : IMint<Mold<T>>
    {
        public uint Number;
        public object? Kind;

        public static Mold<T> Mint(uint value) => new Mold<T> { Number = value, Kind = new T[1] };

        public uint Value => Number + (Kind is T[] ? 50u : 0u);
    }

    private sealed class Coin : IGauge, IMint<Coin>
    {
        public uint Worth;

        public static Coin Mint(uint value) => new Coin { Worth = value };

        public uint Value => Worth;

        public uint Gauge() => Worth + 1;

        public override int GetHashCode() => (int)Worth * 3;

        public override bool Equals(object? obj) => obj is Coin other && other.Worth == Worth;

        public override string ToString() => "coin";
    }

    // A struct over a reference type: shared code over it is shared, and constrained calls on it are not plain calls.
    private struct Stamp<T> : IGauge, IMint<Stamp<T>>
    {
        public uint Number;
        public T? Owner;

        public static Stamp<T> Mint(uint value) => new Stamp<T> { Number = value };

        public uint Value => Number;

        public uint Gauge() => Number * 2;

        public override int GetHashCode() => (int)Number + 1000;

        public override bool Equals(object? obj) => obj is Stamp<T> other && other.Number == Number;

        public override string ToString() => "stamp";
    }

    // A generic static abstract member: shared code calling T.Make<R>() needs the implementation over R, found at
    // run time (ILC's generic static constrained method slot).
    private interface IMaker
    {
        static abstract uint Make<U>(uint value);

        // A default generic static member, used by Smith and overridden by Forge<T>.
        static virtual uint Remake<U>(uint value) => value * 5 + Tag<U>();
    }

    // Named as a type argument only, so Tag<U> answers 3 for it.
    private sealed class Rivet
    {
    }

    private sealed class Smith : IMaker
    {
        public static uint Make<U>(uint value) => value + 10 * Tag<U>();
    }

    // A struct over a reference type: its Make<U> is shared over both T and U.
    private struct Forge<T> : IMaker
    {
        public static uint Make<U>(uint value) => value * 3 + 100 * Tag<T>() + 10 * Tag<U>();

        public static uint Remake<U>(uint value) => value * 7 + 1000 * Tag<T>() + Tag<U>();
    }

    // Which type argument the code runs over: 1 for string, 2 for Coin, 3 for another type. Shared code gets the
    // answer from the type slot of its dictionary, so a dictionary built for the wrong arguments gives another number.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Tag<U>() => new U[1] is string[] ? 1u : new U[1] is Coin[] ? 2u : 3u;

    // A generic class over the type parameter with a static and an instance method shared code takes the address of.
    private sealed class Counter<T>
    {
        public uint Start;

        public static uint Twice(uint value) => value * 2 + (new T[1].Length == 1 ? 1u : 0u);

        public uint From(uint value) => Start + value + (new T[2].Length == 2 ? 1u : 0u);
    }

    private abstract class Prober
    {
        public abstract uint StaticDelegate<T>(uint value);

        public abstract uint InstanceDelegate<T>(uint value);

        public abstract int Hash<T>(T item);

        public abstract bool Same<T>(T item, object other);

        public abstract string? Text<T>(T item);

        public abstract uint Gauge<T>(T item) where T : IGauge;

        public abstract uint Minted<T>(uint value) where T : IMint<T>;

        public abstract uint Doubled<T>(uint value) where T : IMint<T>;

        public abstract uint ThroughDelegate<T>(T item) where T : IGauge;

        public abstract uint Made<T, R>(uint value) where T : IMaker;

        public abstract uint Table<T>(int index);

        public abstract uint Remade<T, R>(uint value) where T : IMaker;
    }

    private sealed class SlotProber : Prober
    {
        public override int Hash<T>(T item) => item!.GetHashCode();

        public override bool Same<T>(T item, object other) => item!.Equals(other);

        public override string? Text<T>(T item) => item!.ToString();

        public override uint Gauge<T>(T item) => item.Gauge();

        public override uint Minted<T>(uint value) => T.Mint(value).Value;

        public override uint Doubled<T>(uint value) => T.Doubled(value);

        public override uint Made<T, R>(uint value) => T.Make<R>(value);

        // C# loads the constant data of an array initialiser and a span literal with ldtoken of a field of
        // <PrivateImplementationDetails>, never of a generic type, so shared code needs no field-token slot for them.
        public override uint Table<T>(int index)
        {
            uint[] primes = { 2, 3, 5, 7, 11, 13, 17 };
            ReadOnlySpan<byte> bytes = [9, 8, 7, 6];
            return primes[index] + bytes[index % 4] + 100 * Tag<T>();
        }

        public override uint Remade<T, R>(uint value) => T.Remake<R>(value);

        public override uint StaticDelegate<T>(uint value)
        {
            Func<uint, uint> twice = Counter<T>.Twice;
            return twice(value);
        }

        public override uint InstanceDelegate<T>(uint value)
        {
            Func<uint, uint> from = new Counter<T> { Start = 10 }.From;
            return from(value);
        }

        public override uint ThroughDelegate<T>(T item)
        {
            Func<T, uint> gauge = GaugeOf<T>;
            return gauge(item);
        }

        private static uint GaugeOf<T>(T item) where T : IGauge => item.Gauge() + 100;
    }

    /// <summary>Passes when each operation gives what exact code gives.</summary>
    public static bool Run()
    {
        bool ok = true;
        Prober prober = new SlotProber();
        Coin coin = new Coin { Worth = 4 };
        Stamp<string> stamp = new Stamp<string> { Number = 6, Owner = "owner" };
        ok &= Check.That(Hash(prober, coin) == 12 && Hash(prober, stamp) == 1006, "GetHashCode on an unconstrained T");
        ok &= Check.That(Same(prober, coin, new Coin { Worth = 4 }) && !Same(prober, coin, stamp) && Same(prober, stamp, stamp) && !Same(prober, stamp, coin),
            "Equals on an unconstrained T");
        ok &= Check.That(Text(prober, coin) == "coin" && Text(prober, stamp) == "stamp", "ToString on an unconstrained T");
        ok &= Check.That(Gauge(prober, coin) == 5 && Gauge(prober, stamp) == 12, "an interface method on T constrained to the interface");
        ok &= Check.That(Minted<Coin>(prober, 8) == 8 && Minted<Stamp<string>>(prober, 9) == 9, "a static abstract interface member on T");
        ok &= Check.That(Minted<Mold<string>>(prober, 3) == 53 && Minted<Mold<Coin>>(prober, 4) == 54, "a static abstract member implemented by a generic class over T (shared, with its type as context)");
        ok &= Check.That(Doubled<Coin>(prober, 5) == 10 && Doubled<Mold<string>>(prober, 6) == 112, "a default static interface member using its own type argument");
        ok &= Check.That(StaticDelegate<Coin>(prober, 4) == 9, "a delegate to a static method of a generic class over T");
        ok &= Check.That(InstanceDelegate<Coin>(prober, 4) == 15, "a delegate to an instance method of a generic class over T");
        ok &= Check.That(ThroughDelegate(prober, coin) == 105 && ThroughDelegate(prober, stamp) == 112, "a delegate to a generic method over T");
        ok &= Check.That(Made<Smith, string>(prober, 4) == 14 && Made<Smith, Coin>(prober, 4) == 24, "a generic static abstract member on T over a reference type (T.Make<R>())");
        ok &= Check.That(Made<Forge<string>, Coin>(prober, 2) == 126 && Made<Forge<Coin>, string>(prober, 2) == 216,
            "a generic static abstract member implemented by a struct over a reference type");
        ok &= Check.That(Remade<Smith, Coin>(prober, 3) == 17 && Remade<Smith, string>(prober, 3) == 16, "a default generic static member (T.Remake<R>())");
        ok &= Check.That(Remade<Forge<string>, Coin>(prober, 1) == 1009 && Remade<Forge<Coin>, string>(prober, 1) == 2008,
            "a generic static member a struct over a reference type overrides");
        ok &= Check.That(Made<Smith, Rivet>(prober, 1) == 31, "a generic static abstract member over a type no other code uses");
        ok &= Check.That(Table<Coin>(prober, 5) == 221 && Table<string>(prober, 2) == 112, "an array initialiser and a span literal in shared code");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Hash<T>(Prober prober, T item) => prober.Hash(item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Same<T>(Prober prober, T item, object other) => prober.Same(item, other);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? Text<T>(Prober prober, T item) => prober.Text(item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Gauge<T>(Prober prober, T item) where T : IGauge => prober.Gauge(item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Minted<T>(Prober prober, uint value) where T : IMint<T> => prober.Minted<T>(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Doubled<T>(Prober prober, uint value) where T : IMint<T> => prober.Doubled<T>(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Made<T, R>(Prober prober, uint value) where T : IMaker => prober.Made<T, R>(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Table<T>(Prober prober, int index) => prober.Table<T>(index);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Remade<T, R>(Prober prober, uint value) where T : IMaker => prober.Remade<T, R>(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint StaticDelegate<T>(Prober prober, uint value) => prober.StaticDelegate<T>(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint InstanceDelegate<T>(Prober prober, uint value) => prober.InstanceDelegate<T>(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint ThroughDelegate<T>(Prober prober, T item) where T : IGauge => prober.ThroughDelegate(item);
}
