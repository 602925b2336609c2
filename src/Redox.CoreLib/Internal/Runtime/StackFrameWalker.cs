using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// Walks managed frames from a throw towards the stack's base: each step unwinds one frame with its CFI. When a
/// step lands on the return address of a funclet-calling stub, the funclet's own frames end there: the walk goes
/// straight to the frame that owns the funclet (as the dispatcher recorded it) and remembers which clause was
/// running, so the search resumes after it. Landing in the filter stub ends the walk: the exception escaped a
/// filter. The walk also ends at the first code without ILC's unwind information.
/// </summary>
internal unsafe struct StackFrameWalker
{
    /// <summary>The current frame's registers.</summary>
    public RegisterContext Registers;

    /// <summary>The current frame's code.</summary>
    public ManagedCode Code;

    /// <summary>In a frame reached from its funclet, the index of the clause that ran; -1 otherwise.</summary>
    public int SkipClauseIndex;

    /// <summary>The protected range of that clause.</summary>
    public uint SkipTryStart, SkipTryEnd;

    /// <summary>The last catch funclet call the walk stepped out of (for <c>throw;</c>).</summary>
    public ExceptionHandling.FuncletCall* CrossedCatch;

    /// <summary>Non-zero when the walk ended at a filter stub: the stack pointer to resume it with.</summary>
    public nuint EscapedFilterStackPointer;

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpCallCatchFuncletReturn")]
    private static extern void CatchReturn();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpCallFinallyFuncletReturn")]
    private static extern void FinallyReturn();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpCallFilterFuncletReturn")]
    private static extern void FilterReturn();

    /// <summary>The offset, from the method's start, of the instruction the frame is in (its call or its fault).</summary>
    public readonly uint CodeOffset => (uint)(Registers.Rip - 1 - Code.MethodStart);

    /// <summary>Starts at the frame <paramref name="context"/> describes; false if it is not managed code.</summary>
    public bool Start(RegisterContext* context)
    {
        Registers = *context;
        SkipClauseIndex = -1;
        CrossedCatch = null;
        EscapedFilterStackPointer = 0;
        return ManagedCode.TryFind(Registers.Rip - 1, out Code);
    }

    /// <summary>Steps to the calling frame; false at the end of the managed stack.</summary>
    public bool Next()
    {
        SkipClauseIndex = -1;
        if (!DwarfUnwinder.Unwind(ref Registers, Code.Function, Registers.Rip - 1)) return false;
        nuint returnAddress = Registers.Rip;
        if (returnAddress == (nuint)(delegate*<void>)&FilterReturn)
        {
            EscapedFilterStackPointer = Registers.Rsp;
            return false;
        }
        bool fromCatch = returnAddress == (nuint)(delegate*<void>)&CatchReturn;
        if (fromCatch || returnAddress == (nuint)(delegate*<void>)&FinallyReturn)
        {
            // The stub pushed the record's address last: it is at the stack pointer the funclet returns to.
            ExceptionHandling.FuncletCall* call = *(ExceptionHandling.FuncletCall**)Registers.Rsp;
            if (fromCatch) CrossedCatch = call;
            Registers = call->Frame;
            SkipClauseIndex = call->ClauseIndex;
            SkipTryStart = call->TryStart;
            SkipTryEnd = call->TryEnd;
        }
        return ManagedCode.TryFind(Registers.Rip - 1, out Code);
    }
}
