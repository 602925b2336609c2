using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// Exception dispatch, in two passes as ECMA-335 I.12.4.2.5 and NativeAOT's EH.cs do it: the first pass walks the
/// stack from the throw (with <see cref="StackFrameWalker"/>, which reads ILC's unwind and EH information) until a
/// catch clause matches or a filter says yes; the second pass walks again, running every finally funclet on the way,
/// then calls the catch funclet and resumes the catching frame where the funclet says. With no catch at all, the
/// exception is unhandled: the kernel panics with its type and message, as before. The stubs that enter here and
/// that call funclets are in ExceptionHandling.S. Nothing here allocates or is kernel-specific.
/// </summary>
internal static unsafe class ExceptionHandling
{
    /// <summary>
    /// What the dispatcher hands a funclet-calling stub: the frame whose funclet runs (the registers it is loaded
    /// with), and which clause, so an exception escaping the funclet resumes the search in that frame after it.
    /// The context comes first: a contract with ExceptionHandling.S.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct FuncletCall
    {
        public RegisterContext Frame;
        public nint Exception;
        public int ClauseIndex;
        public uint TryStart, TryEnd;
    }

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpCallCatchFunclet")]
    private static extern void CallCatchFunclet(object exception, nuint handler, FuncletCall* call);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpCallFinallyFunclet")]
    private static extern void CallFinallyFunclet(nuint handler, FuncletCall* call);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpCallFilterFunclet")]
    private static extern int CallFilterFunclet(object exception, nuint filter, FuncletCall* call);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpResumeAfterFilter")]
    private static extern void ResumeAfterFilter(nuint stackPointer);

    /// <summary>Called by RhpThrowEx and RhpRethrow (exception null) with the throwing frame's context. Never returns.</summary>
    [RuntimeExport("RhpDispatchException")]
    public static void DispatchException(object? exception, RegisterContext* context, int rethrow)
    {
        if (rethrow != 0) exception = ExceptionBeingHandled(context);
        if (exception is null)
        {
            PanicText("runtime", "throw; outside a catch block");
            return;
        }

        // Pass 1: find the catching frame and clause (or an exception filter the exception escaped).
        FuncletCall call = default;
        StackFrameWalker walker = default;
        int catchFrame = -1, catchClause = -1;
        int frame = 0;
        bool found = false;
        for (bool more = walker.Start(context); more; more = walker.Next(), frame++)
        {
            uint offset = walker.CodeOffset;
            int count = walker.Code.ClauseCount;
            SkipState skip = new SkipState(walker);
            for (int i = 0; i < count; i++)
            {
                EHClause clause = walker.Code.GetClause(i);
                if (skip.Skips(i, clause) || !clause.Contains(offset) || clause.Kind == EHClauseKind.Fault) continue;
                bool matches = clause.Kind == EHClauseKind.Typed
                    ? TypeCast.AreTypesAssignable(exception.m_pEEType, clause.Type)
                    : RunFilter(exception, clause, i, walker.Registers, &call);
                if (matches)
                {
                    catchFrame = frame;
                    catchClause = i;
                    found = true;
                    break;
                }
            }
            if (found) break;
        }
        if (!found && walker.EscapedFilterStackPointer == 0)
        {
            Panic(exception);
            return;
        }

        // Pass 2: run the finally funclets between the throw and the catch (innermost first), then the catch.
        frame = 0;
        for (bool more = walker.Start(context); more; more = walker.Next(), frame++)
        {
            uint offset = walker.CodeOffset;
            int limit = frame == catchFrame ? catchClause : walker.Code.ClauseCount;
            SkipState skip = new SkipState(walker);
            for (int i = 0; i < limit; i++)
            {
                EHClause clause = walker.Code.GetClause(i);
                if (skip.Skips(i, clause) || clause.Kind != EHClauseKind.Fault || !clause.Contains(offset)) continue;
                Prepare(&call, walker.Registers, i, clause, exception);
                CallFinallyFunclet(clause.Handler, &call);
            }
            if (frame == catchFrame) break;
        }
        if (!found)
        {
            // The exception escaped a filter: as in .NET, that filter says "no" and its own dispatch goes on.
            ResumeAfterFilter(walker.EscapedFilterStackPointer);
            return;
        }
        EHClause handler = walker.Code.GetClause(catchClause);
        Prepare(&call, walker.Registers, catchClause, handler, exception);
        CallCatchFunclet(exception, handler.Handler, &call);
    }

    /// <summary>
    /// True when a catch clause for <paramref name="type"/>, or any filter (it would decide), protects a frame on
    /// the stack from <paramref name="context"/> up. Runs nothing.
    /// </summary>
    internal static bool MayBeCaught(MethodTable* type, RegisterContext* context)
    {
        StackFrameWalker walker = default;
        for (bool more = walker.Start(context); more; more = walker.Next())
        {
            uint offset = walker.CodeOffset;
            int count = walker.Code.ClauseCount;
            SkipState skip = new SkipState(walker);
            for (int i = 0; i < count; i++)
            {
                EHClause clause = walker.Code.GetClause(i);
                if (skip.Skips(i, clause) || !clause.Contains(offset)) continue;
                if (clause.Kind == EHClauseKind.Filter) return true;
                if (clause.Kind == EHClauseKind.Typed && TypeCast.AreTypesAssignable(type, clause.Type)) return true;
            }
        }
        return walker.EscapedFilterStackPointer != 0;
    }

    private static bool RunFilter(object exception, EHClause clause, int index, RegisterContext registers, FuncletCall* call)
    {
        Prepare(call, registers, index, clause, exception);
        return CallFilterFunclet(exception, clause.Filter, call) != 0;
    }

    private static void Prepare(FuncletCall* call, RegisterContext registers, int index, EHClause clause, object exception)
    {
        call->Frame = registers;
        call->ClauseIndex = index;
        call->TryStart = clause.TryStart;
        call->TryEnd = clause.TryEnd;
        call->Exception = (nint)Allocation.ObjectAddress(exception);
    }

    /// <summary>For <c>throw;</c>: the exception of the innermost catch funclet running on this stack.</summary>
    private static object? ExceptionBeingHandled(RegisterContext* context)
    {
        StackFrameWalker walker = default;
        for (bool more = walker.Start(context); more; more = walker.Next())
        {
            if (walker.CrossedCatch != null) return Unsafe.As<nint, object>(ref walker.CrossedCatch->Exception);
        }
        return walker.CrossedCatch != null ? Unsafe.As<nint, object>(ref walker.CrossedCatch->Exception) : null;
    }

    /// <summary>
    /// In a frame reached from one of its own funclets, the clauses up to the one whose handler ran, and any
    /// clause protecting the very same range (its sibling catch clauses), are already done.
    /// </summary>
    private struct SkipState
    {
        private int _index;
        private uint _tryStart, _tryEnd;

        public SkipState(in StackFrameWalker walker)
        {
            _index = walker.SkipClauseIndex;
            _tryStart = walker.SkipTryStart;
            _tryEnd = walker.SkipTryEnd;
        }

        public bool Skips(int index, EHClause clause)
        {
            if (_index < 0) return false;
            if (index <= _index || (clause.TryStart == _tryStart && clause.TryEnd == _tryEnd)) return true;
            _index = -1;
            return false;
        }
    }

    [RuntimeExport("RhpFallbackFailFast")]
    public static void RhpFallbackFailFast() => PanicText("fail-fast", "the runtime hit an unrecoverable state");

    /// <summary>An exception no catch clause takes: the kernel's panic with the exception's type and message.</summary>
    internal static void Panic(object exception)
    {
        // The message is read through the exception's virtual Message; a failure in there would recurse, so
        // nothing here allocates or throws.
        string message = exception is Exception e ? e.Message : "(not an Exception)";
        void* type = exception.m_pEEType;
        fixed (char* text = message)
            KernelImports.PanicException(type, text, message.Length);
    }

    internal static void PanicText(string kind, string message)
    {
        fixed (char* k = kind) fixed (char* text = message)
            KernelImports.Panic(k, kind.Length, text, message.Length);
    }
}
