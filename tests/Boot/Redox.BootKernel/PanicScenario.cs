/// <summary>An unhandled throw: must reach the kernel panic with the exception's type and message.</summary>
public static class PanicScenario
{
    /// <summary>Never returns.</summary>
    public static bool Run() => Fail(3);

    private static bool Fail(int depth)
    {
#pragma warning disable RDX1080 // The point of this scenario: a throw must reach the kernel panic.
        if (depth == 0) throw new InvalidOperationException("deliberate failure from the boot test");
#pragma warning restore RDX1080
        return Fail(depth - 1);
    }
}
