using System;

namespace Redox.Analyzers.Api;

/// <summary>What a bare-metal project uses instead of a .NET API the Redox core library lacks (RDX2101's second argument).</summary>
internal static class Hints
{
    /// <summary>The hint for <paramref name="api"/> (a full type or namespace name as RDX2101 shows it).</summary>
    internal static string For(string api)
    {
        if (api == "System.Console")
        {
            return "write bytes to the debug: scheme (Sys.Open(\"debug:\"u8, ...) and Sys.Write in Redox.Syscall); a program's Console-style output goes there";
        }

        if (api.StartsWith("System.Collections", StringComparison.Ordinal) || api == "System.Linq" || api.StartsWith("System.Linq.", StringComparison.Ordinal))
        {
            return "keep a fixed-size array, or a Span<T> over one, with a count; there is no GC to grow collections";
        }

        if (api.StartsWith("System.Threading", StringComparison.Ordinal))
        {
            return "a driver does its work from its scheme loop; a program runs one thread";
        }

        if (api.StartsWith("System.IO", StringComparison.Ordinal) || api.StartsWith("System.Net", StringComparison.Ordinal))
        {
            return "files and devices are schemes: Sys.Open/Read/Write in Redox.Syscall";
        }

        return "use what the core library has (src/Redox.CoreLib/LIMITS.md), or remove the using of it";
    }
}
