using Redox.Kernel.Diagnostics;

namespace Redox.Kernel.Arch.X64;

/// <summary>Prints a CPU exception with everything needed to find it: vector, error code, RIP, CR2 and registers.</summary>
public static unsafe class ExceptionReport
{
    /// <summary>Writes the report to the kernel log.</summary>
    public static void Print(InterruptFrame* f)
    {
        KernelLog.Write("EXCEPTION ");
        KernelLog.Write(ExceptionVectors.Name(f->Vector));
        KernelLog.Write(" (vector ");
        KernelLog.WriteDecimal(f->Vector);
        KernelLog.Write(") error=");
        KernelLog.WriteHex(f->ErrorCode, 4);
        KernelLog.WriteLine();
        Pair("RIP", f->Rip, "CR2", Native.ReadCr2());
        Pair("RSP", f->Rsp, "RFLAGS", f->Rflags);
        Pair("CS", f->Cs, "SS", f->Ss);
        Pair("RAX", f->Rax, "RBX", f->Rbx);
        Pair("RCX", f->Rcx, "RDX", f->Rdx);
        Pair("RSI", f->Rsi, "RDI", f->Rdi);
        Pair("RBP", f->Rbp, "R8", f->R8);
        Pair("R9", f->R9, "R10", f->R10);
        Pair("R11", f->R11, "R12", f->R12);
        Pair("R13", f->R13, "R14", f->R14);
        Pair("R15", f->R15, "CR3", Native.ReadCr3());
        if (f->Vector == ExceptionVectors.PageFault)
        {
            // Page-fault error code bits (Intel SDM 4.7): P, W/R, U/S, RSVD, I/D.
            KernelLog.Write((f->ErrorCode & 1) != 0 ? "  protection violation" : "  page not present");
            KernelLog.Write((f->ErrorCode & 2) != 0 ? ", write" : ", read");
            KernelLog.Write((f->ErrorCode & 4) != 0 ? ", user mode" : ", kernel mode");
            if ((f->ErrorCode & 16) != 0) KernelLog.Write(", instruction fetch");
            KernelLog.WriteLine();
        }
    }

    private static void Pair(string name1, ulong value1, string name2, ulong value2)
    {
        KernelLog.Write("  ");
        KernelLog.Write(name1);
        KernelLog.Write("=");
        KernelLog.WriteHex(value1);
        KernelLog.Write("  ");
        KernelLog.Write(name2);
        KernelLog.Write("=");
        KernelLog.WriteHex(value2);
        KernelLog.WriteLine();
    }
}
