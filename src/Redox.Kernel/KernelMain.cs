using System.Runtime.InteropServices;
using Redox.Kernel.Arch;
using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel;

/// <summary>
/// The kernel's entry, read top to bottom as a table of contents: each line brings up one subsystem and logs
/// one line. The boot stub calls it in long mode with the multiboot2 magic and the boot information address.
/// </summary>
public static unsafe class KernelMain
{
    /// <summary>Timer frequency: 100 Hz, a 10 ms tick.</summary>
    public const uint TimerHertz = 100;

    [UnmanagedCallersOnly(EntryPoint = "redox_kernel_main")]
    private static void Start(uint magic, ulong bootInfo)
    {
        ulong startTsc = Cpu.ReadTimestamp();
        Platform.StartConsole();                                         // the kernel log's console, first of all
        KernelLog.SetSink(&Platform.WriteConsole);
        KernelLog.Write("Redox.NET ");
        KernelLog.Write(BuildInfo.Version);
        KernelLog.Write(" (");
        KernelLog.Write(Platform.Name);
        KernelLog.WriteLine(", C# compiled by ILC)");

        // The loader passes a physical address; the boot stub maps the first 4 GiB in the physical window.
        byte* bootInfoAddress = (byte*)(KernelPaging.PhysicalWindow + bootInfo);
        if (magic != Multiboot2Info.BootloaderMagic || !Multiboot2Info.TryParse(bootInfoAddress, out Multiboot2Info info))
        {
            Panic.Now("not booted by a multiboot2 loader");
            return;
        }
        KernelCommandLine.Set(info.CommandLine);
        QemuExit.Enabled = KernelCommandLine.HasWord(info.CommandLine, "redox.exit=qemu"u8);
        bool isolate = KernelCommandLine.HasWord(info.CommandLine, "redox.kpti=on"u8);   // RedoxKernelPageTableIsolation
        BootLog.Boot(info);                                              // boot: loader, command line, memory map

        Platform.InitializeCpu();                                        // the CPU's tables: exceptions report and stop
        BootLog.Cpu();

        KernelImage image = ReadKernelImage();
        if (!PhysicalMemory.Initialize(info, image.PhysicalStart, image.PhysicalEnd, bootInfo)) // frames from the memory map
            Panic.Now("no usable memory map");
        if (!KernelPaging.Initialize(PhysicalMemory.Frames!, PhysicalMemory.Top, image)) // our own tables: upper half only
            Panic.Now("out of frames for the kernel page tables");
        Heap.EnableGrowth(&KernelPaging.GrowHeap);                       // the heap now grows from fresh frames
        BootLog.Memory(image);
        if (isolate && !KernelPaging.BuildUserTemplate())               // KPTI: the kernel half of every user view
            Panic.Now("out of frames for the user-view template");

        Platform.InitializeProtections();                                // what the CPU can enforce (SMEP, SMAP, ...), logged
        if (isolate) Platform.IsolatePageTables();                       // KPTI: ring 3 on user views, entries switch roots

        Platform.InitializeInterrupts();                                 // the interrupt controller, all lines masked
        Threads.Initialize();                                            // this code becomes thread 0; idle thread
        Syscalls.TimeCalls.RealtimeAtBoot = RtcClock.ReadUnixSeconds();          // the wall clock, once (CLOCK_REALTIME)
        Schemes.TimeScheme.Initialize();                                 // time: deadlines, checked on every tick
        Schemes.IrqLines.Initialize();                                   // irq: lines, counted by every device interrupt
        Platform.StartTimer(TimerHertz);                                 // the preemption tick, interrupts on
        BootLog.Scheduler(TimerHertz);

        Platform.InitializeSystemCalls();                                // ring 3 -> SyscallDispatcher; Sys for kernel code
        BootLog.Syscalls();

        BootLog.Ready(startTsc);
        InitProcesses.Start(info);                                       // the initfs programs, in ring 3
        int exitCode = Image.RunMain(0, 0);                              // the image's Main, on this thread
        BootLog.MainReturned(exitCode);
        int failedProcesses = InitProcesses.WaitForAll();                // the image ends when its processes have
        BootLog.ProcessesEnded(InitProcesses.Started, failedProcesses);
        QemuExit.ExitIfEnabled(exitCode == 0 && failedProcesses == 0 ? QemuExit.PassCode : QemuExit.FailCode);
        Threads.Exit();
    }

    private static KernelImage ReadKernelImage()
    {
        ulong* words = stackalloc ulong[7];
        Image.Layout(words);
        return new KernelImage(words[0], words[1], words[2], words[6], words[3], words[4], words[5]);
    }
}
