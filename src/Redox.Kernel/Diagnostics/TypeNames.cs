using Redox.Kernel.Arch;

namespace Redox.Kernel.Diagnostics;

/// <summary>
/// Names for MethodTable addresses, for panics: bare metal carries no reflection metadata, so Redox.Sdk links a
/// table (address, name) sorted by address, built from the kernel's own symbols.
/// </summary>
public static unsafe class TypeNames
{
    /// <summary>The type's name (ILC's mangled form, CoreLib prefix dropped), or empty when unknown.</summary>
    public static ReadOnlySpan<byte> Find(ulong methodTable) => Find(Image.TypeNameTable(), methodTable);

    /// <summary>Looks up <paramref name="methodTable"/> in a table: a count, then (address, C-string pointer) pairs.</summary>
    public static ReadOnlySpan<byte> Find(ulong* table, ulong methodTable)
    {
        if (table == null) return default;
        long low = 0, high = (long)table[0] - 1;
        ulong* entries = table + 1;
        while (low <= high)
        {
            long middle = (low + high) / 2;
            ulong address = entries[middle * 2];
            if (address == methodTable)
            {
                byte* name = (byte*)entries[middle * 2 + 1];
                int length = 0;
                while (name[length] != 0) length++;
                return new ReadOnlySpan<byte>(name, length);
            }
            if (address < methodTable) low = middle + 1;
            else high = middle - 1;
        }
        return default;
    }
}
