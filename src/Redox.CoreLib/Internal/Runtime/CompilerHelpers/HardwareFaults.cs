using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// Turns a CPU fault in managed code into a .NET exception, when some frame would catch it. Whoever fields the
/// fault (the kernel's interrupt dispatch today; a process's signal-like entry later) calls
/// <c>RhpHandleHardwareFault(kind, context)</c> with the interrupted state. If the faulting instruction is managed
/// code and a catch clause (or a filter) on the stack could take the exception, the runtime rewrites the context:
/// resume at a trampoline (HardwareFaults.S) with r11 = fault address + 1. The trampoline pushes r11 and jumps to
/// a throw helper, so unwinding sees the fault site exactly as a call site. (The runtime cannot push for itself:
/// in ring 0 the interrupt frame sits just below the interrupted stack pointer.) r11 is caller-saved, so nothing
/// live is lost: the faulting instruction never completes. Otherwise it returns 0 and the caller reports the
/// fault as before (registers and all), which says more than an unhandled-exception panic would.
/// </summary>
internal static unsafe class HardwareFaults
{
    /// <summary>A page fault in the first page: a null dereference.</summary>
    public const int NullReference = 0;

    /// <summary>#DE: an integer division by zero (or of the minimum value by -1).</summary>
    public const int DivideByZero = 1;

    // Type descriptors for the would-it-be-caught scan, made at start-up so the hook never allocates.
    private static readonly NullReferenceException s_nullReference = new NullReferenceException();
    private static readonly DivideByZeroException s_divideByZero = new DivideByZeroException();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpNullReferenceFault")]
    private static extern void NullReferenceTrampoline();

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpDivideByZeroFault")]
    private static extern void DivideByZeroTrampoline();

    /// <summary>
    /// The hook. <paramref name="context"/> holds nine words: rip, rsp, rbx, rbp, r12, r13, r14, r15 of the
    /// interrupted code, then a ninth the runtime fills. On a return of 1, resume with the rewritten rip and the
    /// ninth word in r11 (every other register as interrupted); on 0, nothing was changed.
    /// </summary>
    [RuntimeExport("RhpHandleHardwareFault")]
    public static int Handle(int kind, RegisterContext* context)
    {
        MethodTable* type;
        nuint trampoline;
        if (kind == NullReference)
        {
            type = s_nullReference.m_pEEType;
            trampoline = (nuint)(delegate*<void>)&NullReferenceTrampoline;
        }
        else if (kind == DivideByZero)
        {
            type = s_divideByZero.m_pEEType;
            trampoline = (nuint)(delegate*<void>)&DivideByZeroTrampoline;
        }
        else return 0;

        nuint faultAddress = context->Rip;
        if (!ManagedCode.TryFind(faultAddress, out _)) return 0;
        RegisterContext asCall = *context;
        asCall.Rip = faultAddress + 1;  // the walk looks up Rip - 1: the faulting instruction itself
        if (!ExceptionHandling.MayBeCaught(type, &asCall)) return 0;

        context->Rip = trampoline;
        ((nuint*)context)[8] = faultAddress + 1;
        return 1;
    }

    [RuntimeExport("RhpThrowNullReferenceFromFault")]
    private static void ThrowNullReference() => throw new NullReferenceException();

    [RuntimeExport("RhpThrowDivideByZeroFromFault")]
    private static void ThrowDivideByZero() => throw new DivideByZeroException();
}
