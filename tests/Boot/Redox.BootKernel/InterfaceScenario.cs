using System.Runtime.CompilerServices;
using Redox.Kernel.Diagnostics;
using Redox.TwoWorlds;

/// <summary>
/// General interface dispatch: an interface with five implementers in two assemblies (Redox.TwoWorlds and this
/// one), default interface methods, interface inheritance, variance, generic interfaces over structs. Each result
/// is checked against the same computation through the concrete types (direct calls).
/// </summary>
public static class InterfaceScenario
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
    }

    private interface INamedDevice : IDevice
    {
        int Score() => Id * 100;
    }

    private interface IResettable
    {
        int Reset();
    }

    private sealed class Keyboard : INamedDevice, IResettable
    {
        public int Id => 1;

        public int Reset() => 0xFA;
    }

    private sealed class Mouse : INamedDevice, IResettable
    {
        public int Id => 2;

        public int Score() => 7;

        int IResettable.Reset() => 0xAA;   // explicit implementation
    }

    private struct Port : IResettable
    {
        public int Value;

        public int Reset() => Value;
    }

    /// <summary>Passes when every interface call reaches the implementation the host would call.</summary>
    public static bool Run()
    {
        bool ok = true;
        AddStep add = new AddStep(7);
        MultiplyStep multiply = new MultiplyStep(31);
        RotateStep rotate = new RotateStep();
        XorStep xor = new XorStep();
        FastRotateStep fast = new FastRotateStep();
        IDigestStep[] steps = { add, multiply, rotate, xor, fast };

        uint expected = fast.Apply(xor.Apply(rotate.Apply(multiply.Apply(add.Apply(1)))));
        uint actual = 1;
        foreach (IDigestStep step in steps) actual = step.Apply(actual);
        ok &= Check.That(actual == expected, "five implementers across two assemblies");

        // Default interface method (four use it, MultiplyStep overrides it).
        uint twiceExpected = fast.Apply(fast.Apply(xor.Apply(xor.Apply(rotate.Apply(rotate.Apply(multiply.ApplyTwice(add.Apply(add.Apply(5)))))))));
        uint twice = 5;
        foreach (IDigestStep step in steps) twice = ApplyTwice(step, twice);
        ok &= Check.That(twice == twiceExpected, "default interface methods");

        // A polymorphic call site, many times over: the monomorphic stub misses and the global table answers.
        uint loop = 0, loopExpected = 0;
        for (int i = 0; i < 200; i++)
        {
            IDigestStep step = steps[i % steps.Length];
            loop = Apply(step, loop);
            loopExpected = (i % 5) switch
            {
                0 => add.Apply(loopExpected),
                1 => multiply.Apply(loopExpected),
                2 => rotate.Apply(loopExpected),
                3 => xor.Apply(loopExpected),
                _ => fast.Apply(loopExpected),
            };
        }
        ok &= Check.That(loop == loopExpected, "polymorphic call site");

        // Interface inheritance, a default method on the derived interface, explicit implementations, a boxed struct.
        object[] devices = { new Keyboard(), new Mouse(), new Port { Value = 0x55 } };
        int scores = 0, resets = 0;
        foreach (object device in devices)
        {
            if (device is INamedDevice named) scores += named.Score() + named.Id;
            if (device is IResettable resettable) resets += resettable.Reset();
        }
        ok &= Check.That(scores == 100 + 1 + 7 + 2, "inherited interfaces and default methods");
        ok &= Check.That(resets == 0xFA + 0xAA + 0x55, "explicit implementations and boxed structs");

        // Variance: IProducer<string> used as IProducer<object>, IConsumer<object> as IConsumer<string>.
        object producerObject = new NameProducer();
        object consumerObject = new LengthConsumer();
        ok &= Check.That(producerObject is IProducer<object> && producerObject is IProducer<string>, "covariant cast");
        ok &= Check.That(consumerObject is IConsumer<string> && consumerObject is not IConsumer<int>, "contravariant cast");
        IProducer<object> producer = (IProducer<object>)producerObject;
        IConsumer<string> consumer = (IConsumer<string>)consumerObject;
        ok &= Check.That(consumer.Consume((string)producer.Produce()) == 12, "variant interface calls");

        // Generic interfaces over structs, reached through object.
        object[] cells = { new Cell<int>(40), new Cell<long>(1L << 40) };
        long sum = 0;
        foreach (object cell in cells)
        {
            if (cell is ICell<int> i) sum += i.Value;
            if (cell is ICell<long> l) sum += l.Value;
        }
        ok &= Check.That(sum == 40 + (1L << 40), "generic interfaces over structs");

        KernelLog.WriteLine("interfaces: five implementers, default methods, variance, generic interfaces");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Apply(IDigestStep step, uint state) => step.Apply(state);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint ApplyTwice(IDigestStep step, uint state) => step.ApplyTwice(state);
}
