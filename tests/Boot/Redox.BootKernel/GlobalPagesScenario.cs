/// <summary>
/// The kernel half's mappings (physical window, image) are marked Global; that only means something with CR4.PGE
/// set (Intel SDM vol. 3, 4.10.2.4), and matters once every process switch loads CR3. Checks CR4.PGE, and the bits set next to it in the boot stub (PAE, OSFXSR, OSXMMEXCPT).
/// With page-table isolation (<c>redox.kpti=on</c>, the <c>globalpages-kpti</c> variant) the opposite: a global kernel
/// translation would outlive the switch to a process's user view, so PGE must be off. QEMU's TCG flushes global entries
/// on every CR3 write anyway, so no ring-3 probe can tell; this check can.
/// </summary>
public static class GlobalPagesScenario
{
    private const ulong Pae = 1UL << 5, Pge = 1UL << 7, OsFxsr = 1UL << 9, OsXmmExcpt = 1UL << 10;

    /// <summary>Passes when CR4 has PGE (and the other bits the kernel relies on).</summary>
    public static bool Run()
    {
        ulong cr4 = TestNative.ReadCr4();
        Check.Report("globalpages CR4", cr4);
        bool ok = Redox.Kernel.Boot.KernelCommandLine.HasWord(Redox.Kernel.Boot.KernelCommandLine.Current, "redox.kpti=on"u8)
            ? Check.That((cr4 & Pge) == 0, "CR4.PGE is clear with page-table isolation: no kernel translation survives the switch to a user view")
            : Check.That((cr4 & Pge) != 0, "CR4.PGE is set: Global pages stay in the TLB across CR3 loads");
        ok &= Check.That((cr4 & (Pae | OsFxsr | OsXmmExcpt)) == (Pae | OsFxsr | OsXmmExcpt), "CR4.PAE, OSFXSR and OSXMMEXCPT are set");
        return ok;
    }
}
