/// <summary>An unhandled throw: must reach the kernel panic with the exception's type and message.</summary>
public static class PanicScenario
{
    /// <summary>Never returns.</summary>
    public static bool Run() => Fail(3);

    private static bool Fail(int depth)
    {
        if (depth == 0) throw new InvalidOperationException("deliberate failure from the boot test");
        return Fail(depth - 1);
    }
}
