using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// What <c>Interrupts.S</c> leaves on the stack: the SSE state (fxsave), the general registers, the vector and
/// error code, then what the CPU pushed. The layout is a contract with that file.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct InterruptFrame
{
    /// <summary>The fxsave image (x87/SSE registers, MXCSR).</summary>
    public fixed byte FxState[512];

    /// <summary>General registers, in the order the stub pushed them (last pushed first).</summary>
    public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;

    /// <summary>The interrupt vector (0-255).</summary>
    public ulong Vector;

    /// <summary>The CPU's error code, or 0 for vectors that have none.</summary>
    public ulong ErrorCode;

    /// <summary>Where execution resumes.</summary>
    public ulong Rip;

    /// <summary>The code segment to resume in.</summary>
    public ulong Cs;

    /// <summary>The flags to restore (IF = 0x200).</summary>
    public ulong Rflags;

    /// <summary>The stack pointer to resume with.</summary>
    public ulong Rsp;

    /// <summary>The stack segment to resume with.</summary>
    public ulong Ss;
}
