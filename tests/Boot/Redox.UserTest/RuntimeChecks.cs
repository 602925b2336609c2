/// <summary>Named checks for the runtime scenarios: each failure prints one line; the scenario fails if any did.</summary>
internal static class RuntimeChecks
{
    private static bool s_failed;

    /// <summary>True when no check failed yet.</summary>
    public static bool AllPassed => !s_failed;

    /// <summary>Records <paramref name="condition"/>; prints <paramref name="what"/> when it is false.</summary>
    public static void That(bool condition, ReadOnlySpan<byte> what)
    {
        if (condition) return;
        s_failed = true;
        Output.Fail(what);
    }
}
