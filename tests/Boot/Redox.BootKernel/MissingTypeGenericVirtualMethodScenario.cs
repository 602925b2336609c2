using System.Runtime.CompilerServices;

/// <summary>
/// What the runtime still cannot do for shared generic code: a generic virtual method over a reference type whose
/// shared code allocates <c>Crate&lt;Label&gt;</c>, a type no other code constructs, so ILC 10 leaves it to a type
/// loader and the image has no MethodTable for it; the runtime builds such types from their canonical template, but
/// not one whose base class is generic over its type parameter (its exact base would have to be built too). Building the dictionary fails and the kernel panics naming the generic type, instead of calling the code
/// with a wrong or missing type.
/// </summary>
public static class MissingTypeGenericVirtualMethodScenario
{
    private sealed class Label
    {
    }

    private class Bin<T>
    {
        public T? Item;
    }

    private sealed class Crate<T> : Bin<T>
    {
    }

    private abstract class Packer
    {
        public abstract int Pack<T>(T item);
    }

    private sealed class CratePacker : Packer
    {
        public override int Pack<T>(T item) => new Crate<T> { Item = item }.Item is null ? 0 : 1;
    }

    private sealed class NullPacker : Packer
    {
        public override int Pack<T>(T item) => 2;
    }

    /// <summary>Never returns: the first call over <c>Label</c> panics.</summary>
    public static bool Run()
    {
        Packer[] packers = { new NullPacker(), new CratePacker() };
        bool ok = Check.That(Pack(packers[0], new Label()) == 2, "a shared GVM whose dictionary is empty runs");
        return ok && Pack(packers[1], new Label()) == 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Pack<T>(Packer packer, T item) => packer.Pack(item);
}
