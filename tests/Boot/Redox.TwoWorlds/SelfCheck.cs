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
        return digest;
    }
}
