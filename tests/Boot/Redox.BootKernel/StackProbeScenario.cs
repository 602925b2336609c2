using System.Runtime.CompilerServices;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Scheduling;

/// <summary>
/// A thread calls a function with a 90 KiB frame, far bigger than its 32 KiB stack and its guard. The stack
/// probe in the prologue must touch the stack page by page and fault on the guard page right below the stack
/// (CR2 there, RSP still inside the stack); without probing, the frame lands in the stack slot below, another
/// thread's, and the fault (if any) comes later and elsewhere. Never returns when the probe works.
/// </summary>
public static unsafe class StackProbeScenario
{
    private const int FrameBytes = 90 * 1024;

    private struct Huge
    {
        public fixed byte Bytes[FrameBytes];
    }

    /// <summary>Starts the thread, reports its stack, and waits for the machine to stop.</summary>
    public static bool Run()
    {
        KernelThread thread = Threads.Spawn("bigframe", &BigFrame, 7);
        KernelLog.Write("stackprobe stack ");
        KernelLog.WriteHex(thread.StackBase);
        KernelLog.Write("..");
        KernelLog.WriteHex(thread.StackBase + (nuint)Threads.StackSize);
        KernelLog.WriteLine();
        Threads.Sleep(100);
        KernelLog.WriteLine("stackprobe: the 90 KiB frame did not fault");
        return false;
    }

    private static void BigFrame(nint seed) => KernelLog.WriteDecimal(Use(seed));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Use(nint seed)
    {
        Huge huge;
        huge.Bytes[seed] = (byte)seed;
        huge.Bytes[FrameBytes - 1 - seed] = 1;
        return (ulong)(huge.Bytes[seed] + huge.Bytes[FrameBytes - 1 - seed]);
    }
}
