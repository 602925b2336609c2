namespace System.Runtime.CompilerServices;

/// <summary>
/// Runs a static constructor the first time its type's statics are touched (ILC calls these by name). The address
/// is cleared before the call so a constructor that touches its own statics does not recurse. Kernel threads that
/// race on a first touch could both see it set; static constructors run at start-up, before the scheduler.
/// </summary>
internal static unsafe class ClassConstructorRunner
{
    private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
    {
        EnsureClassConstructorRun(context);
        return gcStaticBase;
    }

    private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
    {
        EnsureClassConstructorRun(context);
        return nonGcStaticBase;
    }

    public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
    {
        nint cctor = context->cctorMethodAddress;
        if (cctor == 0) return;
        context->cctorMethodAddress = 0;
        // A generic type's constructor is shared code, and the address a fat pointer to {code, the exact type}: RyuJIT
        // compiles every managed calli to test bit 1 and pass the second word as the hidden generic-context argument.
        ((delegate*<void>)cctor)();
    }
}
