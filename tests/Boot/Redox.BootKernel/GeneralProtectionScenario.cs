using Redox.Kernel.Diagnostics;

/// <summary>
/// Loads DS with a selector far past the GDT limit: the CPU raises #GP with the selector as its error code. The
/// report must show exactly that error code and the faulting instruction's address (a stub that forgot the
/// CPU-pushed error code would shift every field). Never returns.
/// </summary>
public static class GeneralProtectionScenario
{
    /// <summary>GDT index 511, table GDT, RPL 0: the error code the test expects.</summary>
    public const ushort Selector = 0x0FF8;

    /// <summary>Prints where the fault will be, then raises it.</summary>
    public static bool Run()
    {
        KernelLog.Write("gp site ");
        KernelLog.WriteHex(TestNative.GeneralProtectionSite());
        KernelLog.WriteLine();
        TestNative.LoadDataSegment(Selector);
        return false;
    }
}
