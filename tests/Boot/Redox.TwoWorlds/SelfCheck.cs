namespace Redox.TwoWorlds;

/// <summary>Exercises the library and folds every result into one number, identical in both worlds.</summary>
public static class SelfCheck
{
    /// <summary>The digest of all checks.</summary>
    public static uint Digest()
    {
        uint digest = Crc32.Compute("Redox.NET: one DLL, two worlds"u8);

        Span<int> storage = stackalloc int[4];
        RingBuffer<int> ring = new RingBuffer<int>(storage);
        for (int i = 1; i <= 6; i++) ring.TryEnqueue(i * 10);       // the last two do not fit
        while (ring.TryDequeue(out int item)) digest = digest * 31 + (uint)item;

        if (SchemePath.TrySplit("ps2:keyboard"u8, out ReadOnlySpan<byte> scheme, out ReadOnlySpan<byte> reference))
            digest = digest * 31 + Crc32.Compute(scheme) + (uint)reference.Length;

        Shape[] shapes = { new Rectangle(3, 4), new Square(5) };
        foreach (Shape shape in shapes) digest = digest * 31 + (uint)(shape.Area() * shape.Tag());
        digest = Interfaces(digest);
        digest = Delegates(digest);
        digest = Codecs.Digest(digest);
        digest = Shelves.Digest(digest);
        digest = Failures.Digest(digest);
        return digest;
    }

    /// <summary>Applies <paramref name="function"/>: callers in other assemblies pass their own delegates.</summary>
    public static uint Map(Func<uint, uint> function, uint value) => function(value);

    /// <summary>Delegates of several kinds: static, closed instance, interface, lambdas with and without captures.</summary>
    public static uint Delegates(uint digest)
    {
        uint calls = 0;
        IDigestStep rotate = new RotateStep();
        Func<uint, uint>[] functions =
        {
            Crc32Step,
            new AddStep(9).Apply,
            rotate.Apply,
            x => x * 31,
            x => x ^ ++calls,
        };
        for (int round = 0; round < 2; round++)
        {
            foreach (Func<uint, uint> function in functions) digest = Map(function, digest);
        }
        Action<uint> record = value => calls += value & 0xF;
        record(digest);
        return digest * 31 + calls;
    }

    private static uint Crc32Step(uint state) => Crc32.Compute("step"u8) ^ state;

    /// <summary>Interface calls ILC cannot devirtualise: five implementers, a default method, generic and variant interfaces.</summary>
    public static uint Interfaces(uint digest) => Interfaces(digest, new IDigestStep[] { new AddStep(7), new MultiplyStep(31), new RotateStep() });

    /// <summary>Folds every step (and its two-step form) into <paramref name="digest"/>; callers may add their own implementers.</summary>
    public static uint Interfaces(uint digest, IDigestStep[] steps)
    {
        for (int round = 0; round < 3; round++)
        {
            foreach (IDigestStep step in steps) digest = step.Apply(digest);
            foreach (IDigestStep step in steps) digest = step.ApplyTwice(digest);
        }
        IProducer<object> producer = new NameProducer();      // covariance: IProducer<string> as IProducer<object>
        IConsumer<string> consumer = new LengthConsumer();    // contravariance: IConsumer<object> as IConsumer<string>
        digest = digest * 31 + (uint)consumer.Consume((string)producer.Produce());
        object[] cells = { new Cell<int>(40), new Cell<long>(2) };
        foreach (object cell in cells)
        {
            if (cell is ICell<int> i) digest = digest * 31 + (uint)i.Value;
            if (cell is ICell<long> l) digest = digest * 31 + (uint)l.Value;
        }
        return digest;
    }
}
