using Redox.Kernel.Arch;
using Redox.Kernel.Memory;
using Redox.Syscall;

namespace Redox.Kernel.Processes;

/// <summary>
/// The only way the kernel touches a process's memory. Every (pointer, length) a process passes must lie inside the
/// user half with no overflow (so kernel addresses, non-canonical addresses and ranges that cross into the kernel half
/// are out, the kernel half being mapped in every process). Whether each page is there, and writable when the kernel
/// writes, is checked in one of two ways: a copy to or from the current process lets the MMU say (a page fault in the
/// copy makes it EFAULT, <see cref="Cpu.CopyUser"/>), which costs nothing when the pointer is good; <see cref="Check(AddressSpace, ulong, ulong, bool)"/>
/// and <see cref="CopyAcross(AddressSpace, ulong, ulong, ulong)"/> walk the process's page tables, for a range that must be known good before anything
/// is consumed, or one in a process that is not current. A bad pointer is EFAULT, never a fault in the kernel.
/// </summary>
public static unsafe class UserMemory
{
    /// <summary>0 when the whole range may be read (or written, with <paramref name="write"/>); else EFAULT.</summary>
    public static Errno Check(AddressSpace space, ulong address, ulong length, bool write)
        => Check(space, address, length, write, out _);

    /// <summary><see cref="Check(AddressSpace, ulong, ulong, bool)"/> that also gives the first page's leaf (for <see cref="CopyAcross(AddressSpace, ulong, ulong, ulong, ulong)"/>; 0 when the range is empty).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Errno Check(AddressSpace space, ulong address, ulong length, bool write, out ulong firstLeaf)
    {
        firstLeaf = 0;
        if (length == 0) return 0;
        if (!UserLayout.Contains(address, length)) return Errno.EFAULT;
        ulong end = address + length;
        ulong required = PageTableEntry.Present | PageTableEntry.User | (write ? PageTableEntry.Writable : 0);
        ulong page = address & ~0xFFFUL;
        firstLeaf = space.LeafOf(page);
        if ((firstLeaf & required) != required) return Errno.EFAULT;
        for (page += 0x1000; page < end; page += 0x1000)
        {
            if ((space.LeafOf(page) & required) != required) return Errno.EFAULT;
        }
        return 0;
    }

    /// <summary>Copies <paramref name="length"/> bytes from the current process at <paramref name="source"/> into the kernel.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Errno CopyIn(void* destination, ulong source, ulong length)
    {
        if (length == 0) return 0;
        if (!UserLayout.Contains(source, length)) return Errno.EFAULT;
        return Cpu.CopyUser(destination, (void*)source, (nuint)length) ? 0 : Errno.EFAULT;
    }

    /// <summary>
    /// Copies <paramref name="length"/> kernel bytes to the current process at <paramref name="destination"/>. On EFAULT
    /// the bytes before the bad page may have been written.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Errno CopyOut(ulong destination, void* source, ulong length)
    {
        if (length == 0) return 0;
        if (!UserLayout.Contains(destination, length)) return Errno.EFAULT;
        return Cpu.CopyUser((void*)destination, source, (nuint)length) ? 0 : Errno.EFAULT;
    }

    /// <summary>Copies to the current process at <paramref name="destination"/>, which <see cref="Check(AddressSpace, ulong, ulong, bool)"/> has just accepted for writing.</summary>
    public static void CopyOutChecked(ulong destination, void* source, ulong length)
        => Cpu.CopyUser((void*)destination, source, (nuint)length);      // cannot fail: every page was just walked

    /// <summary>
    /// Copies <paramref name="length"/> bytes from the current process at <paramref name="source"/> to another process's
    /// memory (a scheme call's buffer between a client and its driver). The other side is reached through the physical
    /// window, page by page as its page tables say (it must be writable there); the current side is read by the copy
    /// itself, whose page faults make it EFAULT. The bytes before a bad page may have moved: the call then fails.
    /// </summary>
    public static Errno CopyAcross(AddressSpace to, ulong destination, ulong source, ulong length)
        => CopyAcross(to, destination, source, length, firstLeaf: 0);

    /// <summary>
    /// <see cref="CopyAcross(AddressSpace, ulong, ulong, ulong)"/> with the destination's first leaf already known
    /// (<paramref name="firstLeaf"/> from a <see cref="Check(AddressSpace, ulong, ulong, bool, out ulong)"/> of the same
    /// range while its mapping cannot have changed since; 0 to walk): a one-page answer then needs no walk at all.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Errno CopyAcross(AddressSpace to, ulong destination, ulong source, ulong length, ulong firstLeaf)
    {
        if (length == 0) return 0;
        if (firstLeaf != 0 && (destination & 0xFFF) + length <= 0x1000)
        {
            // All on the checked first page (the range was checked whole): one copy, no walk, no second range check.
            if (!UserLayout.Contains(source, length)) return Errno.EFAULT;
            byte* page = (byte*)(KernelPaging.PhysicalWindow + (firstLeaf & PageTableEntry.AddressMask) + (destination & 0xFFF));
            return Cpu.CopyUser(page, (void*)source, (nuint)length) ? 0 : Errno.EFAULT;
        }
        if (!UserLayout.Contains(source, length) || !UserLayout.Contains(destination, length)) return Errno.EFAULT;
        const ulong writable = PageTableEntry.Present | PageTableEntry.User | PageTableEntry.Writable;
        ulong leaf = firstLeaf;
        while (true)
        {
            if (leaf == 0) leaf = to.LeafOf(destination & ~0xFFFUL);
            if ((leaf & writable) != writable) return Errno.EFAULT;
            ulong chunk = 0x1000 - (destination & 0xFFF);
            if (length < chunk) chunk = length;
            byte* target = (byte*)(KernelPaging.PhysicalWindow + (leaf & PageTableEntry.AddressMask) + (destination & 0xFFF));
            if (!Cpu.CopyUser(target, (void*)source, (nuint)chunk)) return Errno.EFAULT;
            length -= chunk;
            if (length == 0) return 0;
            source += chunk;
            destination += chunk;
            leaf = 0;
        }
    }
}
