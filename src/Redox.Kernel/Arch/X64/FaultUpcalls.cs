using Redox.Kernel.Arch.X64;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract (a trap handler: it writes this arch's registers into the process's record): CPU faults handed back to the process that raised them (SYS_FAULT_UPCALL, a Redox.NET extension), so that its
/// runtime can turn a null dereference or a division by zero in managed code into a .NET exception, as the kernel's
/// own runtime does in ring 0. The process registers an entry at start. On a ring-3 fault with an entry registered
/// and no upcall already running, the kernel writes a fault record below the interrupted stack pointer (past the
/// System V red zone) and resumes the process at the entry with rdi = the record. The runtime then says Handled
/// (it resumes itself from the record) or Decline (it ends with the report of the fault as if no entry existed). A
/// fault during the upcall, a record that does not fit on the stack, or no entry: the fault ends the process
/// exactly as before. So a fault can never loop: each delivery needs a Handled first.
/// </summary>
public static unsafe class FaultUpcalls
{
    /// <summary>
    /// The record, in 64-bit words (a contract with Redox.Runtime's native/x64/FaultEntry.S): vector, error code,
    /// RIP, CR2, RSP, RFLAGS, then RAX, RBX, RCX, RDX, RSI, RDI, RBP, R8..R15 as interrupted.
    /// </summary>
    public const int RecordWords = 21;

    /// <summary>Faults delivered to a process's runtime since boot (boot tests check that a fault is delivered once).</summary>
    public static ulong Delivered { get; private set; }

    // The System V red zone: leaf code may keep data in the 128 bytes below RSP.
    private const ulong RedZone = 128;

    /// <summary>
    /// Delivers the fault in <paramref name="frame"/> to <paramref name="process"/>'s runtime; false (nothing changed)
    /// when it has no entry, is already in an upcall, or the record cannot be written to its stack.
    /// </summary>
    public static bool TryDeliver(Process process, InterruptFrame* frame, ulong cr2)
    {
        if (process.FaultEntry == 0 || process.InFaultUpcall) return false;
        ulong record = ((frame->Rsp - RedZone - RecordWords * 8) & ~15UL);
        ulong* words = stackalloc ulong[RecordWords + 1];
        words[0] = 0;   // the entry's "return address": nothing to return to
        ulong* r = words + 1;
        r[0] = frame->Vector; r[1] = frame->ErrorCode; r[2] = frame->Rip; r[3] = cr2; r[4] = frame->Rsp; r[5] = frame->Rflags;
        r[6] = frame->Rax; r[7] = frame->Rbx; r[8] = frame->Rcx; r[9] = frame->Rdx; r[10] = frame->Rsi; r[11] = frame->Rdi; r[12] = frame->Rbp;
        r[13] = frame->R8; r[14] = frame->R9; r[15] = frame->R10; r[16] = frame->R11;
        r[17] = frame->R12; r[18] = frame->R13; r[19] = frame->R14; r[20] = frame->R15;
        if (record < 8 || UserMemory.CopyOut(record - 8, words, (RecordWords + 1) * 8) != 0) return false;
        process.FaultVector = frame->Vector;
        process.FaultRip = frame->Rip;
        process.FaultCr2 = cr2;
        process.FaultError = frame->ErrorCode;
        process.InFaultUpcall = true;
        Delivered++;
        frame->Rip = process.FaultEntry;
        frame->Rsp = record - 8;
        frame->Rdi = record;
        frame->Rflags &= ~0x400UL;   // DF clear, as the System V ABI requires at a call
        return true;
    }

    /// <summary>SYS_FAULT_UPCALL(op, entry).</summary>
    public static SyscallResult Call(Process process, ulong op, ulong entry)
    {
        switch ((FaultUpcallOp)op)
        {
            case FaultUpcallOp.Register:
                if (process.InFaultUpcall) return Errno.EBUSY;
                if (entry != 0 && !UserLayout.Contains(entry, 1)) return Errno.EFAULT;
                process.FaultEntry = entry;
                return SyscallResult.Ok(0);
            case FaultUpcallOp.Handled:
                if (!process.InFaultUpcall) return Errno.EINVAL;
                process.InFaultUpcall = false;
                return SyscallResult.Ok(0);
            case FaultUpcallOp.Decline:
                if (!process.InFaultUpcall) return Errno.EINVAL;
                ProcessTable.Fault(process, process.FaultVector, process.FaultRip, process.FaultCr2, process.FaultError);
                Threads.Exit();
                return Errno.EINVAL;
            default:
                return Errno.EINVAL;
        }
    }
}
