using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// CPU faults as .NET exceptions in a process. At start the runtime registers <c>redox_fault_entry</c>
/// (native/x64/FaultEntry.S) with the kernel (SYS_FAULT_UPCALL). On a fault in ring 3 the kernel calls it with a
/// record of the interrupted registers; this class asks the core library's <c>RhpHandleHardwareFault</c> (the
/// same hook the kernel's own fault handler calls in ring 0) whether a catch clause would take a null dereference
/// (#PF below 4 KiB) or a division error (#DE) at a managed site. If so, the record is rewritten to resume at the
/// core library's throw trampoline; if not, the kernel ends the process with the same one-line fault report and
/// SIGSEGV as a process without an entry.
/// </summary>
public static unsafe class FaultUpcall
{
    // Word indices in the record (Redox.Kernel's FaultUpcalls.RecordWords describes it).
    private const int Vector = 0, Rip = 2, Cr2 = 3, Rsp = 4, Rbx = 7, Rbp = 12, R11 = 16, R12 = 17, R13 = 18, R14 = 19, R15 = 20;

    private const ulong DivideError = 0, PageFault = 14, NullPageEnd = 0x1000;

    // The core library's kinds (Internal.Runtime.CompilerHelpers.HardwareFaults).
    private const int NullReference = 0, DivideByZero = 1;

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_fault_entry_address")]
    private static extern nint EntryAddress();

    // context = rip, rsp, rbx, rbp, r12-r15 and a word the runtime fills; returns 1 after rewriting rip (resume
    // there with that word in r11), 0 when no handler would take the fault.
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpHandleHardwareFault")]
    private static extern int HandleHardwareFault(int kind, ulong* context);

    /// <summary>Registers the entry; called once by start-up, before Main.</summary>
    internal static void Register() => Sys.FaultUpcall(FaultUpcallOp.Register, (nuint)EntryAddress());

    [UnmanagedCallersOnly(EntryPoint = "redox_fault_upcall")]
    private static void Upcall(ulong* record)
    {
        int kind = record[Vector] == DivideError ? DivideByZero
            : record[Vector] == PageFault && record[Cr2] < NullPageEnd ? NullReference : -1;
        if (kind >= 0)
        {
            ulong* context = stackalloc ulong[9] { record[Rip], record[Rsp], record[Rbx], record[Rbp], record[R12], record[R13], record[R14], record[R15], 0 };
            if (HandleHardwareFault(kind, context) != 0)
            {
                record[Rip] = context[0];
                record[R11] = context[8];
                Sys.FaultUpcall(FaultUpcallOp.Handled);
                return;   // FaultEntry.S resumes from the record
            }
        }
        Sys.FaultUpcall(FaultUpcallOp.Decline);   // does not return: the kernel reports the fault and ends the process
        Process.Exit(128 + (int)Signal.SIGSEGV);
    }
}
