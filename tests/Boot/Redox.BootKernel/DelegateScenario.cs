using System.Runtime.CompilerServices;
using Redox.Kernel.Diagnostics;
using Redox.TwoWorlds;

/// <summary>
/// Delegates of every kind: static methods, instance methods (closed over their object), virtual, interface and
/// struct methods, lambdas with and without captures, extension methods, custom delegate types with ref/out
/// parameters, Func/Action, generic methods, and variance. Each result is checked against a direct call.
/// </summary>
public static class DelegateScenario
{
    private delegate int Transform(int value);

    private delegate bool TryParse(int input, out int result, ref int calls);

    private delegate T Pick<T>(T first, T second);

    private abstract class Animal
    {
        public abstract int Legs();
    }

    private sealed class Spider : Animal
    {
        public override int Legs() => 8;
    }

    private sealed class Counter
    {
        public int Count;

        public int Add(int amount) => Count += amount;
    }

    private struct Meter
    {
        public int Reading;

        public readonly int Read() => Reading;
    }

    private static int Square(int x) => x * x;

    private static bool TryHalve(int input, out int result, ref int calls)
    {
        calls++;
        result = input / 2;
        return (input & 1) == 0;
    }

    private static T First<T>(T first, T second) => first;

    /// <summary>Passes when every delegate calls what the host would call.</summary>
    public static bool Run()
    {
        bool ok = true;

        Func<int, int> staticMethod = Square;
        ok &= Check.That(staticMethod(9) == 81, "static method");

        Transform custom = new Transform(Square);
        ok &= Check.That(custom(-4) == 16 && custom.Invoke(3) == 9, "custom delegate type");

        Counter counter = new Counter();
        Func<int, int> instance = counter.Add;
        instance(5);
        instance(6);
        ok &= Check.That(counter.Count == 11, "closed instance method");

        Animal animal = new Spider();
        Func<int> virtualMethod = animal.Legs;
        ok &= Check.That(virtualMethod() == 8, "virtual method");

        IDigestStep step = new MultiplyStep(3);
        Func<uint, uint> interfaceMethod = step.Apply;
        ok &= Check.That(interfaceMethod(7) == 21, "interface method");

        Meter meter = new Meter { Reading = 42 };
        Func<int> structMethod = meter.Read;
        meter.Reading = 0; // the delegate holds its own boxed copy
        ok &= Check.That(structMethod() == 42, "struct method (boxed copy)");

        Func<int, int, int> lambda = (a, b) => a * 10 + b;
        ok &= Check.That(lambda(4, 2) == 42, "lambda without captures");

        Func<int, int> staticLambda = static x => x + 1;
        ok &= Check.That(staticLambda(41) == 42, "static lambda");

        int captured = 0;
        Action<int> closure = amount => captured += amount;
        closure(40);
        closure(2);
        ok &= Check.That(captured == 42, "lambda with captures");

        Func<int, bool> extension = "keyboard".HasLength;
        ok &= Check.That(extension(8) && !extension(4), "extension method (closed static)");

        TryParse tryParse = TryHalve;
        int calls = 0;
        bool even = tryParse(10, out int half, ref calls);
        bool odd = tryParse(7, out int halfOdd, ref calls);
        ok &= Check.That(even && half == 5 && !odd && halfOdd == 3 && calls == 2, "ref and out parameters");

        Pick<string> pick = First;
        Pick<long> pickLong = First;
        ok &= Check.That(pick("a", "b") == "a" && pickLong(1L << 40, 2) == 1L << 40, "generic methods and delegates");

        Func<string> name = () => "keyboard";
        Func<object> covariant = name;   // Func<out TResult>
        Action<object> sink = o => captured = o is string s ? s.Length : -1;
        Action<string> contravariant = sink;   // Action<in T>
        contravariant((string)covariant());
        ok &= Check.That(captured == 8, "delegate variance");

        ok &= Check.That(Apply(staticMethod, 12) == 144 && Apply(x => x - 1, 43) == 42, "delegates as arguments");
        ok &= Check.That(TwoWorldsDelegates(), "delegates across assemblies");
        KernelLog.WriteLine("delegates: static, instance, virtual, interface, struct, lambdas, closures, variance");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Apply(Func<int, int> function, int value) => function(value);

    private static bool TwoWorldsDelegates()
    {
        Func<uint, uint> fromLibrary = new AddStep(2).Apply;
        return SelfCheck.Map(fromLibrary, 40) == 42;
    }

    private static bool HasLength(this string text, int length) => text.Length == length;
}
