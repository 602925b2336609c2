using Redox.Kernel.Diagnostics;
using Redox.TwoWorlds;

/// <summary>Runs the shared library's self-check and prints its digest for the host test to compare.</summary>
public static class TwoWorldsScenario
{
    /// <summary>Prints <c>twoworlds digest=0x...</c>.</summary>
    public static bool Run()
    {
        KernelLog.Write("twoworlds digest=");
        KernelLog.WriteHex(SelfCheck.Digest(), 8);
        KernelLog.WriteLine();
        return true;
    }
}
