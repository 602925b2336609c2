using System.Runtime.CompilerServices;
using Redox.TwoWorlds;

/// <summary>
/// Generic virtual methods whose code is shared, so the runtime builds a generic dictionary and returns a fat
/// pointer: reference-type arguments, a type parameter passed through, a struct over a reference type, a GVM of a
/// generic class and of a generic interface, overrides in this assembly of GVMs declared in Redox.TwoWorlds, a GVM
/// that calls another with its own type argument, shared code calling a generic interface's method over its type
/// parameter, delegates to shared GVMs, and a generic interface method with a default body. Each result
/// is compared with a constant or with what the same method computes when called on the concrete type directly
/// (which ILC calls without the lookup).
/// </summary>
public static class SharedGenericVirtualMethodScenario
{
    // Overrides, here, a GVM declared in Redox.TwoWorlds; its shared code allocates the box type of its argument.
    private sealed class LabelShelf : PlainShelf
    {
        public override uint Weigh<T>(uint state, T item) => base.Weigh(state, item) * 3 + Scales.Measure(new Box<T>(item).Item);
    }

    // A generic class of this assembly deriving from one of the library's, overriding its GVM.
    private sealed class ReverseCatalog<TKey> : Catalog<TKey>
    {
        public override uint Find<TValue>(uint state, TKey key, TValue value) => Scales.Measure(value) * 5 + Scales.Measure(key) + state;
    }

    // A generic interface method with a default body, and one implementer that keeps it.
    private interface ILabeler<TSubject>
    {
        uint Label<TTag>(uint state, TSubject subject, TTag tag) => state * 19 + Scales.Measure(subject) + Scales.Measure(tag) * 2;
    }

    private sealed class DefaultLabeler : ILabeler<string>
    {
    }

    private sealed class OwnLabeler : ILabeler<string>
    {
        public uint Label<TTag>(uint state, string subject, TTag tag) => state + 1;
    }

    // Two instantiations of one generic interface, implemented differently: the interface table's signatures decide.
    private sealed class TwoConverters : IConverter<string>, IConverter<Parcel>
    {
        uint IConverter<string>.Convert<TOut>(uint state, string input, TOut output) => state + 100;

        uint IConverter<Parcel>.Convert<TOut>(uint state, Parcel input, TOut output) => state + 200;
    }

    // Shared code whose box escapes and is checked against the exact type: the dictionary's type slot must be
    // Box<string> itself, not the canonical Box<__Canon>.
    private sealed class IdentityShelf : Shelf
    {
        public override uint Weigh<T>(uint state, T item) => Escape(new Box<T>(item)) is Box<string> ? state + 1 : state + 2;
    }

    // Shared code calling a generic interface's method over its type parameter: an interface dispatch cell slot.
    private interface IMeter<T>
    {
        uint Read(T item);
    }

    private sealed class LengthMeter : IMeter<string>
    {
        public uint Read(string item) => (uint)item.Length;
    }

    private sealed class DoubleMeter<T> : IMeter<T>
    {
        public uint Read(T item) => Scales.Measure(item) * 2;
    }

    private sealed class ZeroMeter<T> : IMeter<T>
    {
        public uint Read(T item) => 0;
    }

    private abstract class Reader
    {
        public abstract uint Read<T>(IMeter<T> meter, T item);
    }

    private sealed class MeterReader : Reader
    {
        public override uint Read<T>(IMeter<T> meter, T item) => meter.Read(item) + 1;
    }

    // Statics of a generic class over the GVM's type parameter: one set per exact type argument, shared with
    // exact code that names the same instantiation.
    private static class Tally<T>
    {
        public static uint Count;
        public static string? Last;
    }

    // A type whose Tally<Token> no exact code names: its statics exist only as the runtime allocates them.
    private sealed class Token
    {
    }

    private sealed class TallyShelf : Shelf
    {
        public override uint Weigh<T>(uint state, T item)
        {
            Tally<T>.Count++;
            Tally<T>.Last = "weighed";
            return state + CountOf<T>();
        }

        // Other shared code with its own dictionary: it must reach the same statics.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static uint CountOf<T>() => Tally<T>.Count;
    }

    // A generic class with a static constructor: shared code touching its statics over the type parameter runs it,
    // once per type argument, before the first access.
    private static class Ledger<T>
    {
        public static uint Opened;
        public static uint Entries;
        public static string? Name;

        static Ledger()
        {
            Opened = 100 + LedgerRuns.Count;
            Name = "ledger";
            LedgerRuns.Count++;
        }
    }

    // How many times a Ledger<T> constructor ran (not generic: one counter for all).
    private static class LedgerRuns
    {
        public static uint Count;
    }

    private sealed class LedgerShelf : Shelf
    {
        public override uint Weigh<T>(uint state, T item)
        {
            Ledger<T>.Entries++;
            return state + Ledger<T>.Opened * 10 + Ledger<T>.Entries + (Ledger<T>.Name == "ledger" ? 1000u : 0u);
        }
    }

    // Types only shared code names (Tote<Sticker>, Sticker[]): ILC 10 leaves their MethodTables to a type loader,
    // so the runtime builds them from the canonical type's template (and object[]'s for arrays).
    private sealed class Tote<T>
    {
        public T? Item;

        // Shared code of the type itself: it reads T[] from the built MethodTable's own dictionary.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public object Spread() => new T[] { Item!, Item! };

        // A generic method of the built type: its dictionary reads T from the type's generic arguments.
        public bool Matches<TOther>(object other) => other is T && other is not TOther;
    }

    // Only ever a type argument: no exact code names Tote<Sticker> or Sticker[].
    private sealed class Sticker
    {
        public uint Mark = 17;
    }

    private abstract class Toter
    {
        public abstract object Pack<T>(T item);

        public abstract bool Holds<T>(object box);

        public abstract T Unpack<T>(object box);

        public abstract object SpreadOf<T>(object box);

        public abstract object Row<T>(int length);

        public abstract int RowLength<T>(object row);

        public abstract bool Matches<T>(object box, object other);

        public abstract bool Rejects(object row, object item);
    }

    private sealed class ToteToter : Toter
    {
        public override object Pack<T>(T item) => new Tote<T> { Item = item };

        public override bool Holds<T>(object box) => box is Tote<T>;

        public override T Unpack<T>(object box) => ((Tote<T>)box).Item!;

        public override object SpreadOf<T>(object box) => ((Tote<T>)box).Spread();

        public override object Row<T>(int length) => new T[length];

        public override int RowLength<T>(object row) => row is T[] items ? items.Length : -1;

        public override bool Matches<T>(object box, object other) => ((Tote<T>)box).Matches<Parcel>(other);

        // Array covariance: a store into a Sticker[] seen as object[] checks the element type the MethodTable names.
        public override bool Rejects(object row, object item)
        {
            try
            {
                ((object[])row)[0] = item;
                return false;
            }
            catch (ArrayTypeMismatchException)
            {
                return true;
            }
        }
    }

    // new T() in shared code: Activator.CreateInstance<T>'s default-constructor slot, built at run time.
    private abstract class Maker
    {
        public abstract T Make<T>() where T : new();
    }

    private sealed class NewMaker : Maker
    {
        public override T Make<T>() => new T();
    }

    // Its constructor has a body, so the slot must be the type's own constructor, not an empty one.
    private sealed class Widget
    {
        public uint Size;

        public Widget() => Size = 11;
    }

    // Constructed only through Make<Gadget>: its field initializer runs in the constructor the slot names.
    private sealed class Gadget
    {
        public string Name = "gadget";
    }

    // A generic class: the invoke map lists its constructor under Holder<__Canon> (shared code, the type from `this`).
    private sealed class Holder<T>
    {
        public uint Tag = 3;
        public T? Item;
    }

    // A generic struct with a constructor of its own: over string its constructor is shared code.
    private struct Counter<T>
    {
        public uint Count;
        public T? Item;
        public T[]? Slots;

        // new T[] needs the exact type: in shared code, from the generic context the constructor is given.
        public Counter()
        {
            Count = 5;
            Slots = new T[2];
        }
    }

    // No parameterless constructor: Activator.CreateInstance<Sized>() throws.
    private sealed class Sized
    {
        public Sized(uint size) => Size = size;

        public uint Size;
    }

    /// <summary>Passes when every shared GVM call reaches the implementation the host would call.</summary>
    public static bool Run()
    {
        bool ok = true;
        Parcel parcel = new Parcel(40);
        Pair<string> pair = new Pair<string> { First = "ab", Second = "cde" };
        // The exact types the shared code names must exist in the image: ILC 10 leaves others to a type loader.
        Keep(new Box<string>("x"), new Box<Parcel>(parcel), new Box<Pair<string>>(pair), new Parcel[1], new Pair<string>[1]);

        PlainShelf plain = new PlainShelf();
        LabelShelf label = new LabelShelf();
        ForwardingShelf forwarding = new ForwardingShelf(label);
        ok &= Check.That(Weigh(plain, 1, "text") == plain.Weigh(1, "text"), "class GVM over string");
        ok &= Check.That(Weigh(plain, 1, parcel) == 1 * 31 + 40 + 2, "class GVM over a class of the library");
        ok &= Check.That(Weigh(label, 1, parcel) == label.Weigh(1, parcel), "class GVM over a reference type, overridden here");
        ok &= Check.That(Weigh(label, 1, pair) == label.Weigh(1, pair), "class GVM over a struct over a reference type");
        ok &= Check.That(Weigh(forwarding, 1, parcel) == forwarding.Weigh(1, parcel), "a shared GVM calling another with its type parameter");
        ok &= Check.That(Shelves.WeighWith(label, 1, "through") == label.Weigh(1, "through"), "a type parameter passed through to a GVM");
        ok &= Check.That(Weigh(label, 2, 7) == label.Weigh(2, 7), "the same GVM over a value type still finds exact code");

        Catalog<string> indexed = new IndexedCatalog<string>();
        Catalog<string> reverse = new ReverseCatalog<string>();
        ok &= Check.That(Find(indexed, 1, "key", parcel) == ((IndexedCatalog<string>)indexed).Find(1, "key", parcel), "GVM of a generic class over reference types");
        ok &= Check.That(Find(reverse, 1, "key", parcel) == 40 * 5 + 3 + 1, "GVM of a generic class, overridden by a generic class here");
        ok &= Check.That(Find(indexed, 1, "key", 9) == ((IndexedCatalog<string>)indexed).Find(1, "key", 9), "GVM of a generic class over string, method over int");

        IConverter<string> text = new TextConverter();
        IConverter<string> any = new AnyConverter<string>();
        ok &= Check.That(Convert(text, 1, "input", parcel) == 13 + 5 + 40, "GVM of a generic interface, implemented for one instantiation");
        ok &= Check.That(Convert(any, 1, "input", parcel) == ((AnyConverter<string>)any).Convert(1, "input", parcel), "GVM of a generic interface, implemented by a generic class");

        TwoConverters two = new TwoConverters();
        ok &= Check.That(Convert<string, Parcel>(two, 1, "input", parcel) == 101 && Convert<Parcel, string>(two, 1, parcel, "out") == 201,
            "one class implementing two instantiations of a generic interface's GVM");

        IdentityShelf identity = new IdentityShelf();
        ok &= Check.That(Weigh(identity, 1, "text") == 2 && Weigh(identity, 1, parcel) == 3, "shared code's type slot is the exact type");

        Reader reader = new MeterReader();
        IMeter<string>[] meters = { new LengthMeter(), new DoubleMeter<string>(), new ZeroMeter<string>() };
        ok &= Check.That(Read(reader, meters[0], "abc") == 4 && Read(reader, meters[1], "abc") == 7 && Read(reader, meters[2], "abc") == 1,
            "shared code calling a generic interface's method over its type parameter");

        Func<uint, string, uint> weighText = Receiver(label).Weigh<string>;
        Func<uint, Parcel, uint> weighParcel = Receiver(forwarding).Weigh<Parcel>;   // reads its target's field
        ok &= Check.That(weighText(1, "text") == label.Weigh(1, "text") && weighParcel(1, parcel) == forwarding.Weigh(1, parcel), "delegates to shared GVMs");
        Func<uint, string, Parcel, uint> convert = any.Convert<Parcel>;
        ok &= Check.That(convert(1, "input", parcel) == ((AnyConverter<string>)any).Convert(1, "input", parcel), "a delegate to a generic interface's shared GVM");

        TallyShelf tally = new TallyShelf();
        ok &= Check.That(Weigh(tally, 0, "a") == 1 && Weigh(tally, 0, "b") == 2 && Weigh(tally, 0, parcel) == 1, "statics of a generic class over the type parameter, one set per type");
        ok &= Check.That(Tally<string>.Count == 2 && Tally<string>.Last == "weighed" && Tally<Parcel>.Count == 1, "the same statics as exact code's");
        Token token = new Token();
        ok &= Check.That(Weigh(tally, 0, token) == 1 && Weigh(tally, 5, token) == 7 && Weigh(tally, 0, pair) == 1 && Weigh(tally, 0, pair) == 2,
            "statics no exact code uses, allocated at run time");

        ok &= Check.That(Label(new DefaultLabeler(), 1, "subject", parcel) == 19 + 7 + 80, "a generic interface method with a default body");
        ok &= Check.That(Label(new OwnLabeler(), 1, "subject", parcel) == 2, "the same, implemented");
        return ok & RunNew() & RunLedger(token, pair) & RunBuiltTypes(parcel) & BuiltTypeHierarchyChecks.Run() & SharedGenericSlotChecks.Run();
    }

    // MethodTables built at run time: allocation, casts to the exact type in shared code, the built type's own
    // dictionary, arrays of a reference type; each exact type built once (a second object casts to the first's type).
    private static bool RunBuiltTypes(Parcel parcel)
    {
        bool ok = true;
        Toter toter = new ToteToter();
        Sticker sticker = new Sticker();
        object first = Pack(toter, sticker);
        object second = Pack(toter, new Sticker { Mark = 4 });
        ok &= Check.That(Holds<Sticker>(toter, first) && Holds<Sticker>(toter, second) && !Holds<Parcel>(toter, first), "a generic type only shared code constructs: built, and cast to exactly");
        ok &= Check.That(Unpack<Sticker>(toter, first).Mark == 17 && Unpack<Sticker>(toter, second).Mark == 4, "its fields");
        object spread = SpreadOf<Sticker>(toter, first);
        ok &= Check.That(RowLength<Sticker>(toter, spread) == 2 && RowLength<Parcel>(toter, spread) == -1, "its own shared code, over its own dictionary: an array of the type argument");
        object row = Row<Sticker>(toter, 3);
        ok &= Check.That(RowLength<Sticker>(toter, row) == 3 && RowLength<Sticker>(toter, Row<Sticker>(toter, 1)) == 1, "an array of a reference type only shared code constructs");
        ok &= Check.That(Matches<Sticker>(toter, first, sticker) && !Matches<Sticker>(toter, first, parcel), "a generic method of the built type reads its type argument");
        ok &= Check.That(toter.Rejects(row, parcel) && !toter.Rejects(row, sticker), "the built array's element type");
        object parcels = Pack(toter, parcel);
        ok &= Check.That(Holds<Parcel>(toter, parcels) && !Holds<Sticker>(toter, parcels) && Unpack<Parcel>(toter, parcels) == parcel, "a second instantiation of the same type");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Pack<T>(Toter toter, T item) => toter.Pack(item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Holds<T>(Toter toter, object box) => toter.Holds<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Unpack<T>(Toter toter, object box) => toter.Unpack<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object SpreadOf<T>(Toter toter, object box) => toter.SpreadOf<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Row<T>(Toter toter, int length) => toter.Row<T>(length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RowLength<T>(Toter toter, object row) => toter.RowLength<T>(row);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Matches<T>(Toter toter, object box, object other) => toter.Matches<T>(box, other);

    // Statics with a static constructor over the type parameter: Ledger<string> is also named by exact code (ILC's
    // statics and constructor context), Ledger<Token> and Ledger<Pair<string>> only by shared code.
    private static bool RunLedger(Token token, Pair<string> pair)
    {
        bool ok = true;
        LedgerShelf ledger = new LedgerShelf();
        uint runs = LedgerRuns.Count;
        uint first = Weigh(ledger, 0, token);
        ok &= Check.That(first == 1000 + (100 + runs) * 10 + 1 && LedgerRuns.Count == runs + 1, "a generic class's static constructor runs before shared code's first access to its statics");
        ok &= Check.That(Weigh(ledger, 0, token) == first + 1 && LedgerRuns.Count == runs + 1, "and only once");
        ok &= Check.That(Weigh(ledger, 0, pair) == 1000 + (100 + runs + 1) * 10 + 1 && LedgerRuns.Count == runs + 2, "once per type argument");
        uint text = Weigh(ledger, 0, "text");
        ok &= Check.That(LedgerRuns.Count == runs + 3 && Ledger<string>.Entries == 1 && text == 1000 + Ledger<string>.Opened * 10 + 1, "the same statics and constructor run as exact code's");
        return ok;
    }

    // new T() through a shared GVM, against what exact code builds.
    private static bool RunNew()
    {
        bool ok = true;
        Maker maker = new NewMaker();
        Widget first = Make<Widget>(maker);
        Widget second = Make<Widget>(maker);
        ok &= Check.That(Escape(first) is Widget && first.Size == 11 && second.Size == 11 && first != second, "new T() in shared code runs T's constructor, one new object per call");
        Gadget gadget = Make<Gadget>(maker);
        ok &= Check.That(Escape(gadget) is Gadget && gadget.Name == "gadget", "new T() of a type only shared code constructs");
        Holder<string> holder = Make<Holder<string>>(maker);
        ok &= Check.That(Escape(holder) is Holder<string> && holder.Tag == 3 && holder.Item == null, "new T() of a generic class over a reference type");
        Counter<string> counter = Make<Counter<string>>(maker);
        ok &= Check.That(counter.Count == 5 && counter.Item == null && counter.Slots is string[] { Length: 2 }, "new T() of a generic struct over a reference type with its own constructor");
        Pair<string> pair = Make<Pair<string>>(maker);
        ok &= Check.That(pair.First == null && pair.Second == null, "new T() of a struct over a reference type, without a constructor of its own");
        ok &= Check.That(Make<int>(maker) == 0 && Activator.CreateInstance<Widget>().Size == 11, "new T() in exact code still");
        ok &= Check.That(Activator.CreateInstance<Counter<int>>().Count == 5 && Activator.CreateInstance<Counter<string>>().Count == 5,
            "exact code: a generic struct's own constructor, unshared and shared");
        bool threw = false;
        try
        {
            Activator.CreateInstance<Sized>();
        }
        catch (MissingMethodException)
        {
            threw = true;
        }
        ok &= Check.That(threw, "CreateInstance of a class without a parameterless constructor throws MissingMethodException");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Make<T>(Maker maker) where T : new() => maker.Make<T>();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Keep(object a, object b, object c, object d, object e)
    {
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Escape(object value) => value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Shelf Receiver(Shelf shelf) => shelf;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Read<T>(Reader reader, IMeter<T> meter, T item) => reader.Read(meter, item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Weigh<T>(Shelf shelf, uint state, T item) => shelf.Weigh(state, item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Find<TKey, TValue>(Catalog<TKey> catalog, uint state, TKey key, TValue value) => catalog.Find(state, key, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Convert<TIn, TOut>(IConverter<TIn> converter, uint state, TIn input, TOut output) => converter.Convert(state, input, output);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Label<TTag>(ILabeler<string> labeler, uint state, string subject, TTag tag) => labeler.Label(state, subject, tag);
}
