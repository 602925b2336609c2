using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Everything the CPU and the entry code read while a process's user view is loaded, in one place: the per-CPU block
/// (GS in ring 0), the GDT, the IDT, the isolated TSS with its I/O permission bitmap, and the entry stack. With
/// page-table isolation these pages (<see cref="Pages"/>) and the entry code are all of the kernel a user view maps
/// (docs/kernel/address-space.md). A page of zeros on either side keeps the pages that hold the area free of any
/// other kernel data: the mapped range starts in the first guard and ends in the last, so no neighbour in .bss is
/// ever visible. Without isolation the area is just where these tables live.
/// </summary>
public static unsafe class EntryArea
{
    private const int PageSize = 4096;

    /// <summary>Bytes of the entry stack: an interrupt frame from ring 3 (seven words) and the returns' iretq frame.</summary>
    public const int EntryStackSize = 4096;

    /// <summary>The area's layout. Contract with Syscall.S and Interrupts.S for the per-CPU block (PERCPU_* offsets).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Layout
    {
        public Guard Before;
        public PerCpu.Block Block;
        public fixed ulong Gdt[X64.Gdt.EntryCount];
        public fixed ulong Idt[X64.Idt.VectorCount * 2];
        public Gdt.TaskWithIoBitmap IsolatedTask;
        public fixed byte EntryStack[EntryStackSize];
        public Guard After;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Guard { public fixed byte Bytes[PageSize]; }

    /// <summary>The area (in the image's .bss: mapped from boot on, before the kernel's own page tables).</summary>
    internal static Layout s_area;

    /// <summary>The pages a user view maps: from the page holding the per-CPU block to the one holding the stack's top.</summary>
    public static void Pages(out ulong start, out ulong end)
    {
        fixed (Layout* area = &s_area)
        {
            start = (ulong)&area->Block & ~(ulong)(PageSize - 1);
            end = ((ulong)&area->After + PageSize - 1) & ~(ulong)(PageSize - 1);
        }
    }

    /// <summary>The entry stack's top, 16-byte aligned (the isolated TSS's RSP0; the way out to ring 3 starts there too).</summary>
    public static ulong EntryStackTop
    {
        get
        {
            fixed (Layout* area = &s_area) return ((ulong)area->EntryStack + EntryStackSize) & ~15UL;
        }
    }
}
