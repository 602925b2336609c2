using Redox.Kernel.Arch;

namespace Redox.Kernel.Memory;

/// <summary>
/// The kernel's own page tables, replacing the boot stub's. The lower half belongs to user processes; the kernel
/// lives in the upper half, which every address space shares (docs/kernel/address-space.md):
/// <list type="bullet">
/// <item>0xFFFF_8000_0000_0000 ..: the physical-memory window, all of RAM and low MMIO (2 MiB pages, no execute);</item>
/// <item>0xFFFF_C000_0000_0000 ..: the kernel heap, grown a chunk at a time from fresh frames;</item>
/// <item>0xFFFF_D000_0000_0000 ..: kernel thread stacks, each above an unmapped guard;</item>
/// <item>0xFFFF_FFFF_8000_0000 + physical: the kernel image, mapped W^X section by section.</item>
/// </list>
/// </summary>
public static unsafe class KernelPaging
{
    /// <summary>Where physical memory is mapped: virtual = physical + this.</summary>
    public const ulong PhysicalWindow = 0xFFFF_8000_0000_0000;

    /// <summary>Where the heap's growth region starts.</summary>
    public const ulong HeapBase = 0xFFFF_C000_0000_0000;

    /// <summary>Heap growth granularity.</summary>
    public const ulong HeapChunk = 256 * 1024;

    /// <summary>Where kernel thread stacks live, each below an unmapped guard page.</summary>
    public const ulong StackBase = 0xFFFF_D000_0000_0000;

    /// <summary>Virtual space per stack slot: the stack and its guard page(s) below it.</summary>
    public const ulong StackSlot = 64 * 1024;

    /// <summary>The first PML4 slot of the kernel half; slots below it are each process's own.</summary>
    public const int FirstKernelSlot = 256;

    private const ulong TwoMiB = 2UL << 20;
    private const ulong FourGiB = 4UL << 30;

    private static AddressSpace? s_kernelSpace;
    private static ulong s_heapTop = HeapBase;
    private static ulong s_nextStackSlot;
    private static ulong s_freeStackSlots;          // a linked list threaded through the first word of each free stack

    /// <summary>The kernel's address space.</summary>
    public static AddressSpace? KernelSpace => s_kernelSpace;

    /// <summary>
    /// Page-table isolation: the kernel half of every process's user view (<see cref="UserViewTemplate"/>); null when
    /// the option is off, and then processes get no user view.
    /// </summary>
    public static AddressSpace? UserTemplate => s_userTemplate;

    private static AddressSpace? s_userTemplate;

    /// <summary>Builds <see cref="UserTemplate"/> from the arch's entry code and entry area; false when frames ran out.</summary>
    public static bool BuildUserTemplate()
    {
        if (s_kernelSpace is null) return false;
        ulong* words = stackalloc ulong[4];
        Image.EntryLayout(words);
        s_userTemplate = UserViewTemplate.Build(s_kernelSpace, words[0], words[1], words[2], words[3]);
        return s_userTemplate is not null;
    }

    /// <summary>Bytes of physical address space mapped in the window.</summary>
    public static ulong WindowMapped { get; private set; }

    /// <summary>Builds the tables and loads CR3; false when frames ran out (the boot tables stay).</summary>
    public static bool Initialize(FrameAllocator frames, ulong physicalTop, in KernelImage image)
    {
        AddressSpace space = new AddressSpace(frames, PhysicalWindow);
        if (space.Root == 0) return false;
        ulong end = physicalTop > FourGiB ? (physicalTop + TwoMiB - 1) & ~(TwoMiB - 1) : FourGiB;
        const ulong WindowFlags = PageTableEntry.Writable | PageTableEntry.NoExecute | PageTableEntry.Global;
        for (ulong address = 0; address < end; address += TwoMiB)
        {
            if (!space.MapLarge(PhysicalWindow + address, address, WindowFlags)) return false;
        }
        for (ulong page = image.TextStart; page < image.End; page += FrameAllocator.FrameSize)
        {
            if (!space.Map(page, page - image.VirtualBase, image.FlagsFor(page))) return false;
        }
        // The heap and stack regions get their upper tables now, so every address space created later shares
        // them by copying the kernel half of the PML4 (growth below that level is then seen by all).
        if (!space.PrepareUpperTable(HeapBase) || !space.PrepareUpperTable(StackBase)) return false;
        WindowMapped = end;
        Cpu.LoadAddressSpace(space.Root);
        s_kernelSpace = space;
        return true;
    }

    /// <summary>
    /// A kernel stack of <paramref name="size"/> bytes (at most <see cref="StackSlot"/> - 4 KiB) from fresh frames,
    /// mapped at the top of its slot so the page below it stays unmapped: an overflow faults instead of silently
    /// overwriting memory. Returns the lowest address of the stack, or 0 when out of frames.
    /// </summary>
    public static ulong AllocateStack(ulong size)
    {
        AddressSpace? space = s_kernelSpace;
        FrameAllocator? frames = PhysicalMemory.Frames;
        if (space is null || frames is null || size == 0 || size > StackSlot - FrameAllocator.FrameSize) return 0;
        size = (size + FrameAllocator.FrameSize - 1) & ~(FrameAllocator.FrameSize - 1);
        using InterruptGuard guard = InterruptGuard.Enter();
        ulong slot;
        if (s_freeStackSlots != 0)
        {
            slot = s_freeStackSlots;
            s_freeStackSlots = *(ulong*)(slot + StackSlot - size);
        }
        else
        {
            slot = StackBase + s_nextStackSlot * StackSlot;
            s_nextStackSlot++;
        }
        ulong bottom = slot + StackSlot - size;
        // On failure the slot's virtual range is simply not reused; its frames were given back.
        return MapFreshPages(space, frames, bottom, slot + StackSlot) ? bottom : 0;
    }

    /// <summary>True when <paramref name="address"/> lies in the unmapped part of a stack slot (an overflow).</summary>
    public static bool IsStackGuard(ulong address, ulong stackSize)
    {
        if (address < StackBase || address >= StackBase + s_nextStackSlot * StackSlot) return false;
        return (address - StackBase) % StackSlot < StackSlot - stackSize;
    }

    /// <summary>Gives a stack back for reuse by a later thread (its frames stay mapped in its slot).</summary>
    public static void FreeStack(ulong bottom, ulong size)
    {
        size = (size + FrameAllocator.FrameSize - 1) & ~(FrameAllocator.FrameSize - 1);
        ulong slot = bottom + size - StackSlot;
        using InterruptGuard guard = InterruptGuard.Enter();
        *(ulong*)bottom = s_freeStackSlots;
        s_freeStackSlots = slot;
    }

    /// <summary>
    /// Maps a fresh frame at every page of [start, end), which must be wholly unmapped, or wholly mapped already
    /// (a reused stack slot keeps its frames: nothing to do). Out of frames or tables, or a page mapped in between:
    /// unmaps and frees what this call mapped, so nothing leaks, and fails.
    /// </summary>
    private static bool MapFreshPages(AddressSpace space, FrameAllocator frames, ulong start, ulong end)
    {
        if (space.TryTranslate(start, out _))
        {
            for (ulong page = start; page < end; page += FrameAllocator.FrameSize)
            {
                if (!space.TryTranslate(page, out _)) return false;
            }
            return true;
        }
        for (ulong page = start; page < end; page += FrameAllocator.FrameSize)
        {
            ulong frame = frames.Allocate();
            if (frame != 0 && space.Map(page, frame, PageTableEntry.Writable | PageTableEntry.NoExecute)) continue;
            if (frame != 0) frames.Free(frame);
            for (ulong undo = start; undo < page; undo += FrameAllocator.FrameSize)
            {
                frames.Free(space.Unmap(undo));
                Cpu.InvalidatePage(undo);
            }
            return false;
        }
        return true;
    }

    /// <summary>
    /// The heap's grow function: reserves whole chunks of address space at the top of the heap region. Nothing is
    /// mapped here (the heap holds its lock while growing); the heap commits pages through <see cref="CommitHeap"/>.
    /// </summary>
    public static byte* GrowHeap(nuint minimum, nuint* granted)
    {
        if (s_kernelSpace is null || PhysicalMemory.Frames is null) return null;
        ulong size = ((ulong)minimum + HeapChunk - 1) / HeapChunk * HeapChunk;
        ulong start = s_heapTop;
        s_heapTop = start + size;
        *granted = (nuint)size;
        return (byte*)start;
    }

    /// <summary>Maps a fresh frame at every unmapped page touching [start, end) of the heap region; false when out of frames.</summary>
    public static bool CommitHeap(nuint start, nuint end)
    {
        AddressSpace? space = s_kernelSpace;
        FrameAllocator? frames = PhysicalMemory.Frames;
        if (space is null || frames is null) return true;
        for (ulong page = start & ~(FrameAllocator.FrameSize - 1); page < end; page += FrameAllocator.FrameSize)
        {
            if (page < HeapBase || page >= s_heapTop) continue;          // the early arena is always mapped
            using InterruptGuard guard = InterruptGuard.Enter();        // one page at a time: short
            if (space.TryTranslate(page, out _)) continue;
            ulong frame = frames.Allocate();
            if (frame != 0 && space.Map(page, frame, PageTableEntry.Writable | PageTableEntry.NoExecute)) continue;
            if (frame != 0) frames.Free(frame);
            return false;
        }
        return true;
    }

    /// <summary>Unmaps the mapped pages of [start, end) in the heap region and frees their frames; returns the bytes freed.</summary>
    public static nuint ReleaseHeap(nuint start, nuint end)
    {
        AddressSpace? space = s_kernelSpace;
        FrameAllocator? frames = PhysicalMemory.Frames;
        if (space is null || frames is null || end <= HeapBase || start >= s_heapTop) return 0;
        nuint released = 0;
        for (ulong page = start < HeapBase ? HeapBase : start; page < end && page < s_heapTop; page += FrameAllocator.FrameSize)
        {
            using InterruptGuard guard = InterruptGuard.Enter();
            ulong frame = space.Unmap(page);
            if (frame == 0) continue;
            Cpu.InvalidatePage(page);
            frames.Free(frame);
            released += (nuint)FrameAllocator.FrameSize;
        }
        return released;
    }

    /// <summary>True when the page holding <paramref name="address"/> is mapped (the heap vets pointers with it).</summary>
    public static bool IsHeapMapped(nuint address) => s_kernelSpace is null || s_kernelSpace.TryTranslate(address, out _);
}
