using Redox.Kernel.Diagnostics;

/// <summary>
/// The image's kernel-side Main: runs on the kernel's boot thread after the boot log says <c>ready</c>, while the
/// ring-3 programs (the driver's daemon and the client) run in their own address spaces. The kernel ends the image
/// when this Main and the programs are done, stopping the daemon then.
/// </summary>
public static class Program
{
    /// <summary>0: with the default kernel command line, the kernel then leaves QEMU once the programs are done.</summary>
    public static int Main()
    {
        KernelLog.WriteLine("image: MyImage is up; the driver and its client run in ring 3");
        return 0;
    }
}
