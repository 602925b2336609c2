using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;

/// <summary>
/// The boot-test image: runs the scenario named by <c>redox.test=</c> on the kernel command line, prints
/// <c>boot test NAME: PASS</c> or <c>FAIL</c>, and returns 0 or 1 (the kernel turns that into QEMU's exit status).
/// Scenarios that end in a fault or panic never return: the test host checks their report instead.
/// </summary>
public static class Program
{
    /// <summary>The image's entry, called by the kernel after <c>ready</c>.</summary>
    public static int Main()
    {
        if (!KernelCommandLine.TryGetValue(KernelCommandLine.Current, "redox.test"u8, out ReadOnlySpan<byte> name))
        {
            KernelLog.WriteLine("boot test: no redox.test= on the command line");
            return 1;
        }
        KernelLog.Write("boot test ");
        KernelLog.Write(name);
        KernelLog.WriteLine(": start");
        bool passed = Run(name);
        KernelLog.Write("boot test ");
        KernelLog.Write(name);
        KernelLog.WriteLine(passed ? ": PASS" : ": FAIL");
        return passed ? 0 : 1;
    }

    private static bool Run(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("smoke"u8)) return true;
        if (name.SequenceEqual("corelib"u8)) return CoreLibScenario.Run();
        if (name.SequenceEqual("twoworlds"u8)) return TwoWorldsScenario.Run();
        if (name.SequenceEqual("preemption"u8)) return PreemptionScenario.Run();
        if (name.SequenceEqual("blockwake"u8)) return BlockWakeScenario.Run();
        if (name.SequenceEqual("heap"u8)) return HeapScenario.Run();
        if (name.SequenceEqual("fault"u8)) return FaultScenario.Run();
        if (name.SequenceEqual("nullref"u8)) return NullReferenceScenario.Run();
        if (name.SequenceEqual("panic"u8)) return PanicScenario.Run();
        if (name.SequenceEqual("drivers"u8)) return DriversScenario.Run();
        if (name.SequenceEqual("syscall"u8)) return SyscallScenario.Run();
        if (name.SequenceEqual("stackoverflow"u8)) return StackOverflowScenario.Run();
        if (name.SequenceEqual("textwrite"u8)) return KernelWriteProtectScenario.Run();
        if (name.SequenceEqual("ring3"u8)) return UserSpaceScenario.Run();
        if (name.SequenceEqual("ring3faults"u8)) return UserSpaceScenario.RunFaults();
        if (name.SequenceEqual("ring3runtime"u8)) return UserSpaceScenario.RunRuntime();
        if (name.SequenceEqual("ring3fuzz"u8)) return UserSpaceScenario.RunFuzzer();
        if (name.SequenceEqual("ring3leak"u8)) return UserSpaceScenario.RunLeakCheck();
        if (name.SequenceEqual("ring3bench"u8)) return UserSpaceScenario.RunBenchmarks();
        if (name.SequenceEqual("ipc"u8)) return IpcScenario.Run();
        if (name.SequenceEqual("ipcfaults"u8)) return IpcScenario.RunFaults();
        if (name.SequenceEqual("conformance"u8)) return IpcScenario.RunConformance();
        if (name.SequenceEqual("irq"u8)) return IpcScenario.RunIrq();
        if (name.SequenceEqual("firmwaregrant"u8)) return FirmwareGrantScenario.Run();
        if (name.SequenceEqual("ipcbench"u8)) return IpcScenario.RunBenchmarks(profile: false);
        if (name.SequenceEqual("ipcprofile"u8)) return IpcScenario.RunBenchmarks(profile: true);
        if (name.SequenceEqual("guestbench"u8)) return GuestBenchScenario.Run();
        if (name.SequenceEqual("heapreturn"u8)) return HeapReturnScenario.Run();
        if (name.SequenceEqual("latency"u8)) return LatencyScenario.Run();
        if (name.SequenceEqual("tickrate"u8)) return TickRateScenario.Run();
        if (name.SequenceEqual("fpu"u8)) return FpuScenario.Run();
        if (name.SequenceEqual("heaprace"u8)) return HeapRaceScenario.Run();
        if (name.SequenceEqual("stackprobe"u8)) return StackProbeScenario.Run();
        if (name.SequenceEqual("threadreclaim"u8)) return ThreadLifetimeScenario.Run();
        if (name.SequenceEqual("mainreturns"u8)) return ThreadLifetimeScenario.RunMainReturns();
        if (name.SequenceEqual("gpfault"u8)) return GeneralProtectionScenario.Run();
        if (name.SequenceEqual("globalpages"u8)) return GlobalPagesScenario.Run();
        if (name.SequenceEqual("interfaces"u8)) return InterfaceScenario.Run();
        if (name.SequenceEqual("delegates"u8)) return DelegateScenario.Run();
        if (name.SequenceEqual("gvm"u8)) return GenericVirtualMethodScenario.Run();
        if (name.SequenceEqual("gvmshared"u8)) return SharedGenericVirtualMethodScenario.Run();
        if (name.SequenceEqual("gvmpool"u8)) return BuiltTypePoolScenario.Run();
        if (name.SequenceEqual("exceptions"u8)) return ExceptionScenario.Run();
        if (name.SequenceEqual("runtimecost"u8)) return RuntimeCostScenario.Run();
        if (name.SequenceEqual("ipcfuzz"u8)) return IpcStressScenario.RunClientFuzz();
        if (name.SequenceEqual("ipchostile"u8)) return IpcStressScenario.RunHostile();
        if (name.SequenceEqual("ipcload"u8)) return IpcStressScenario.RunLoad();
        KernelLog.WriteLine("unknown scenario");
        return false;
    }
}
