using Redox.Kernel.Arch;
using Redox.Kernel.Memory;
using Redox.Syscall;

namespace Redox.Kernel.Processes;

/// <summary>
/// The only way the kernel touches a process's memory: every (pointer, length) a process passes is checked
/// against that process's own page tables before a byte moves -- inside the user half (so kernel addresses,
/// non-canonical addresses and ranges that cross into the kernel half are out), no overflow, every page present
/// and user-accessible, and writable when the kernel writes. A bad pointer is EFAULT, never a fault in the kernel.
/// The process must be the current one (its space in CR3); it has one thread, so nothing unmaps in between.
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

    /// <summary>Copies <paramref name="length"/> bytes from the process at <paramref name="source"/> into the kernel.</summary>
    public static Errno CopyIn(AddressSpace space, void* destination, ulong source, ulong length)
    {
        Errno error = Check(space, source, length, write: false);
        if (error != 0) return error;
        Cpu.CopyUser(destination, (void*)source, (nuint)length);
        return 0;
    }

    /// <summary>Copies <paramref name="length"/> kernel bytes to the process at <paramref name="destination"/>.</summary>
    public static Errno CopyOut(AddressSpace space, ulong destination, void* source, ulong length)
    {
        Errno error = Check(space, destination, length, write: true);
        if (error != 0) return error;
        Cpu.CopyUser((void*)destination, source, (nuint)length);
        return 0;
    }

    /// <summary>Copies to the current process at <paramref name="destination"/>, which <see cref="Check"/> has just accepted for writing.</summary>
    public static void CopyOutChecked(ulong destination, void* source, ulong length)
        => Cpu.CopyUser((void*)destination, source, (nuint)length);

    /// <summary>
    /// Copies <paramref name="length"/> bytes from one process's memory to another's (a scheme call's buffer between a
    /// client and its driver), through the physical window, so neither needs to be current. Both ranges are checked
    /// against their own page tables (the destination must be writable) before a byte moves.
    /// </summary>
    public static Errno CopyAcross(AddressSpace to, ulong destination, AddressSpace from, ulong source, ulong length)
    {
        if (length == 0) return 0;
        if (!UserLayout.Contains(source, length) || !UserLayout.Contains(destination, length)) return Errno.EFAULT;
        // Checked page by page as the copy goes (one walk per page and side), so a bad page is found before its bytes
        // move; the bytes before it have already been copied, which is harmless: the call then fails with EFAULT.
        const ulong readable = PageTableEntry.Present | PageTableEntry.User, writable = readable | PageTableEntry.Writable;
        ulong sourcePage = ~0UL, destinationPage = ~0UL, sourceFrame = 0, destinationFrame = 0;
        while (length > 0)
        {
            if ((source & ~0xFFFUL) != sourcePage)
            {
                sourcePage = source & ~0xFFFUL;
                ulong leaf = from.LeafOf(sourcePage);
                if ((leaf & readable) != readable) return Errno.EFAULT;
                sourceFrame = leaf & PageTableEntry.AddressMask;
            }
            if ((destination & ~0xFFFUL) != destinationPage)
            {
                destinationPage = destination & ~0xFFFUL;
                ulong leaf = to.LeafOf(destinationPage);
                if ((leaf & writable) != writable) return Errno.EFAULT;
                destinationFrame = leaf & PageTableEntry.AddressMask;
            }
            ulong chunk = 0x1000 - (source & 0xFFF);
            ulong room = 0x1000 - (destination & 0xFFF);
            if (room < chunk) chunk = room;
            if (length < chunk) chunk = length;
            Buffer.MemoryCopy((void*)(KernelPaging.PhysicalWindow + sourceFrame + (source & 0xFFF)),
                              (void*)(KernelPaging.PhysicalWindow + destinationFrame + (destination & 0xFFF)), (long)chunk, (long)chunk);
            source += chunk;
            destination += chunk;
            length -= chunk;
        }
        return 0;
    }
}
