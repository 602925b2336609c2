using System.Runtime.CompilerServices;
using Redox.TwoWorlds;

/// <summary>
/// Generic virtual methods (GVMs) over value types: class GVMs declared in Redox.TwoWorlds and overridden there and
/// here, two GVMs of one class with the same signature, a generic method of a non-generic interface implemented by
/// classes (one overriding the other's implementation in this assembly, one explicitly) and by a boxed struct, and a delegate to a
/// GVM. Each result is checked against the same computation through the concrete sealed types, which ILC calls
/// directly; every call through the base type or the interface goes through the runtime's GVM lookup.
/// </summary>
public static class GenericVirtualMethodScenario
{
    // Overrides, in this assembly, a GVM whose override chain starts in Redox.TwoWorlds.
    private sealed class TripleCodec : DoubleCodec
    {
        public override uint Encode<T>(uint state, T value) => value.Fold(base.Encode(state, value)) + 3;
    }

    // Inherits both GVMs unchanged: the lookup must find them on the base classes.
    private sealed class InheritingCodec : DoubleCodec
    {
    }

    // Overrides, here, a class's virtual implementation of the interface's GVM.
    private sealed class ShiftingVisitor : RotatingVisitor
    {
        public override uint Visit<T>(uint state, T value) => base.Visit(state, value) >> 1;
    }

    // A new implementer of the interface in this assembly.
    private sealed class XorVisitor : IVisitor
    {
        public uint Visit<T>(uint state, T value) where T : struct, IDigestible => value.Fold(state) ^ 0xA5A5A5A5;
    }

    // An explicit implementation: a private method the class tables do not list, found through the interface table.
    private sealed class ExplicitVisitor : IVisitor
    {
        uint IVisitor.Visit<T>(uint state, T value) => value.Fold(state) * 7;
    }

    private struct Flag : IDigestible
    {
        public bool Set;

        public uint Fold(uint state) => Set ? state * 3 : state;
    }

    /// <summary>Passes when every GVM call reaches the implementation the host would call.</summary>
    public static bool Run()
    {
        bool ok = true;
        Register register = new Register { Value = 0x1234 };
        Point point = new Point { X = -7, Y = 9 };
        Flag flag = new Flag { Set = true };

        PlainCodec plain = new PlainCodec();
        TripleCodec triple = new TripleCodec();
        InheritingCodec inheriting = new InheritingCodec();
        uint expected = triple.Encode(plain.Encode(7, register), point);
        ok &= Check.That(Encode(triple, Encode(plain, 7, register), point) == expected, "class GVM overridden across two assemblies");
        ok &= Check.That(Encode(inheriting, 7, flag) == flag.Fold(flag.Fold(7)), "class GVM inherited from a base class");
        ok &= Check.That(Tag(plain, 7, register) == 8 && Tag(triple, 7, register) == (register.Fold(7) ^ 0x5A5A), "second GVM of the class, same signature");
        ok &= Check.That(Encode(triple, 7, register) != Tag(triple, 7, register), "two GVMs of one type are told apart");
        ok &= Check.That(Encode(plain, 1, register) == register.Fold(1) && Encode(plain, 1, point) == point.Fold(1) && Encode(plain, 1, flag) == flag.Fold(1),
            "one call site, three type arguments");

        ShiftingVisitor shifting = new ShiftingVisitor();
        XorVisitor xor = new XorVisitor();
        RotatingVisitor rotating = new RotatingVisitor();
        ok &= Check.That(Visit(shifting, 11, point) == shifting.Visit(11, point), "interface GVM implemented by a virtual method, overridden here");
        ok &= Check.That(Visit(rotating, 11, point) == (point.Fold(11) << 3 | point.Fold(11) >> 29), "interface GVM, the base implementation");
        ok &= Check.That(Visit(xor, 11, register) == xor.Visit(11, register), "interface GVM implemented in this assembly");
        ok &= Check.That(Visit(new CountingVisitor { Bias = 2 }, 11, flag) == flag.Fold(11) + 2, "interface GVM implemented by a boxed struct");
        ok &= Check.That(Visit(new ExplicitVisitor(), 11, point) == point.Fold(11) * 7, "interface GVM implemented explicitly");

        Func<uint, Register, uint> encode = Receiver(triple).Encode<Register>;
        ok &= Check.That(encode(5, register) == triple.Encode(5, register), "delegate to a GVM");

        // The library's own digest with this assembly's implementers added: the same code path the two-worlds
        // test compares with the host.
        uint digest = Codecs.Digest(1, new Codec[] { plain, triple, inheriting }, new IVisitor[] { shifting, xor, new CountingVisitor { Bias = 9 } });
        register = new Register { Value = 0xBEEF };   // the values Codecs.Digest folds
        point = new Point { X = 3, Y = -4 };
        uint direct = 1;
        direct = point.Fold(register.Fold(direct)) + 1 + 1;   // PlainCodec: Encode folds once, Tag adds one
        direct = DirectTriple(direct, triple, register, point);
        direct = DirectInheriting(direct, inheriting, register, point);
        direct = shifting.Visit(shifting.Visit(direct, register), point);
        direct = xor.Visit(xor.Visit(direct, register), point);
        CountingVisitor counting = new CountingVisitor { Bias = 9 };
        direct = counting.Visit(counting.Visit(direct, register), point);
        ok &= Check.That(digest == direct, "the library's digest loop over this assembly's implementers");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Codec Receiver(Codec codec) => codec;

    // Not generic themselves, so each call site names an exact value type and reaches unshared code (gvmshared has the shared ones).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Encode(Codec codec, uint state, Register value) => codec.Encode(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Encode(Codec codec, uint state, Point value) => codec.Encode(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Encode(Codec codec, uint state, Flag value) => codec.Encode(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Tag(Codec codec, uint state, Register value) => codec.Tag(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Visit(IVisitor visitor, uint state, Register value) => visitor.Visit(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Visit(IVisitor visitor, uint state, Point value) => visitor.Visit(state, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Visit(IVisitor visitor, uint state, Flag value) => visitor.Visit(state, value);

    private static uint DirectTriple(uint d, TripleCodec c, Register r, Point p) => c.Tag(c.Tag(c.Encode(c.Encode(d, r), p), r), p);

    private static uint DirectInheriting(uint d, InheritingCodec c, Register r, Point p) => c.Tag(c.Tag(c.Encode(c.Encode(d, r), p), r), p);
}
