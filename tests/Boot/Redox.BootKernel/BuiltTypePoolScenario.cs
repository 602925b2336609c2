using System.Runtime.CompilerServices;

/// <summary>
/// What the runtime still cannot do for shared generic code: build more MethodTables than its fixed pool holds. A
/// generic virtual method over a reference type calls itself over <c>Nest&lt;T&gt;</c>, so each level's shared code
/// allocates a deeper <c>Nest&lt;Nest&lt;…Seed…&gt;&gt;</c> (and casts it to its four generic interfaces): types no
/// other code constructs, so the runtime builds each one, and its interfaces, until the pool is full. The kernel must
/// then panic, saying so, instead of handing out memory it does not have.
/// </summary>
public static class BuiltTypePoolScenario
{
    private sealed class Seed
    {
    }

    private interface IFirst<T>
    {
    }

    private interface ISecond<T>
    {
    }

    private interface IThird<T>
    {
    }

    private interface IFourth<T>
    {
    }

    private sealed class Nest<T> : IFirst<T>, ISecond<T>, IThird<T>, IFourth<T>
    {
        public T? Inner;
    }

    private abstract class Digger
    {
        public abstract int Dig<T>(Digger next, int depth);
    }

    private sealed class NestDigger : Digger
    {
        // Through `next` (two implementers), so ILC cannot call Dig<Nest<T>> directly: each level is looked up, and
        // its dictionary built, only when it is reached.
        public override int Dig<T>(Digger next, int depth)
        {
            object nest = new Nest<T>();
            bool typed = nest is IFirst<T> && nest is ISecond<T> && nest is IThird<T> && nest is IFourth<T>;
            return depth == 0 || !typed ? 0 : 1 + next.Dig<Nest<T>>(next, depth - 1);
        }
    }

    private sealed class StopDigger : Digger
    {
        public override int Dig<T>(Digger next, int depth) => 0;
    }

    /// <summary>Never returns: the pool fills long before the last level.</summary>
    public static bool Run()
    {
        Digger[] diggers = { new StopDigger(), new NestDigger() };
        bool ok = Check.That(Dig<Seed>(diggers[0], diggers[1], 5) == 0, "the other implementer");
        int levels = Dig<Seed>(diggers[1], diggers[1], 1000);
        Check.Report("gvmpool: levels built before the pool filled", (ulong)levels);
        return ok && Check.That(false, "a full pool of built MethodTables ends in a panic");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Dig<T>(Digger digger, Digger next, int depth) => digger.Dig<T>(next, depth);
}
