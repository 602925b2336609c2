using System.Runtime.InteropServices;
using Redox.Kernel.Diagnostics;

/// <summary>The C# the core library promises on bare metal, each feature checked where only ILC shows it works.</summary>
public static class CoreLibScenario
{
    private interface IShape
    {
        int Corners { get; }
    }

    private interface ICounter
    {
        static abstract int Start { get; }
    }

    private struct Triangle : IShape
    {
        public int Corners => 3;
    }

    private sealed class Square : IShape
    {
        public int Corners => 4;
    }

    private struct FromTen : ICounter
    {
        public static int Start => 10;
    }

    private abstract class Animal
    {
        public abstract int Legs();
        public virtual int Eyes() => 2;
    }

    private sealed class Spider : Animal
    {
        public override int Legs() => 8;
        public override int Eyes() => 8;
    }

    private class Bird : Animal
    {
        public override int Legs() => 2;
    }

    private enum Color : byte { Red = 1, Green = 2, Blue = 4 }

    [StructLayout(LayoutKind.Explicit)]
    private struct Overlay
    {
        [FieldOffset(0)] public uint Whole;
        [FieldOffset(0)] public byte Low;
    }

    private static class Lazy
    {
        // Not a constant: ILC cannot preinitialise it, so the static constructor runs on first use.
        public static readonly int Value = Compute();
        public static int Runs;

        private static int Compute()
        {
            Runs++;
            return System.Threading.Volatile.Read(ref s_seed) * 3;
        }
    }

    private static int s_seed = 14;
    private static readonly string s_greeting = "statics of reference type work";
    private static readonly int[] s_table = { 2, 3, 5, 7, 11 };

    /// <summary>Passes when every feature behaves as on the host.</summary>
    public static bool Run()
    {
        bool ok = true;
        // Classes, virtual and abstract dispatch, casts.
        Animal[] animals = { new Spider(), new Bird() };
        int legs = 0, eyes = 0;
        foreach (Animal a in animals) { legs += a.Legs(); eyes += a.Eyes(); }
        ok &= Check.That(legs == 10 && eyes == 10, "virtual and abstract dispatch");
        object boxedAnimal = animals[1];
        ok &= Check.That(boxedAnimal is Bird && boxedAnimal is Animal && boxedAnimal is not Spider, "is on classes");
        ok &= Check.That((boxedAnimal as Spider) is null, "as returns null on mismatch");

        // Interfaces: a struct through a constrained generic, a class through an interface reference.
        ok &= Check.That(CornersOf(new Triangle()) == 3 && CornersOf(new Square()) == 4, "generic interface calls");
        IShape shape = new Square();
        ok &= Check.That(shape.Corners == 4, "interface call on a class");
        ok &= Check.That(StartOf<FromTen>() == 10, "static abstract interface members");
        object boxedTriangle = new Triangle();
        ok &= Check.That(boxedTriangle is IShape s2 && s2.Corners == 3, "boxing and interface cast");

        // Generics over structs and arrays.
        ok &= Check.That(new Pair<int>(3, 9).Pick(false) == 9 && new Pair<long>(7, 2).Pick(true) == 7L, "generic structs");
        int[] numbers = new int[16];
        for (int i = 0; i < numbers.Length; i++) numbers[i] = i * i;
        ok &= Check.That(numbers[15] == 225 && numbers.Length == 16, "arrays");
        ok &= Check.That(s_table[4] == 11 && s_table.Length == 5, "array initialisers");
        object[] objects = new string[2];
        objects[0] = "fine";
        ok &= Check.That(objects[0] is string, "covariant array store");

        // Spans, stackalloc, u8 and string literals, span collection literals.
        Span<byte> buffer = stackalloc byte[8];
        buffer.Fill(0xAB);
        ok &= Check.That(buffer[7] == 0xAB && buffer.Slice(2, 3).Length == 3, "spans over stackalloc");
        ReadOnlySpan<byte> utf8 = "redox"u8;
        ok &= Check.That(utf8.Length == 5 && utf8[0] == (byte)'r', "u8 literals");
        ReadOnlySpan<int> primes = [2, 3, 5, 7];
        ok &= Check.That(primes[3] == 7, "span collection literals");
        string text = "hello";
        ok &= Check.That(text.Length == 5 && text[1] == 'e' && text == "hello" && text != "world", "strings");
        ok &= Check.That(s_greeting.Length == 30, "static reference fields with initialisers");

        // Enums, explicit layout, static constructors, Nullable.
        Color c = Color.Red | Color.Blue;
        ok &= Check.That((c & Color.Blue) != 0 && (byte)c == 5, "enums");
        Overlay overlay = default;
        overlay.Whole = 0x11223344;
        ok &= Check.That(overlay.Low == 0x44, "explicit layout");
        ok &= Check.That(Lazy.Value == 42 && Lazy.Value == 42 && Lazy.Runs == 1, "static constructors run once");
        int? maybe = 5;
        int? none = null;
        ok &= Check.That(maybe.HasValue && maybe.Value == 5 && !none.HasValue, "Nullable");

        // Integer maths the JIT turns into helpers.
        long big = 0x1_0000_0000L * 3;
        ok &= Check.That(big / 7 == 1840700269 && big % 7 == 5 && (ulong)big >> 33 == 1, "64-bit division and shifts");
        KernelLog.WriteLine("corelib: all features exercised");
        ok &= Check.That(MemoryPrimitivesAgree(), "span copies (overlapping both ways), clears and fills, byte by byte");
        return ok;
    }

    // The core library moves 64-byte blocks with SSE, loads and stores interleaved as ILC emits them, so an overlapping
    // copy must use blocks only where they cannot overlap: checked here against byte-at-a-time copies at every
    // distance around a block, where the host's JIT (which loads a whole block before storing it) cannot show it.
    private static bool MemoryPrimitivesAgree()
    {
        byte[] buffer = new byte[400];
        byte[] expected = new byte[400];
        for (int distance = -80; distance <= 80; distance++)
        {
            for (int length = 60; length <= 200; length += 70)
            {
                for (int i = 0; i < 400; i++) buffer[i] = expected[i] = (byte)(i * 7 + 1);
                int from = 100, to = 100 + distance;
                if (distance > 0) for (int i = length - 1; i >= 0; i--) expected[to + i] = expected[from + i];
                else for (int i = 0; i < length; i++) expected[to + i] = expected[from + i];
                new System.Span<byte>(buffer, from, length).CopyTo(new System.Span<byte>(buffer, to, length));
                for (int i = 0; i < 400; i++) if (buffer[i] != expected[i]) return false;
            }
        }
        for (int offset = 0; offset < 9; offset++)
        {
            for (int i = 0; i < 400; i++) buffer[i] = 0x5A;
            new System.Span<byte>(buffer, offset, 150).Clear();
            new System.Span<byte>(buffer, offset + 200, 70).Fill(0xC3);
            for (int i = 0; i < 400; i++)
            {
                byte want = i >= offset && i < offset + 150 ? (byte)0 : i >= offset + 200 && i < offset + 270 ? (byte)0xC3 : (byte)0x5A;
                if (buffer[i] != want) return false;
            }
        }
        return true;
    }

    private static int CornersOf<T>(T shape) where T : IShape => shape.Corners;

    private static int StartOf<T>() where T : struct, ICounter => T.Start;

    private readonly struct Pair<T> where T : struct
    {
        private readonly T _first, _second;

        public Pair(T first, T second)
        {
            _first = first;
            _second = second;
        }

        public T Pick(bool first) => first ? _first : _second;
    }
}
