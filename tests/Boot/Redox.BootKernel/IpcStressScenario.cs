using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Kernel.Scheduling;
using Redox.Kernel.Syscalls;

/// <summary>
/// Scheme IPC under bad input and load (issue 8): the client-side fuzzer against well-behaved drivers, the driver-side
/// fuzzer (a hostile driver) with ordinary clients and an unrelated scheme served meanwhile, and eight clients
/// hammering one driver. Each ends with the kernel's free frames and heap bytes back where they were before.
/// </summary>
public static unsafe class IpcStressScenario
{
    /// <summary>Random calls of the ring-3 IPC fuzzer (<c>ipcfuzz N</c>) against zero: and ramdisk:.</summary>
    public static bool RunClientFuzz()
    {
        // A short run first grows the kernel's pools (stack slots of as many threads as run at once) to their size.
        bool ok = ClientFuzz("ipcfuzz 1000"u8);
        Baseline(out ulong frames, out ulong heap);
        ulong started = TimeCalls.Now();
        ok &= ClientFuzz("ipcfuzz 1000000"u8);
        Check.Report("ipcfuzz milliseconds", (TimeCalls.Now() - started) / 1_000_000);
        return ok & BackToBaseline(frames, heap);
    }

    private static bool ClientFuzz(ReadOnlySpan<byte> arguments)
    {
        Process? zero = UserSpaceScenario.Start("zero"u8, "zero"u8);
        Process? ramdisk = UserSpaceScenario.Start("ramdisk"u8, "ramdisk"u8);
        bool ok = Check.That(zero is not null && ramdisk is not null && WaitForScheme("zero"u8) && WaitForScheme("ramdisk"u8), "the drivers created zero: and ramdisk:");
        ok &= Check.That(UserSpaceScenario.RunToEnd("ipcfuzz"u8, arguments) == 0, "the IPC fuzzer ran to its end");
        ok &= Check.That(UserSpaceScenario.RunToEnd("after"u8, "ramdisk-client"u8) == 0, "ramdisk: still serves correctly after the fuzzer");
        ok &= Check.That(!Ended(zero) && !Ended(ramdisk), "both drivers lived through the fuzzing");
        Stop(zero);
        Stop(ramdisk);
        return ok;
    }

    /// <summary>
    /// The hostile driver (<c>hostile N</c>) with two ordinary clients of it, and a bystander client of an unrelated
    /// scheme (echo:) whose every answer must stay exact throughout.
    /// </summary>
    public static bool RunHostile()
    {
        bool ok = Hostile("hostile 1000"u8);
        Baseline(out ulong frames, out ulong heap);
        ulong started = TimeCalls.Now();
        ok &= Hostile("hostile 1000000"u8);
        Check.Report("hostile milliseconds", (TimeCalls.Now() - started) / 1_000_000);
        return ok & BackToBaseline(frames, heap);
    }

    private static bool Hostile(ReadOnlySpan<byte> arguments)
    {
        Process? echo = UserSpaceScenario.Start("echo"u8, "echo 1"u8);
        Process? hostile = UserSpaceScenario.Start("hostile"u8, arguments);
        bool ok = Check.That(echo is not null && hostile is not null && WaitForScheme("echo"u8) && WaitForScheme("hostile"u8), "echo: and hostile: exist");
        Process? clientA = UserSpaceScenario.Start("hostile-client A"u8, "hostile-client"u8);
        Process? clientB = UserSpaceScenario.Start("hostile-client B"u8, "hostile-client"u8);
        Process? bystander = UserSpaceScenario.Start("bystander"u8, "echo-client 0"u8);
        // The clients end when the driver is gone; one that failed ends early, and then the driver is stopped (else
        // it would wait for requests for good and the boot would time out instead of failing).
        int a = End(clientA), b = End(clientB);
        ok &= Check.That(a == 0 && b == 0, "its clients saw only well-formed answers and ended when it went");
        if (a != 0 || b != 0) Stop(hostile);
        else ok &= Check.That(End(hostile) == 0, "the hostile driver sent its responses and ended");
        ok &= Check.That(End(bystander) == 0, "the unrelated scheme answered its client exactly throughout");
        ok &= Check.That(End(echo) == 0, "the echo driver counted what its client counted");
        return ok;
    }

    /// <summary>Eight clients hammer echo: at once (<c>echo-client N</c> each); every answer theirs, counts agree.</summary>
    public static bool RunLoad()
    {
        bool ok = Load("echo-client 100"u8);
        Baseline(out ulong frames, out ulong heap);
        ulong started = TimeCalls.Now();
        ok &= Load("echo-client 25000"u8);
        Check.Report("load milliseconds", (TimeCalls.Now() - started) / 1_000_000);
        return ok & BackToBaseline(frames, heap);
    }

    private static bool Load(ReadOnlySpan<byte> arguments)
    {
        // The driver replays each batch's answers late (stale tags): none may reach a client.
        Process? echo = UserSpaceScenario.Start("echo"u8, "echo 8 replay"u8);
        bool ok = Check.That(echo is not null && WaitForScheme("echo"u8), "echo: exists");
        int* clients = stackalloc int[8];
        for (int i = 0; i < 8; i++)
        {
            Process? client = UserSpaceScenario.Start("load"u8, arguments);
            clients[i] = client is null ? -1 : client.Id;
        }
        for (int i = 0; i < 8; i++)
        {
            int status = -1;
            if (clients[i] > 0) ProcessTable.Wait(ProcessTable.KernelId, clients[i], noHang: false, out status);
            ok &= Check.That(status == 0, "a load client got every answer its own");
        }
        return ok & Check.That(End(echo) == 0, "the driver lost, repeated and misrouted nothing");
    }

    /// <summary>The kernel's free frames and heap bytes now (after a warm-up run of the same shape).</summary>
    private static void Baseline(out ulong frames, out ulong heap)
    {
        frames = PhysicalMemory.Frames!.FreeFrames;
        heap = (ulong)Heap.Current.BytesInUse;
    }

    private static bool BackToBaseline(ulong frames, ulong heap)
    {
        ulong framesNow = PhysicalMemory.Frames!.FreeFrames, heapNow = (ulong)Heap.Current.BytesInUse;
        Check.Report("frames before", frames);
        Check.Report("frames after", framesNow);
        Check.Report("heap before", heap);
        Check.Report("heap after", heapNow);
        bool ok = Check.That(framesNow == frames, "every frame came back");
        return ok & Check.That(heapNow == heap, "the kernel heap is back to its start");
    }

    private static int End(Process? process)
    {
        if (process is null) return -1;
        ProcessTable.Wait(ProcessTable.KernelId, process.Id, noHang: false, out int status);
        return status;
    }

    private static bool Ended(Process? process)
        => process is null || ProcessTable.Wait(ProcessTable.KernelId, process.Id, noHang: true, out _) != 0;

    private static void Stop(Process? process)
    {
        if (process is null) return;
        ProcessTable.Kill(process.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, process.Id, noHang: false, out _);
    }

    private static bool WaitForScheme(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < 500; i++)
        {
            if (UserSchemes.Find(name) is not null) return true;
            Threads.Sleep(1);
        }
        return false;
    }
}
