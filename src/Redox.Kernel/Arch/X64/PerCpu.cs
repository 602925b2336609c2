using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The per-CPU block GS points at in ring 0 (swapgs on every ring crossing; Syscall.S and Interrupts.S). The
/// syscall entry reads the kernel stack from it, and it is where the entry parks the user stack pointer while it
/// switches stacks. One CPU for now; the layout is a contract with Syscall.S (PERCPU_* offsets).
/// </summary>
public static unsafe class PerCpu
{
    private const uint GsBase = 0xC000_0101, KernelGsBase = 0xC000_0102;

    [StructLayout(LayoutKind.Sequential)]
    private struct Block
    {
        public ulong KernelStackTop;   // PERCPU_KERNEL_RSP = 0
        public ulong UserStackScratch; // PERCPU_USER_RSP = 8
    }

    private static Block s_block;

    /// <summary>Points GS at the block (ring 0) and the swapped-out GS base at 0 (ring 3 starts with none).</summary>
    public static void Initialize()
    {
        fixed (Block* block = &s_block)
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
        s_block.KernelStackTop = kernelStackTop;
        Gdt.SetKernelStack(kernelStackTop);
        AddressSpaces.Switch(pageTableRoot);
    }
}
