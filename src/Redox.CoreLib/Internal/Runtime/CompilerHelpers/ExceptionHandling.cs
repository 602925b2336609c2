using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// What a <c>throw</c> reaches. There is no unwinder yet, so every exception is unhandled: the kernel panics with
/// the exception's type and message (the type name comes from the kernel's symbol table, see KernelImports).
/// </summary>
internal static unsafe class ExceptionHandling
{
    [RuntimeExport("RhpThrowEx")]
    public static void RhpThrowEx(object exception) => Panic(exception);

    [RuntimeExport("RhpRethrow")]
    public static void RhpRethrow() => PanicText("rethrow", "a catch block ran, but bare metal has no unwinder");

    [RuntimeExport("RhpFallbackFailFast")]
    public static void RhpFallbackFailFast() => PanicText("fail-fast", "the runtime hit an unrecoverable state");

    private static void Panic(object exception)
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
