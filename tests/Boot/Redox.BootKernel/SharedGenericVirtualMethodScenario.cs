using System.Runtime.CompilerServices;

/// <summary>
/// What RDX2008 still reports, run anyway (the rule suppressed here only): a generic virtual method called with a
/// reference-type argument needs shared code and a generic dictionary the runtime cannot build, so the lookup
/// finds no compiled code and the kernel panics with a message that names the rule, instead of calling wrong code.
/// </summary>
public static class SharedGenericVirtualMethodScenario
{
    private abstract class Namer
    {
        public abstract int Name<T>(T value);
    }

    private sealed class ShortNamer : Namer
    {
        public override int Name<T>(T value) => 1;
    }

    private sealed class LongNamer : Namer
    {
        public override int Name<T>(T value) => 2;
    }

    /// <summary>Never returns: the second call panics.</summary>
    public static bool Run()
    {
        Namer[] namers = { new ShortNamer(), new LongNamer() };
        bool ok = Check.That(Name(namers[0], 5) == 1 && Name(namers[1], 5) == 2, "a value-type instantiation works");
#pragma warning disable RDX2008 // on purpose: this scenario shows what the rule prevents
        return ok && NameShared(namers[1], "text") == 2;
#pragma warning restore RDX2008
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Name(Namer namer, int value) => namer.Name(value);

#pragma warning disable RDX2008
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NameShared(Namer namer, string value) => namer.Name(value);
#pragma warning restore RDX2008
}
