using System;

namespace Redox.Testing;

/// <summary>
/// The hosted kernel's copy-on-write lists (arrays read without a lock and replaced whole by their rare writers): the
/// client slots a driver polls, and a thread's slots per endpoint.
/// </summary>
internal static class CopyOnWrite
{
    /// <summary>
    /// A new array: the elements of <paramref name="items"/> that <paramref name="keep"/> accepts, in order, then
    /// <paramref name="added"/>. <paramref name="keep"/> is asked once per element: what it looks at may change
    /// meanwhile (a client thread ends, its call completes), and asking twice could leave a hole in the array.
    /// </summary>
    public static T[] KeepThenAppend<T>(T[] items, Predicate<T> keep, T added)
    {
        var grown = new T[items.Length + 1];
        int kept = 0;
        foreach (T item in items)
        {
            if (keep(item))
            {
                grown[kept++] = item;
            }
        }
        grown[kept++] = added;
        if (kept != grown.Length)
        {
            Array.Resize(ref grown, kept);
        }
        return grown;
    }
}
