using Redox.Kernel.Diagnostics;

/// <summary>One named in-kernel assertion: logs failures so the test host can show which check broke.</summary>
public static class Check
{
    /// <summary>Logs <paramref name="what"/> when <paramref name="condition"/> is false; returns the condition.</summary>
    public static bool That(bool condition, string what)
    {
        if (!condition)
        {
            KernelLog.Write("check failed: ");
            KernelLog.WriteLine(what);
        }
        return condition;
    }

    /// <summary>Logs a name and a number.</summary>
    public static void Report(string what, ulong value)
    {
        KernelLog.Write(what);
        KernelLog.Write("=");
        KernelLog.WriteDecimal(value);
        KernelLog.WriteLine();
    }
}
