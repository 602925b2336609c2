/// <summary>A field read through a null reference: page 0 is unmapped, so it faults with CR2 near 0.</summary>
public static class NullReferenceScenario
{
    private sealed class Holder
    {
        public int Value = 42;
    }

    // Never assigned: the point is to read through null without the compiler seeing it coming.
#pragma warning disable CS0649
    private static Holder? s_nothing;
    private static bool s_flag;
#pragma warning restore CS0649

    /// <summary>Never returns when the fault is caught.</summary>
    public static bool Run()
    {
        Holder? holder = System.Threading.Volatile.Read(ref s_flag) ? new Holder() : s_nothing;
        return holder!.Value == 42;
    }
}
