namespace Redox.Kernel.Memory;

/// <summary>
/// Page-table isolation: the kernel half of every process's user view (docs/kernel/address-space.md). It maps, at
/// the kernel's own addresses and to the same frames, only what a ring crossing needs before the kernel's root is
/// loaded and after the user's is: the entry code (supervisor, read + execute) and the entry area (supervisor, read +
/// write, no execute: the per-CPU block, GDT, IDT, TSS and entry stack). Nothing is global, so no kernel translation
/// outlives a CR3 write. Built once at boot; each user root copies its kernel-half PML4 entries, so the tables below
/// are shared and never change.
/// </summary>
public static class UserViewTemplate
{
    /// <summary>The flags of the entry code's pages: present only (supervisor, read-only, executable).</summary>
    public const ulong CodeFlags = 0;

    /// <summary>The flags of the entry area's pages.</summary>
    public const ulong DataFlags = PageTableEntry.Writable | PageTableEntry.NoExecute;

    /// <summary>
    /// A new space holding [<paramref name="codeStart"/>, <paramref name="codeEnd"/>) and [<paramref name="dataStart"/>,
    /// <paramref name="dataEnd"/>) (page-aligned, in the kernel half) mapped as in <paramref name="kernel"/>; null when a
    /// page of them is not mapped there, a range is not page-aligned or not in the kernel half, or frames ran out (the
    /// boot then stops: the few table frames taken are not worth giving back).
    /// </summary>
    public static AddressSpace? Build(AddressSpace kernel, ulong codeStart, ulong codeEnd, ulong dataStart, ulong dataEnd)
    {
        if (!Valid(codeStart, codeEnd) || !Valid(dataStart, dataEnd)) return null;
        AddressSpace template = new AddressSpace(kernel.FrameSource, kernel.PhysicalWindow);
        if (template.Root == 0) return null;
        return MapLike(kernel, template, codeStart, codeEnd, CodeFlags) && MapLike(kernel, template, dataStart, dataEnd, DataFlags)
            ? template : null;
    }

    private static bool Valid(ulong start, ulong end) =>
        ((start | end) & 0xFFF) == 0 && start < end && start >> 47 == 0x1FFFF && end - 1 >> 47 == 0x1FFFF;

    private static bool MapLike(AddressSpace kernel, AddressSpace template, ulong start, ulong end, ulong flags)
    {
        for (ulong page = start; page < end; page += FrameAllocator.FrameSize)
        {
            if (!kernel.TryTranslate(page, out ulong physical) || !template.Map(page, physical, flags)) return false;
        }
        return true;
    }
}
