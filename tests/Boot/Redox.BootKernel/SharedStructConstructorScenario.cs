using System.Runtime.CompilerServices;

/// <summary>
/// What the runtime still cannot do for <c>new T()</c> in shared code: T a generic struct over a reference type with a
/// parameterless constructor of its own (<c>Counter&lt;Label&gt;</c>). ILC lists that constructor only as an unboxing
/// entry, which <c>Activator.CreateInstance</c> cannot call on an unboxed value; the kernel panics naming the struct
/// instead of handing back a value whose constructor never ran.
/// </summary>
public static class SharedStructConstructorScenario
{
    private sealed class Label
    {
    }

    private struct Counter<T>
    {
        public uint Count;
        public T? Item;

        public Counter() => Count = 5;
    }

    private abstract class Maker
    {
        public abstract T Make<T>() where T : new();
    }

    private sealed class NewMaker : Maker
    {
        public override T Make<T>() => new T();
    }

    /// <summary>Never returns: the call over <c>Counter&lt;Label&gt;</c> panics.</summary>
    public static bool Run()
    {
        Maker maker = new NewMaker();
        bool ok = Check.That(Make<Label>(maker) != null, "new T() of a class in the same shared GVM runs");
        return ok && Make<Counter<Label>>(maker).Count == 5;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Make<T>(Maker maker) where T : new() => maker.Make<T>();
}
