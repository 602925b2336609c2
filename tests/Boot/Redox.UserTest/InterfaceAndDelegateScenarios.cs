using System.Runtime.CompilerServices;
using Redox.TwoWorlds;

/// <summary>
/// General interface dispatch and delegates in ring 3, the same features the kernel's <c>interfaces</c> and
/// <c>delegates</c> boot scenarios check: five implementers across two assemblies (Redox.TwoWorlds and this
/// program), default interface methods, variance, generic interfaces over structs, and delegates of every kind.
/// </summary>
internal static class InterfaceAndDelegateScenarios
{
    private sealed class XorStep : IDigestStep
    {
        public uint Apply(uint state) => state ^ 0xA5A5A5A5;
    }

    // Derives from a class in the other assembly and overrides its virtual implementation of the interface.
    private sealed class FastRotateStep : RotateStep
    {
        protected override int Bits => 11;

        public override uint Apply(uint state) => base.Apply(state) + 1;
    }

    private interface IDevice
    {
        int Id { get; }

        int Score() => Id * 100;   // a default interface method
    }

    private sealed class Keyboard : IDevice
    {
        public int Id => 1;
    }

    private struct Port : IDevice
    {
        public int Value;

        public int Id => Value;

        public int Score() => 7;
    }

    private delegate int Transform(int value);

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

    private static int Square(int x) => x * x;

    private static T First<T>(T first, T second) => first;

    /// <summary>Checks interface calls, then delegates; true when every result matches a direct call.</summary>
    public static void Run()
    {
        AddStep add = new AddStep(7);
        MultiplyStep multiply = new MultiplyStep(31);
        RotateStep rotate = new RotateStep();
        XorStep xor = new XorStep();
        FastRotateStep fast = new FastRotateStep();
        IDigestStep[] steps = { add, multiply, rotate, xor, fast };

        uint expected = fast.Apply(xor.Apply(rotate.Apply(multiply.Apply(add.Apply(1)))));
        uint actual = 1;
        foreach (IDigestStep step in steps) actual = Apply(step, actual);
        RuntimeChecks.That(actual == expected, "five implementers across two assemblies"u8);

        uint twice = 5, twiceExpected = fast.Apply(fast.Apply(xor.Apply(xor.Apply(rotate.Apply(rotate.Apply(multiply.ApplyTwice(add.Apply(add.Apply(5)))))))));
        foreach (IDigestStep step in steps) twice = step.ApplyTwice(twice);
        RuntimeChecks.That(twice == twiceExpected, "default interface methods across assemblies"u8);

        object[] devices = { new Keyboard(), new Port { Value = 3 } };
        int scores = 0;
        foreach (object device in devices) scores += ((IDevice)device).Score() + ((IDevice)device).Id;
        RuntimeChecks.That(scores == 100 + 1 + 7 + 3, "default methods and boxed structs"u8);

        object producerObject = new NameProducer(), consumerObject = new LengthConsumer();
        IProducer<object> producer = (IProducer<object>)producerObject;      // covariance
        IConsumer<string> consumer = (IConsumer<string>)consumerObject;      // contravariance
        RuntimeChecks.That(consumer.Consume((string)producer.Produce()) == 12 && consumerObject is not IConsumer<int>, "variance"u8);

        object[] cells = { new Cell<int>(40), new Cell<long>(1L << 40) };
        long sum = 0;
        foreach (object cell in cells)
        {
            if (cell is ICell<int> i) sum += i.Value;
            if (cell is ICell<long> l) sum += l.Value;
        }
        RuntimeChecks.That(sum == 40 + (1L << 40), "generic interfaces over structs"u8);

        Func<int, int> staticMethod = Square;
        Transform custom = new Transform(Square);
        RuntimeChecks.That(staticMethod(9) == 81 && custom(-4) == 16, "static methods, custom delegate type"u8);

        Counter counter = new Counter();
        Func<int, int> instance = counter.Add;
        instance(5);
        instance(6);
        Func<int> virtualMethod = ((Animal)new Spider()).Legs;
        Func<uint, uint> interfaceMethod = ((IDigestStep)multiply).Apply;
        Port port = new Port { Value = 42 };
        Func<int> structMethod = port.Score;
        RuntimeChecks.That(counter.Count == 11 && virtualMethod() == 8 && interfaceMethod(2) == 62 && structMethod() == 7,
            "closed instance, virtual, interface and struct methods"u8);

        int captured = 0;
        Action<int> closure = amount => captured += amount;
        closure(40);
        closure(2);
        Func<int, int, int> lambda = (a, b) => a * 10 + b;
        RuntimeChecks.That(captured == 42 && lambda(4, 2) == 42, "lambdas with and without captures"u8);

        Func<string, string, string> pick = First;
        Func<string> name = () => "keyboard";
        Func<object> covariant = name;
        Action<object> sink = o => captured = o is string s ? s.Length : -1;
        Action<string> contravariant = sink;
        contravariant((string)covariant());
        RuntimeChecks.That(pick("a", "b") == "a" && captured == 8, "generic methods and delegate variance"u8);

        RuntimeChecks.That(SelfCheck.Map(new AddStep(2).Apply, 40) == 42 && SelfCheck.Map(x => x * 2, 21) == 42, "delegates across assemblies"u8);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Apply(IDigestStep step, uint state) => step.Apply(state);
}
