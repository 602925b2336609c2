using System.Runtime.CompilerServices;
using Redox.TwoWorlds;

/// <summary>
/// Generic virtual methods in ring 3, the same features the kernel's <c>gvm</c> boot scenario checks: class GVMs
/// overridden across two assemblies (Redox.TwoWorlds and this program), two GVMs of one class with one signature,
/// a non-generic interface's generic method implemented by a class, an override of it here and a boxed struct,
/// and a delegate to a GVM; and, as the kernel's <c>gvmshared</c> checks, shared code with a generic dictionary built
/// at run time: reference-type arguments, a struct over one, a GVM calling another with its type parameter, GVMs of a
/// generic class and of a generic interface, a delegate to a shared GVM, <c>new T()</c>, a generic class's static constructor and a type built at run time in a shared GVM. Every call through the base type or the interface goes through the
/// runtime's lookup.
/// </summary>
internal static class GenericVirtualMethodScenarios
{
    private sealed class TripleCodec : DoubleCodec
    {
        public override uint Encode<T>(uint state, T value) => value.Fold(base.Encode(state, value)) + 3;
    }

    private sealed class ShiftingVisitor : RotatingVisitor
    {
        public override uint Visit<T>(uint state, T value) => base.Visit(state, value) >> 1;
    }

    // new T() in a shared GVM: a default-constructor slot built at run time.
    private abstract class Maker
    {
        public abstract T Make<T>() where T : new();

        public abstract uint Stamp<T>();

        public abstract object Wrap<T>(T item);

        public abstract bool IsWrapped<T>(object box);
    }

    private sealed class NewMaker : Maker
    {
        public override T Make<T>() => new T();

        public override uint Stamp<T>() => ++Stamped<T>.Value;

        public override object Wrap<T>(T item) => new Wrapper<T> { Item = item };

        public override bool IsWrapped<T>(object box) => box is Wrapper<T> wrapper && wrapper.Item is not null;
    }

    // Only shared code constructs Wrapper<Gadget>: the runtime builds its MethodTable.
    private sealed class Wrapper<T>
    {
        public T? Item;
    }

    // Statics with a static constructor over a shared GVM's type parameter: it runs before the first access.
    private static class Stamped<T>
    {
        public static uint Value;

        static Stamped() => Value = 7;
    }

    private sealed class Gadget
    {
        public string Name = "gadget";
    }

    /// <summary>Checks each call against the same computation through the concrete types.</summary>
    public static void Run()
    {
        Register register = new Register { Value = 0x1234 };
        Point point = new Point { X = -7, Y = 9 };
        PlainCodec plain = new PlainCodec();
        TripleCodec triple = new TripleCodec();
        RuntimeChecks.That(Encode(triple, Encode(plain, 7, register), point) == triple.Encode(register.Fold(7), point),
            "class GVM overridden across two assemblies"u8);
        RuntimeChecks.That(Tag(plain, 7, register) == 8 && Tag(triple, 7, register) == (register.Fold(7) ^ 0x5A5A),
            "two GVMs of one class, one signature"u8);

        ShiftingVisitor shifting = new ShiftingVisitor();
        RuntimeChecks.That(Visit(shifting, 11, point) == shifting.Visit(11, point) && Visit(new RotatingVisitor(), 11, register) == new RotatingVisitor().Visit(11, register),
            "interface GVM, implemented and overridden"u8);
        RuntimeChecks.That(Visit(new CountingVisitor { Bias = 2 }, 11, point) == point.Fold(11) + 2, "interface GVM on a boxed struct"u8);

        Func<uint, Point, uint> encode = Receiver(triple).Encode<Point>;
        RuntimeChecks.That(encode(5, point) == triple.Encode(5, point), "delegate to a GVM"u8);

        // The exact types the shared code below names must exist in the image (no type loader makes them).
        Parcel parcel = new Parcel(40);
        Pair<string> pair = new Pair<string> { First = "ab", Second = "cde" };
        Keep(new Box<string>("x"), new Box<Parcel>(parcel), new Box<Pair<string>>(pair), new Parcel[1], new Pair<string>[1], new string[1]);
        PlainShelf shelf = new PlainShelf();
        ForwardingShelf forwarding = new ForwardingShelf(shelf);
        RuntimeChecks.That(Weigh(shelf, 1, parcel) == 1 * 31 + 40 + 2 && Weigh(shelf, 1, "text") == shelf.Weigh(1, "text"), "shared GVM over reference types"u8);
        RuntimeChecks.That(Weigh(forwarding, 1, pair) == forwarding.Weigh(1, pair), "shared GVM over a struct over a reference type, calling another"u8);
        Catalog<string> catalog = new IndexedCatalog<string>();
        RuntimeChecks.That(Find(catalog, 1, "key", parcel) == ((IndexedCatalog<string>)catalog).Find(1, "key", parcel), "GVM of a generic class"u8);
        IConverter<string> converter = new AnyConverter<string>();
        RuntimeChecks.That(Convert(converter, 1, "input", parcel) == ((AnyConverter<string>)converter).Convert(1, "input", parcel), "GVM of a generic interface"u8);
        Func<uint, Parcel, uint> weigh = Receiver(shelf).Weigh<Parcel>;
        RuntimeChecks.That(weigh(1, parcel) == 1 * 31 + 40 + 2, "delegate to a shared GVM"u8);
        RuntimeChecks.That(Shelves.Digest(1) == Shelves.Digest(1, new Shelf[] { new PlainShelf(), new ForwardingShelf(new PlainShelf()), new PileShelf() }), "the library's shared GVM digest"u8);
        RuntimeChecks.That(Make<Gadget>(new NewMaker()).Name == "gadget", "new T() in a shared GVM"u8);
        RuntimeChecks.That(Stamp<Gadget>(new NewMaker()) == 8 && Stamp<Gadget>(new NewMaker()) == 9, "a generic class's static constructor from a shared GVM"u8);
        object wrapped = Wrap(new NewMaker(), new Gadget());
        RuntimeChecks.That(IsWrapped<Gadget>(new NewMaker(), wrapped) && !IsWrapped<Parcel>(new NewMaker(), wrapped), "a generic type only shared code constructs, built at run time"u8);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Stamp<T>(Maker maker) => maker.Stamp<T>();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Wrap<T>(Maker maker, T item) => maker.Wrap(item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsWrapped<T>(Maker maker, object box) => maker.IsWrapped<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Make<T>(Maker maker) where T : new() => maker.Make<T>();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Keep(object a, object b, object c, object d, object e, object f)
    {
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Weigh<T>(Shelf shelf, uint state, T item) => shelf.Weigh(state, item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Find<TKey, TValue>(Catalog<TKey> catalog, uint state, TKey key, TValue value) => catalog.Find(state, key, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Convert<TIn, TOut>(IConverter<TIn> converter, uint state, TIn input, TOut output) => converter.Convert(state, input, output);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Codec Receiver(Codec codec) => codec;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Shelf Receiver(Shelf shelf) => shelf;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Encode(Codec codec, uint state, Register value) => codec.Encode(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Encode(Codec codec, uint state, Point value) => codec.Encode(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Tag(Codec codec, uint state, Register value) => codec.Tag(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Visit(IVisitor visitor, uint state, Register value) => visitor.Visit(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Visit(IVisitor visitor, uint state, Point value) => visitor.Visit(state, value);
}
