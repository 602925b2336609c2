using Redox.Kernel.Arch;
using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Kernel.Scheduling;

/// <summary>
/// Ring-3 processes started from the initfs by the boot test (the image's manifest starts nothing itself): the
/// program bin/usertest plays the scenario its first argument names, and this side checks how each ended.
/// </summary>
public static unsafe class UserSpaceScenario
{
    private const int Segv = 11, Kill = 9, Abort = 6;

    /// <summary>Hello, heap and sleep, the syscall checks, preemption between processes, SSE state, kill.</summary>
    public static bool Run()
    {
        bool ok = Check.That(RunToEnd("hello"u8, "hello"u8) == Process.ExitedStatus(7), "hello exits with 7");
        ok &= Check.That(RunToEnd("allocate"u8, "allocate"u8) == 0, "heap and sleep in ring 3");
        ok &= Check.That(RunToEnd("syscalls"u8, "syscalls"u8) == 0, "every syscall answers as the ABI says");
        ok &= Check.That(TimeScheme.Pending == 0, "time: deadlines left pending went with their handles");
        ok &= Check.That(RunPair("spin A"u8, "spin B"u8) == 0, "two spinning processes both finish");
        ok &= Check.That(RunPair("sse 3"u8, "sse 5"u8) == 0, "SSE state survives preemption between processes");
        ok &= Check.That(KillForever(), "a killed process ends by its signal");
        return ok;
    }

    /// <summary>Every way a process can fault ends only that process, with SIGSEGV, and the kernel goes on.</summary>
    public static bool RunFaults()
    {
        bool ok = true;
        ReadOnlySpan<byte> kinds = "null ud2 hlt cli cr3 writecode kernelread kernelwindow kerneltext kernelstack kernelafterirq kerneljump stackoverflow execstack"u8;
        int position = 0;
        byte* arguments = stackalloc byte[32];
        while (position < kinds.Length)
        {
            int space = kinds.Slice(position).IndexOf((byte)' ');
            ReadOnlySpan<byte> kind = space < 0 ? kinds.Slice(position) : kinds.Slice(position, space);
            position += kind.Length + 1;
            "fault "u8.CopyTo(new Span<byte>(arguments, 6));
            kind.CopyTo(new Span<byte>(arguments + 6, kind.Length));
            int status = RunToEnd(kind, new ReadOnlySpan<byte>(arguments, 6 + kind.Length));
            ok &= Check.That(status == Process.SignaledStatus(Segv), "a faulting process ends by SIGSEGV");
        }
        ok &= Check.That(RunToEnd("hello"u8, "hello"u8) == Process.ExitedStatus(7), "processes still start after the faults");
        return ok;
    }

    /// <summary>
    /// Interface dispatch, delegates and exceptions in ring 3 (bin/usertest's <c>runtime</c> scenario), including null
    /// dereferences and divisions by zero caught through the kernel's fault upcall; an unhandled exception ends only
    /// its process, by SIGABRT after the unhandled-exception report; a fault no handler takes, or one inside the
    /// upcall itself, still ends its process by SIGSEGV with the one-line report; the kernel and new processes go on.
    /// </summary>
    public static bool RunRuntime()
    {
        bool ok = Check.That(RunToEnd("runtime"u8, "runtime"u8) == Process.ExitedStatus(0), "interfaces, delegates, exceptions and caught faults in ring 3");
        ok &= Check.That(RunToEnd("uncaught"u8, "uncaught"u8) == Process.SignaledStatus(Abort), "an unhandled exception ends its process by SIGABRT");
        ok &= Check.That(RunToEnd("uncaught-fault"u8, "uncaught-fault"u8) == Process.SignaledStatus(Segv), "an uncaught fault ends its process by SIGSEGV");
        ulong delivered = FaultUpcalls.Delivered;
        ok &= Check.That(RunToEnd("bad-entry"u8, "bad-fault-entry"u8) == Process.SignaledStatus(Segv), "a fault in the fault upcall ends its process");
        ok &= Check.That(FaultUpcalls.Delivered - delivered == 1, "the fault inside the upcall was not delivered again");
        ok &= Check.That(RunToEnd("hello"u8, "hello"u8) == Process.ExitedStatus(7), "processes still start afterwards");
        return ok;
    }

    /// <summary>The seeded syscall fuzzer (argument: number of calls), then frames and heap back where they were.</summary>
    public static bool RunFuzzer()
    {
        RunToEnd("warm-up"u8, "hello"u8);
        ulong frames = PhysicalMemory.Frames!.FreeFrames;
        ulong heap = (ulong)Heap.Current.BytesInUse;
        bool ok = Check.That(RunToEnd("fuzzer"u8, "fuzz 1000000"u8) == 0, "the fuzzer ran to its end");
        ok &= Check.That(RunToEnd("after"u8, "hello"u8) == Process.ExitedStatus(7), "processes still start after the fuzzer");
        Check.Report("fuzz frames before", frames);
        Check.Report("fuzz frames after", PhysicalMemory.Frames!.FreeFrames);
        ok &= Check.That(PhysicalMemory.Frames!.FreeFrames == frames, "the fuzzer's frames all came back");
        ok &= Check.That((ulong)Heap.Current.BytesInUse == heap, "the kernel heap is back to its start");
        return ok;
    }

    /// <summary>100 processes started and reaped leak no frame and no heap byte.</summary>
    public static bool RunLeakCheck()
    {
        RunToEnd("warm-up"u8, "hello"u8);
        ulong frames = PhysicalMemory.Frames!.FreeFrames;
        ulong heap = (ulong)Heap.Current.BytesInUse;
        bool ok = true;
        for (int i = 0; i < 100; i++) ok &= RunToEnd("loop"u8, "hello"u8) == Process.ExitedStatus(7);
        Check.Report("leak frames before", frames);
        Check.Report("leak frames after", PhysicalMemory.Frames!.FreeFrames);
        Check.Report("leak heap before", heap);
        Check.Report("leak heap after", (ulong)Heap.Current.BytesInUse);
        ok &= Check.That(PhysicalMemory.Frames!.FreeFrames == frames, "100 processes leak no frame");
        ok &= Check.That((ulong)Heap.Current.BytesInUse == heap, "100 processes leak no heap byte");
        return ok;
    }

    /// <summary>The figures (run under -icount shift=0, see benchmarks/measure-processes.sh): null syscall, process switch.</summary>
    public static bool RunBenchmarks()
    {
        bool ok = Check.That(RunToEnd("bench"u8, "bench-syscall"u8) == 0, "the syscall benchmark ran");
        ok &= Check.That(RunPair("bench-yield A"u8, "bench-yield B"u8) == 0, "the switch benchmark ran");
        return ok;
    }

    internal static int RunToEnd(ReadOnlySpan<byte> name, ReadOnlySpan<byte> arguments)
    {
        Process? process = Start(name, arguments);
        if (process is null) return -1;
        ProcessTable.Wait(ProcessTable.KernelId, process.Id, noHang: false, out int status);
        return status;
    }

    internal static int RunPair(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => RunPair(first, second, first, second);

    /// <summary>Runs two processes named <paramref name="first"/> and <paramref name="second"/> with the same arguments.</summary>
    internal static int RunPair(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> arguments) => RunPair(first, second, arguments, arguments);

    private static int RunPair(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> firstArguments, ReadOnlySpan<byte> secondArguments)
    {
        Process? a = Start(first, firstArguments);
        Process? b = Start(second, secondArguments);
        if (a is null || b is null) return -1;
        ProcessTable.Wait(ProcessTable.KernelId, a.Id, noHang: false, out int statusA);
        ProcessTable.Wait(ProcessTable.KernelId, b.Id, noHang: false, out int statusB);
        return statusA | statusB;
    }

    private static bool KillForever()
    {
        Process? process = Start("forever"u8, "forever"u8);
        if (process is null) return false;
        Threads.Sleep(10);                                    // let it reach ring 3 and spin there
        bool killed = ProcessTable.Kill(process.Id, Kill);
        ProcessTable.Wait(ProcessTable.KernelId, process.Id, noHang: false, out int status);
        return killed && status == Process.SignaledStatus(Kill);
    }

    /// <summary>The test program's executable in the initfs (empty, with a failed check, when it is missing).</summary>
    internal static ReadOnlySpan<byte> TestProgram()
    {
        Initfs archive = InitfsScheme.Archive;
        int index = InitfsScheme.IsPresent ? archive.Find("bin/usertest"u8) : -1;
        if (index >= 0) return archive.Data(index);
        KernelLog.WriteLine("check failed: bin/usertest is not in the initfs");
        return default;
    }

    internal static Process? Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> arguments)
    {
        ReadOnlySpan<byte> image = TestProgram();
        if (image.IsEmpty) return null;
        StartError error = ProcessTable.Start(name, image, arguments, ProcessTable.KernelId, out Process? process);
        Check.That(error == StartError.None, "the test program starts");
        return process;
    }
}
