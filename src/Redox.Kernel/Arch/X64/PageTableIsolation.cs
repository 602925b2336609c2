namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Kernel page-table isolation (the Meltdown mitigation; docs/kernel/address-space.md), switched on at boot by
/// <c>redox.kpti=on</c>. Ring 3 then runs on each process's user view, which maps of the kernel only the entry code and
/// the entry area; every entry loads the kernel view and every way out the user view again. The plain paths are not
/// touched: isolation selects second entry points instead (LSTAR, the IDT's stubs, a new thread's first return), so
/// a kernel without the option runs exactly the instructions it ran before (InstructionBudgetTests).
/// </summary>
public static unsafe class PageTableIsolation
{
    private const ulong Cr4Pge = 1UL << 7;

    /// <summary>True once <see cref="Enable"/> has run.</summary>
    public static bool Enabled { get; private set; }

    /// <summary>
    /// Selects the isolating entry paths. Before any process exists and before the system calls are set up
    /// (<see cref="SyscallEntry.Initialize"/> then writes the isolating entry into LSTAR).
    /// </summary>
    public static void Enable()
    {
        Enabled = true;
        ulong entryStack = EntryArea.EntryStackTop;
        PerCpu.SetEntryStack(entryStack);
        Gdt.UseIsolatedTask(entryStack);
        Idt.UseIsolatedStubs();
        AddressSpaces.Isolate();
        // Global pages survive a CR3 write: a kernel page left global would stay in the TLB, usable by a speculative
        // read, under the user view. With PGE off the kernel's global bits mean nothing (clearing PGE also flushes).
        Native.WriteCr4(Native.ReadCr4() & ~Cr4Pge);
    }

    /// <summary>
    /// A translation was dropped while the kernel view is loaded. With PCID the other tags may still hold it: a user
    /// page's in this process's user tag (flushed by the next way out), a kernel page's in every process's kernel tag
    /// (each flushes on its next switch). Without PCID every CR3 write flushes, so nothing is left to do.
    /// </summary>
    public static void OnInvalidate(ulong virtualAddress)
    {
        if (!Enabled || !CpuFeatures.Pcid) return;
        if (virtualAddress >> 63 == 0) PerCpu.FlushUserViewOnExit();
        else AddressSpaces.ForgetAllTags();
    }
}
