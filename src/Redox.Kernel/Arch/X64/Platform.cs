using Redox.Kernel.Arch.X64;
using Redox.Kernel.Diagnostics;
using Redox.Syscall;

namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: bringing this arch's machine up, in the steps KernelMain takes between its generic ones. Each arch
/// folder has a <c>Platform.cs</c> with these steps; what a step means on x86-64 is said on each.
/// </summary>
public static unsafe class Platform
{
    /// <summary>The arch's name, as the boot log prints it.</summary>
    public const string Name = "x86_64";

    /// <summary>The console the kernel log writes to, ready before anything else (COM1, 115200 8N1, polled).</summary>
    public static void StartConsole() => SerialPort.Initialize(SerialPort.Com1);

    /// <summary>Writes one byte to the console (the kernel log's sink).</summary>
    public static void WriteConsole(byte value) => SerialPort.Write(SerialPort.Com1, value);

    /// <summary>The CPU's own tables: segments and the TSS (with the double-fault stack), all 256 interrupt vectors.</summary>
    public static void InitializeCpu()
    {
        Gdt.Initialize();
        Idt.Initialize();
    }

    /// <summary>Turns on the protections the CPU has (SMEP, SMAP, PCID, global pages) and logs which.</summary>
    public static void InitializeProtections()
    {
        CpuFeatures.Initialize();
        KernelLog.Write("cpu: SMEP ");
        KernelLog.Write(CpuFeatures.Smep ? "on" : "absent");
        KernelLog.Write(", SMAP ");
        KernelLog.Write(CpuFeatures.Smap ? "on" : "absent");
        KernelLog.Write(", PCID ");
        KernelLog.Write(CpuFeatures.Pcid ? "on" : "absent");
        KernelLog.WriteLine(", NX on, global kernel pages");
    }

    /// <summary>
    /// Kernel page-table isolation from now on (<c>redox.kpti=on</c>), after <see cref="InitializeProtections"/> and
    /// before the scheduler and the system calls: each process must then have a user view
    /// (<c>AddressSpace.CreateSharing</c> with the user template). Logs how crossings will switch roots.
    /// </summary>
    public static void IsolatePageTables()
    {
        PageTableIsolation.Enable();
        KernelLog.Write("cpu: page-table isolation on, ");
        KernelLog.WriteLine(CpuFeatures.Pcid ? "two PCIDs per process" : "no PCID: every ring crossing flushes the TLB");
    }

    /// <summary>The interrupt controller, every device line masked (the 8259s, IRQs 0-15 on vectors 32-47).</summary>
    public static void InitializeInterrupts() => Pic.Initialize();

    /// <summary>The preemption tick at <paramref name="hertz"/>, then interrupts on (the PIT on IRQ 0).</summary>
    public static void StartTimer(uint hertz)
    {
        Pit.Start(hertz);
        Pic.Unmask(0);
        Native.EnableInterrupts();
    }

    /// <summary>
    /// The way into the kernel from ring 3 and from kernel code: the per-CPU block (GS) the entries use, the
    /// <c>syscall</c> instruction's MSRs, and Redox.Syscall's back end for kernel code (a direct call).
    /// </summary>
    public static void InitializeSystemCalls()
    {
        PerCpu.Initialize();
        SyscallEntry.Initialize();
        Sys.Install(SyscallEntry.KernelStub);
    }
}
