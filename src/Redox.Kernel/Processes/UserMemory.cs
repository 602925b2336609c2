using Redox.Kernel.Arch;
using Redox.Kernel.Memory;
using Redox.Syscall;

namespace Redox.Kernel.Processes;

/// <summary>
/// The only way the kernel touches a process's memory. Every (pointer, length) a process passes must lie inside the
/// user half with no overflow (so kernel addresses, non-canonical addresses and ranges that cross into the kernel half
/// are out, the kernel half being mapped in every process). Whether each page is there, and writable when the kernel
/// writes, is checked in one of two ways: a copy to or from the current process lets the MMU say (a page fault in the
/// copy makes it EFAULT, <see cref="Cpu.CopyUser"/>), which costs nothing when the pointer is good; <see cref="Check"/>
/// and <see cref="CopyAcross"/> walk the process's page tables, for a range that must be known good before anything
/// is consumed, or one in a process that is not current. A bad pointer is EFAULT, never a fault in the kernel.
/// </summary>
public static unsafe class UserMemory
{
    /// <summary>0 when the whole range may be read (or written, with <paramref name="write"/>); else EFAULT.</summary>
    public static Errno Check(AddressSpace space, ulong address, ulong length, bool write)
    {
        if (length == 0) return 0;
        if (!UserLayout.Contains(address, length)) return Errno.EFAULT;
        ulong end = address + length;
        ulong required = PageTableEntry.Present | PageTableEntry.User | (write ? PageTableEntry.Writable : 0);
        for (ulong page = address & ~0xFFFUL; page < end; page += 0x1000)
        {
            if ((space.LeafOf(page) & required) != required) return Errno.EFAULT;
        }
        return 0;
    }

    /// <summary>Copies <paramref name="length"/> bytes from the current process at <paramref name="source"/> into the kernel.</summary>
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
    public static Errno CopyOut(ulong destination, void* source, ulong length)
    {
        if (length == 0) return 0;
        if (!UserLayout.Contains(destination, length)) return Errno.EFAULT;
        return Cpu.CopyUser((void*)destination, source, (nuint)length) ? 0 : Errno.EFAULT;
    }

    /// <summary>Copies to the current process at <paramref name="destination"/>, which <see cref="Check"/> has just accepted for writing.</summary>
    public static void CopyOutChecked(ulong destination, void* source, ulong length)
        => Cpu.CopyUser((void*)destination, source, (nuint)length);      // cannot fail: every page was just walked

    /// <summary>
    /// Copies <paramref name="length"/> bytes from the current process at <paramref name="source"/> to another process's
    /// memory (a scheme call's buffer between a client and its driver). The other side is reached through the physical
    /// window, page by page as its page tables say (it must be writable there); the current side is read by the copy
    /// itself, whose page faults make it EFAULT. The bytes before a bad page may have moved: the call then fails.
    /// </summary>
    public static Errno CopyAcross(AddressSpace to, ulong destination, ulong source, ulong length)
    {
        if (length == 0) return 0;
        if (!UserLayout.Contains(source, length) || !UserLayout.Contains(destination, length)) return Errno.EFAULT;
        const ulong writable = PageTableEntry.Present | PageTableEntry.User | PageTableEntry.Writable;
        while (true)
        {
            ulong leaf = to.LeafOf(destination & ~0xFFFUL);
            if ((leaf & writable) != writable) return Errno.EFAULT;
            ulong chunk = 0x1000 - (destination & 0xFFF);
            if (length < chunk) chunk = length;
            byte* target = (byte*)(KernelPaging.PhysicalWindow + (leaf & PageTableEntry.AddressMask) + (destination & 0xFFF));
            if (!Cpu.CopyUser(target, (void*)source, (nuint)chunk)) return Errno.EFAULT;
            length -= chunk;
            if (length == 0) return 0;
            source += chunk;
            destination += chunk;
        }
    }
}
