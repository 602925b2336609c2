using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Where every interrupt lands (called by <c>Interrupts.S</c>). Returns the frame to resume: the same one (a fault
/// upcall may have changed where it goes on). The timer's switch to another thread happens inside, on this stack.
/// </summary>
public static unsafe class InterruptDispatch
{
    // The core library's hook (Internal.Runtime.CompilerHelpers.HardwareFaults): kind 0 = null dereference,
    // 1 = divide error; context = rip, rsp, rbx, rbp, r12-r15 and a word the runtime fills. Returns 1 after
    // rewriting rip: resume there with that word in r11.
    [MethodImpl(MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("*", "RhpHandleHardwareFault")]
    private static extern int HandleHardwareFault(int kind, ulong* context);

    /// <summary>
    /// A null dereference (#PF below 4 KiB) or a divide error (#DE) in ring-0 managed code that a catch clause
    /// would take becomes a .NET exception: the runtime redirects the frame to a throw helper.
    /// </summary>
    private static bool HandToRuntime(InterruptFrame* frame)
    {
        int kind = frame->Vector == 0 ? 1 : frame->Vector == 14 && Native.ReadCr2() < 0x1000 ? 0 : -1;
        if (kind < 0 || (frame->Cs & 3) != 0) return false;
        ulong* context = stackalloc ulong[9] { frame->Rip, frame->Rsp, frame->Rbx, frame->Rbp, frame->R12, frame->R13, frame->R14, frame->R15, 0 };
        if (HandleHardwareFault(kind, context) == 0) return false;
        frame->Rip = context[0];
        frame->R11 = context[8];
        return true;
    }

    // A runtime export, not UnmanagedCallersOnly: no transition frame to build on every interrupt and voluntary
    // switch (see SyscallEntry.Dispatch).
    [System.Runtime.RuntimeExport("redox_interrupt_dispatch")]
    private static InterruptFrame* Dispatch(InterruptFrame* frame)
    {
        ulong vector = frame->Vector;
        if (vector < ExceptionVectors.Count)
        {
            // A CPU exception in ring 3 ends that process only; in ring 0 it is a kernel bug: report and stop.
            if ((frame->Cs & 3) == 3 && Threads.CurrentProcess is Process process)
            {
                // Its runtime may take the fault as an exception (FaultUpcalls); if not, the same one-line report.
                if (FaultUpcalls.TryDeliver(process, frame, Native.ReadCr2())) return frame;
                ProcessTable.Fault(process, vector, frame->Rip, Native.ReadCr2(), frame->ErrorCode);
                Threads.OnFatalFault();          // never returns: this thread is gone
            }
            // A user copy that met a missing or read-only page resumes at its own failure exit (EFAULT).
            if (vector == 14 && (frame->Cs & 3) == 0 && Native.UserFaultResume(frame->Rip) is ulong resume and not 0)
            {
                frame->Rip = resume;
                return frame;
            }
            // A fault in ring-0 managed code that a catch clause would take becomes a .NET exception.
            if (HandToRuntime(frame)) return frame;
            ExceptionReport.Print(frame);
            Threads.DescribeKernelFault(Native.ReadCr2());      // the kernel's own words on it (a stack guard hit?)
            Panic.Stop();
        }
        if (vector == Pic.VectorBase)
        {
            Pic.EndOfInterrupt(0);
            // time: deadlines due by the tick this interrupt counts fire first, so a queue reader they wake is ready
            // when the scheduler picks (not one tick later).
            if (Threads.Scheduler is { } scheduler) Schemes.TimeScheme.OnTick(scheduler.Ticks + 1);
            Threads.OnTimer((nuint)frame);        // may run other threads before it returns
            return frame;
        }
        if (vector > Pic.VectorBase && vector < Pic.VectorBase + 16) Schemes.IrqLines.OnInterrupt((int)vector - Pic.VectorBase);
        return frame;
    }
}
