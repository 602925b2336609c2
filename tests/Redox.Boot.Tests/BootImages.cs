using System.Reflection;

namespace Redox.Boot.Tests;

/// <summary>Where the build put the boot-test ISOs (one per scenario) and the two-worlds library.</summary>
public static class BootImages
{
    /// <summary>How long one boot may take before the test gives up (TCG on a loaded 2-core machine).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The ISO of a scenario.</summary>
    public static string Iso(string scenario) => Path.Combine(Metadata("BootImageDirectory"), scenario + ".iso");

    /// <summary>The exact DLL ILC compiled into the boot image.</summary>
    public static string TwoWorldsAssembly => Metadata("TwoWorldsAssembly");

    /// <summary>Boots a scenario.</summary>
    public static BootResult Boot(string scenario, bool uefi = false) => Qemu.Boot(Iso(scenario), Timeout, uefi);

    /// <summary>
    /// Boots a scenario with QEMU's instruction counting (<c>-icount shift=4</c>: each instruction is 16 ns of guest
    /// time): guest time, the TSC and the PIT advance with executed instructions, so timer checks do not depend on
    /// how loaded the host is (in real time a descheduled QEMU drops ticks itself). shift=0 makes the firmware and
    /// GRUB take ~40 s; shift=4 boots in seconds.
    /// </summary>
    public static BootResult BootCountingInstructions(string scenario) => Qemu.Boot(Iso(scenario), Timeout, uefi: false, ["-icount", "shift=4"]);

    /// <summary>
    /// The suffix of a scenario's variant with kernel page-table isolation (tests/Boot/Redox.BootKernel builds
    /// <c>&lt;scenario&gt;-kpti.iso</c> with the SDK's PageTableIsolation, which adds <c>redox.kpti=on</c>).
    /// </summary>
    public const string Isolated = "-kpti";

    /// <summary>The kernel says it isolates page tables exactly in an isolated variant (and the command line says why).</summary>
    public static void AssertIsolation(BootResult boot, string variant)
    {
        if (variant == Isolated)
        {
            Xunit.Assert.Contains("redox.kpti=on", boot.KernelLog);
            Xunit.Assert.Contains("cpu: page-table isolation on, ", boot.KernelLog);
        }
        else
        {
            Xunit.Assert.DoesNotContain("redox.kpti=on", boot.KernelLog);
            Xunit.Assert.DoesNotContain("page-table isolation on", boot.KernelLog);
        }
    }

    private static string Metadata(string key) =>
        typeof(BootImages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
