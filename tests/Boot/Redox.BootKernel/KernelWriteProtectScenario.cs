using Redox.Kernel.Diagnostics;

/// <summary>
/// Writes into the kernel's own code: text is mapped read + execute only (W^X, CR0.WP binds ring 0 too), so the
/// write must page-fault as a protection violation instead of silently patching the kernel.
/// </summary>
public static unsafe class KernelWriteProtectScenario
{
    /// <summary>Never returns when the fault is caught.</summary>
    public static bool Run()
    {
        byte* code = (byte*)(delegate*<bool>)&Run;
        KernelLog.Write("writing to kernel text at ");
        KernelLog.WriteHex((ulong)code);
        KernelLog.WriteLine();
        *code = 0xCC;
        return false;
    }
}
