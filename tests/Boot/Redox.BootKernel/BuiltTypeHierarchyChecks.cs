using System.Runtime.CompilerServices;

/// <summary>
/// Part of <c>gvmshared</c>: MethodTables the runtime builds for shared code, beyond a plain generic class
/// (<see cref="SharedGenericVirtualMethodScenario"/>'s <c>Tote&lt;T&gt;</c>). <c>Crate&lt;Label&gt;</c> derives from
/// <c>Bin&lt;Label&gt;</c>, which derives from <c>Vessel&lt;Label&gt;</c>, and implements <c>IHolding&lt;Label&gt;</c>:
/// no exact code names any of them, so the runtime builds the whole chain (the base classes and the interface too).
/// Each base's own shared code reads its own dictionary slot in the built type's vtable, casts to the bases and the
/// interface must succeed, a virtual call must reach the override, and an interface call (three implementers, so a
/// real dispatch cell) must go through the built interface. Arrays of a struct only shared code constructs an array
/// of (<c>Tag&lt;Label&gt;[]</c>) are built with the struct's size as their component size. Every check goes through
/// a GVM with a type parameter, never through exact code naming these types (which would make ILC emit them).
/// </summary>
public static class BuiltTypeHierarchyChecks
{
    private sealed class Label
    {
        public uint Mark = 23;
    }

    private interface IHolding<T>
    {
        T Held();

        uint Weight();
    }

    private class Vessel<T>
    {
        // Shared code of the base of the base: `is T` reads Vessel's dictionary slot in the receiver's vtable.
        public bool Accepts(object item) => item is T;
    }

    private class Bin<T> : Vessel<T>
    {
        public T? Item;

        public virtual uint Kind() => 1;

        // Bin's own dictionary: an array of T.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public object Row() => new T[3];
    }

    // IEquatable<Crate<T>> names the type being built: the runtime must list Crate<Label> before it builds that interface.
    private sealed class Crate<T> : Bin<T>, IHolding<T>, IEquatable<Crate<T>>
    {
        public override uint Kind() => 2;

        public bool Equals(Crate<T>? other) => other == this;

        public T Held() => Item!;

        public uint Weight() => 30;
    }

    // Two more implementers of IHolding<T>, so shared code's interface call needs a real dispatch cell.
    private sealed class Jar<T> : IHolding<T>
    {
        public T? Item;

        public T Held() => Item!;

        public uint Weight() => 10;
    }

    private sealed class Sack : IHolding<string>
    {
        public string Held() => "sack";

        public uint Weight() => 20;
    }

    // A struct over a reference type: shared code over it is shared, and `new T[n]` over it needs its array.
    private struct Tag<T>
    {
        public uint Number;
        public T? Owner;
        public uint Check;
    }

    private abstract class Crater
    {
        public abstract object Pack<T>(T item);

        public abstract bool IsBin<T>(object box);

        public abstract bool IsVessel<T>(object box);

        public abstract bool IsHolding<T>(object box);

        public abstract uint Kind<T>(object box);

        public abstract uint Weight<T>(object holder);

        public abstract T Held<T>(object holder);

        public abstract int BinRowLength<T>(object box);

        public abstract bool Accepts<T>(object box, object item);

        public abstract bool EqualsItself<T>(object box);

        public abstract object Tags<T>(int length, T owner);

        public abstract uint SumTags<T>(object tags);
    }

    private sealed class CrateCrater : Crater
    {
        public override object Pack<T>(T item) => new Crate<T> { Item = item };

        public override bool IsBin<T>(object box) => box is Bin<T>;

        public override bool IsVessel<T>(object box) => box is Vessel<T>;

        public override bool IsHolding<T>(object box) => box is IHolding<T>;

        public override uint Kind<T>(object box) => ((Bin<T>)box).Kind();

        public override uint Weight<T>(object holder) => ((IHolding<T>)holder).Weight();

        public override T Held<T>(object holder) => ((IHolding<T>)holder).Held();

        public override int BinRowLength<T>(object box) => ((Bin<T>)box).Row() is T[] row ? row.Length : -1;

        public override bool Accepts<T>(object box, object item) => ((Vessel<T>)box).Accepts(item);

        public override bool EqualsItself<T>(object box) => box is IEquatable<Crate<T>> equatable && equatable.Equals((Crate<T>)box);

        // An array of Tag<T>: each element written and read back, so a wrong component size shows.
        public override object Tags<T>(int length, T owner)
        {
            Tag<T>[] tags = new Tag<T>[length];
            for (int i = 0; i < length; i++) tags[i] = new Tag<T> { Number = (uint)i + 1, Owner = owner, Check = 7 };
            return tags;
        }

        public override uint SumTags<T>(object tags)
        {
            if (tags is not Tag<T>[] typed) return 0;
            uint sum = 0;
            foreach (Tag<T> tag in typed) sum += tag.Number * (tag.Owner is null ? 0u : 1u) + tag.Check;
            return sum;
        }
    }

    /// <summary>Passes when the built chain behaves as the host's.</summary>
    public static bool Run()
    {
        bool ok = true;
        Crater crater = new CrateCrater();
        Label label = new Label();
        object crate = Pack(crater, label);
        ok &= Check.That(IsBin<Label>(crater, crate) && IsVessel<Label>(crater, crate) && IsHolding<Label>(crater, crate),
            "a built type whose base classes and interface are generic over its type parameter: cast to each");
        ok &= Check.That(!IsBin<string>(crater, crate) && !IsHolding<string>(crater, crate), "and not to their other instantiations");
        ok &= Check.That(EqualsItself<Label>(crater, crate) && !EqualsItself<string>(crater, crate), "a built interface over the built type itself");
        ok &= Check.That(Kind<Label>(crater, crate) == 2, "a virtual call on the built type reaches its override");
        ok &= Check.That(BinRowLength<Label>(crater, crate) == 3 && Accepts<Label>(crater, crate, label) && !Accepts<Label>(crater, crate, "text"),
            "the bases' shared code over their own dictionaries in the built type");

        object jar = new Jar<string> { Item = "jar" };
        object sack = new Sack();
        ok &= Check.That(Weight<string>(crater, jar) == 10 && Weight<string>(crater, sack) == 20 && Held<string>(crater, jar) == "jar",
            "the interface's other implementers");
        ok &= Check.That(Weight<Label>(crater, crate) == 30 && Held<Label>(crater, crate) == label, "an interface call through the built interface");
        object second = Pack(crater, new Label { Mark = 5 });
        ok &= Check.That(IsBin<Label>(crater, second) && Held<Label>(crater, second).Mark == 5, "a second object of the built type");

        object tags = Tags(crater, 4, label);
        ok &= Check.That(SumTags<Label>(crater, tags) == 1 + 2 + 3 + 4 + 4 * 7 && SumTags<string>(crater, tags) == 0,
            "an array of a struct over a reference type only shared code constructs");
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Pack<T>(Crater crater, T item) => crater.Pack(item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsBin<T>(Crater crater, object box) => crater.IsBin<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsVessel<T>(Crater crater, object box) => crater.IsVessel<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsHolding<T>(Crater crater, object box) => crater.IsHolding<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Kind<T>(Crater crater, object box) => crater.Kind<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Weight<T>(Crater crater, object holder) => crater.Weight<T>(holder);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Held<T>(Crater crater, object holder) => crater.Held<T>(holder);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int BinRowLength<T>(Crater crater, object box) => crater.BinRowLength<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Accepts<T>(Crater crater, object box, object item) => crater.Accepts<T>(box, item);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool EqualsItself<T>(Crater crater, object box) => crater.EqualsItself<T>(box);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object Tags<T>(Crater crater, int length, T owner) => crater.Tags(length, owner);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint SumTags<T>(Crater crater, object tags) => crater.SumTags<T>(tags);
}
