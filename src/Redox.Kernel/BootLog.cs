using Redox.Kernel.Arch;
using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel;

/// <summary>The one-line-per-subsystem boot log, kept apart so <see cref="KernelMain"/> reads as a table of contents.</summary>
internal static class BootLog
{
    public static void Boot(in Multiboot2Info info)
    {
        KernelLog.Write("boot: ");
        KernelLog.Write(info.BootloaderName);
        KernelLog.Write(", cmdline \"");
        KernelLog.Write(info.CommandLine);
        KernelLog.Write("\", ");
        KernelLog.WriteDecimal((ulong)info.MemoryRegionCount);
        KernelLog.Write(" memory regions, ");
        KernelLog.WriteDecimal((ulong)info.ModuleCount);
        KernelLog.WriteLine(" modules");
    }

    public static void Cpu() => KernelLog.WriteLine("cpu: GDT + TSS loaded, IDT 256 vectors, exceptions report vector/error/RIP/CR2/registers");

    public static void Memory(in KernelImage image)
    {
        FrameAllocator frames = PhysicalMemory.Frames!;
        KernelLog.Write("memory: ");
        KernelLog.WriteDecimal(PhysicalMemory.AvailableBytes >> 20);
        KernelLog.Write(" MiB available, ");
        KernelLog.WriteDecimal(frames.FreeFrames);
        KernelLog.Write(" of ");
        KernelLog.WriteDecimal(frames.FrameCount);
        KernelLog.Write(" frames free, kernel ");
        KernelLog.WriteHex(image.PhysicalStart, 8);
        KernelLog.Write("..");
        KernelLog.WriteHex(image.PhysicalEnd, 8);
        KernelLog.Write(" at ");
        KernelLog.WriteHex(image.TextStart);
        KernelLog.WriteLine();
        KernelLog.Write("paging: 4-level, lower half for processes (null page unmapped), physical window ");
        KernelLog.WriteDecimal(KernelPaging.WindowMapped >> 20);
        KernelLog.Write(" MiB at ");
        KernelLog.WriteHex(KernelPaging.PhysicalWindow);
        KernelLog.Write(", kernel W^X, heap at ");
        KernelLog.WriteHex(KernelPaging.HeapBase);
        KernelLog.Write(", ");
        KernelLog.WriteDecimal((ulong)KernelPaging.KernelSpace!.TableFrames);
        KernelLog.WriteLine(" table frames");
        ref readonly KernelHeap heap = ref Heap.Current;
        KernelLog.Write("heap: ");
        KernelLog.WriteDecimal((ulong)heap.BytesInUse);
        KernelLog.Write(" bytes in use of ");
        KernelLog.WriteDecimal((ulong)heap.BytesReserved >> 10);
        KernelLog.WriteLine(" KiB, coalescing free lists (TLSF-style), grows from frames and gives them back");
    }

    public static void Scheduler(uint hertz)
    {
        KernelLog.Write("scheduler: preemptive round-robin, ");
        KernelLog.WriteDecimal((ulong)Scheduling.Scheduler.PriorityLevels);
        KernelLog.Write(" priorities, PIT ");
        KernelLog.WriteDecimal((ulong)hertz);
        KernelLog.Write(" Hz, ");
        KernelLog.WriteDecimal((ulong)Scheduling.Scheduler.TimeSliceTicks);
        KernelLog.WriteLine("-tick slices, idle thread");
    }

    public static void Syscalls() => KernelLog.WriteLine("syscalls: Redox ABI, ring 3 via syscall/sysret with swapgs; kernel code by direct call");

    /// <summary>All processes the kernel started have been reaped.</summary>
    public static void ProcessesEnded(int started, int failed)
    {
        if (started == 0) return;
        KernelLog.Write("processes: ");
        KernelLog.WriteDecimal((ulong)started);
        KernelLog.Write(" started, all ended, ");
        KernelLog.WriteDecimal((ulong)failed);
        KernelLog.WriteLine(" with a non-zero status");
    }

    public static void Ready(ulong startTsc)
    {
        ulong cycles = Arch.Cpu.ReadTimestamp() - startTsc;
        KernelLog.Write("ready (");
        KernelLog.WriteDecimal(cycles / 1000);
        KernelLog.WriteLine(" k TSC cycles since kernel entry)");
    }

    public static void MainReturned(int exitCode)
    {
        KernelLog.Write("main returned ");
        KernelLog.WriteDecimal((long)exitCode);
        KernelLog.WriteLine();
    }
}
