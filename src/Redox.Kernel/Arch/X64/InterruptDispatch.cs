using System.Runtime.InteropServices;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Where every interrupt lands (called by <c>Interrupts.S</c>). Returns the frame to resume: the same one, or
/// another thread's when the scheduler switches.
/// </summary>
public static unsafe class InterruptDispatch
{
    /// <summary>The vector <c>redox_yield</c> raises for voluntary switches.</summary>
    public const int YieldVector = 0x81;

    [UnmanagedCallersOnly(EntryPoint = "redox_interrupt_dispatch")]
    private static InterruptFrame* Dispatch(InterruptFrame* frame)
    {
        ulong vector = frame->Vector;
        if (vector < ExceptionVectors.Count)
        {
            // A CPU exception in ring 3 ends that process only; in ring 0 it is a kernel bug: report and stop.
            if ((frame->Cs & 3) == 3 && Threads.Current.Process is Process process)
            {
                ProcessTable.Fault(process, vector, frame->Rip, Native.ReadCr2(), frame->ErrorCode);
                return (InterruptFrame*)Threads.OnFatalFault((nuint)frame);
            }
            ExceptionReport.Print(frame);
            Panic.Stop();
        }
        if (vector == Pic.VectorBase)
        {
            Pic.EndOfInterrupt(0);
            return (InterruptFrame*)Threads.OnTimer((nuint)frame);
        }
        if (vector == YieldVector) return (InterruptFrame*)Threads.OnYield((nuint)frame);
        if (vector > Pic.VectorBase && vector < Pic.VectorBase + 16) Pic.EndOfInterrupt((int)vector - Pic.VectorBase);
        return frame;
    }
}
