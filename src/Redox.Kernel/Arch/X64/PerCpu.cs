using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The per-CPU block GS points at in ring 0 (swapgs on every ring crossing; Syscall.S and Interrupts.S). The
/// syscall entry reads the kernel stack from it, and it is where the entry parks the user stack pointer while it
/// switches stacks; with page-table isolation it also holds the roots the entry and exit paths load. One CPU for
/// now; it lives in the entry area (a user view maps it), and its layout is a contract with Syscall.S and
/// Interrupts.S (PERCPU_* offsets).
/// </summary>
public static unsafe class PerCpu
{
    private const uint GsBase = 0xC000_0101, KernelGsBase = 0xC000_0102;

    [StructLayout(LayoutKind.Sequential)]
    internal struct Block
    {
        public ulong KernelStackTop;   // PERCPU_KERNEL_RSP = 0
        public ulong UserStackScratch; // PERCPU_USER_RSP = 8 (Interrupts.S: PERCPU_SCRATCH)
        public ulong KernelCr3;        // PERCPU_KERNEL_CR3 = 16: isolation only, the running process's root
        public ulong UserCr3;          // PERCPU_USER_CR3 = 24: its user view, loaded on the way out to ring 3
        public ulong UserCr3Keep;      // PERCPU_USER_CR3_KEEP = 32: what UserCr3 becomes after each way out
        public ulong EntryStackTop;    // PERCPU_ENTRY_STACK_TOP = 40: where the way out puts the iretq frame
    }

    /// <summary>Points GS at the block (ring 0) and the swapped-out GS base at 0 (ring 3 starts with none).</summary>
    public static void Initialize()
    {
        fixed (Block* block = &EntryArea.s_area.Block)
        {
            Native.WriteMsr(GsBase, (ulong)block);
            Native.WriteMsr(KernelGsBase, 0);
        }
    }

    /// <summary>
    /// Prepares the CPU to run a thread: the stack ring 3 enters the kernel on (TSS RSP0 for interrupts, the
    /// per-CPU block for syscall) and its address space (CR3, written only when it changes).
    /// </summary>
    public static void Activate(ulong kernelStackTop, ulong pageTableRoot)
    {
        EntryArea.s_area.Block.KernelStackTop = kernelStackTop;
        Gdt.SetKernelStack(kernelStackTop);
        AddressSpaces.Switch(pageTableRoot);
    }

    /// <summary>Isolation: the roots the entry (<paramref name="kernel"/>) and the way out (<paramref name="user"/>) load.</summary>
    internal static void SetRoots(ulong kernel, ulong user, ulong userKeep)
    {
        ref Block block = ref EntryArea.s_area.Block;
        block.KernelCr3 = kernel;
        block.UserCr3 = user;
        block.UserCr3Keep = userKeep;
    }

    /// <summary>Isolation, PCID: the user view's entries for a user page may be stale; its next load flushes them.</summary>
    internal static void FlushUserViewOnExit() => EntryArea.s_area.Block.UserCr3 = EntryArea.s_area.Block.UserCr3Keep & ~(1UL << 63);

    /// <summary>Isolation: where the way out to ring 3 puts its iretq frame.</summary>
    internal static void SetEntryStack(ulong top) => EntryArea.s_area.Block.EntryStackTop = top;
}
