using Redox.Runtime;

/// <summary>
/// The boot tests' ring-3 program: argv[1] names what it does (the kernel's boot scenario starts it with that
/// argument and checks how it ends); argv[2], where given, is a parameter. It reports on descriptor 1 (debug:).
/// </summary>
public static class Program
{
    /// <summary>The program's entry.</summary>
    public static int Main()
    {
        ReadOnlySpan<byte> scenario = Process.Argument(1);
        ReadOnlySpan<byte> parameter = Process.Argument(2);
        if (scenario.SequenceEqual("hello"u8)) return Hello();
        if (scenario.SequenceEqual("fault"u8)) return FaultScenarios.Run(parameter);
        if (scenario.SequenceEqual("syscalls"u8)) return SyscallChecks.Run();
        if (scenario.SequenceEqual("spin"u8)) return SpinScenario.Run(parameter);
        if (scenario.SequenceEqual("sse"u8)) return SseScenario.Run(parameter);
        if (scenario.SequenceEqual("fuzz"u8)) return Fuzzer.Run(parameter);
        if (scenario.SequenceEqual("forever"u8)) return Forever();
        if (scenario.SequenceEqual("ramdisk"u8)) return SchemeScenarios.ServeRamDisk();
        if (scenario.SequenceEqual("zero"u8)) return SchemeScenarios.ServeZero();
        if (scenario.SequenceEqual("rtc-irq"u8)) return IrqScenarios.RtcPeriodic();
        if (scenario.SequenceEqual("irq-denied"u8)) return IrqScenarios.Denied();
        if (scenario.SequenceEqual("memory"u8)) return MemoryScenarios.Run();
        if (scenario.SequenceEqual("firmware-grant"u8)) return FirmwareGrantScenarios.Run(parameter);
        if (scenario.SequenceEqual("runtime"u8)) return RuntimeScenario.Run(parameter);
        if (scenario.SequenceEqual("uncaught"u8)) return ExceptionScenarios.Uncaught();
        if (scenario.SequenceEqual("uncaught-fault"u8)) return ExceptionScenarios.UncaughtFault();
        if (scenario.SequenceEqual("bad-fault-entry"u8)) return ExceptionScenarios.BadFaultEntry();
        if (scenario.SequenceEqual("conf"u8)) return SchemeScenarios.ServeConformance();
        if (scenario.SequenceEqual("conf-client"u8)) return SchemeScenarios.ConformanceClient(parameter);
        if (scenario.SequenceEqual("crashy"u8)) return SchemeScenarios.ServeCrashy();
        if (scenario.SequenceEqual("crashy-client"u8)) return SchemeScenarios.CrashyClient();
        if (scenario.SequenceEqual("silent"u8)) return SchemeScenarios.ServeSilent();
        if (scenario.SequenceEqual("silent-client"u8)) return SchemeScenarios.SilentClient();
        if (scenario.SequenceEqual("silent-reader"u8)) return SchemeScenarios.SilentReader();
        if (scenario.SequenceEqual("bench-ipc"u8)) return Benchmarks.IpcRead(parameter, Process.Argument(3));
        if (scenario.SequenceEqual("ramdisk-client"u8)) return SchemeScenarios.RamDiskClient();
        if (scenario.SequenceEqual("ramdisk-holder"u8)) return SchemeScenarios.RamDiskHolder();
        if (scenario.SequenceEqual("allocate"u8)) return Allocate();
        if (scenario.SequenceEqual("bench-syscall"u8)) return Benchmarks.NullSyscall();
        if (scenario.SequenceEqual("bench-yield"u8)) return Benchmarks.YieldPingPong(parameter);
        if (scenario.SequenceEqual("ipcfuzz"u8)) return IpcFuzzer.Run(parameter);
        if (scenario.SequenceEqual("hostile"u8)) return HostileScheme.Serve(parameter);
        if (scenario.SequenceEqual("hostile-client"u8)) return HostileClient.Run();
        if (scenario.SequenceEqual("echo"u8)) return EchoScheme.Serve(parameter, Process.Argument(3));
        if (scenario.SequenceEqual("echo-client"u8)) return EchoScheme.Client(parameter);
        if (GuestBenchmarks.TryRun(scenario, parameter, out int benchmarked)) return benchmarked;
        Output.Line("usertest: unknown scenario"u8);
        return 2;
    }

    private static int Hello()
    {
        Output.Text("usertest: hello from ring 3, pid "u8);
        Output.Number((ulong)Process.Id);
        Output.Text(", "u8);
        Output.Number((ulong)Process.ArgumentCount);
        Output.Line(" arguments"u8);
        return 7;
    }

    /// <summary>Allocates through the process heap (anonymous memory from the kernel), sleeps, checks the data survived.</summary>
    private static int Allocate()
    {
        int[][] blocks = new int[64][];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new int[1000 + i * 100];
            for (int j = 0; j < blocks[i].Length; j++) blocks[i][j] = i * 31 + j;
        }
        ulong before = Process.MonotonicNanoseconds();
        Process.Sleep(50);
        ulong slept = Process.MonotonicNanoseconds() - before;
        for (int i = 0; i < blocks.Length; i++)
        {
            for (int j = 0; j < blocks[i].Length; j++)
            {
                if (blocks[i][j] != i * 31 + j) return Output.Fail("allocated data changed"u8);
            }
        }
        if (slept < 50_000_000) return Output.Fail("slept less than asked"u8);
        Output.Text("usertest: allocated "u8);
        Output.Number(ProcessHeap.BytesMapped / 1024);
        Output.Text(" KiB from anonymous memory, slept "u8);
        Output.Number(slept / 1_000_000);
        Output.Line(" ms"u8);
        return 0;
    }

    private static int Forever()
    {
        Output.Line("usertest: running until killed"u8);
        while (true) { }
    }
}
