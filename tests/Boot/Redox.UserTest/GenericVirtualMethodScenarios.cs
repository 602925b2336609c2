using System.Runtime.CompilerServices;
using Redox.TwoWorlds;

/// <summary>
/// Generic virtual methods in ring 3, the same features the kernel's <c>gvm</c> boot scenario checks: class GVMs
/// overridden across two assemblies (Redox.TwoWorlds and this program), two GVMs of one class with one signature,
/// a non-generic interface's generic method implemented by a class, an override of it here and a boxed struct,
/// and a delegate to a GVM. Every call through the base type or the interface goes through the runtime's lookup.
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
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Codec Receiver(Codec codec) => codec;

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
