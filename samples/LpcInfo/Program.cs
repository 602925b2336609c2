/// <summary>
/// The image's kernel-side Main: nothing to do in the kernel. The work is in ring 3 (the daemons and
/// Programs/LpcInfoClient); the kernel ends the image when they are done and leaves QEMU with 33 when every
/// program ended with 0 (the daemons are stopped by kill 15, which is not a failure).
/// </summary>
public static class Program
{
    /// <summary>Returns 0 at once.</summary>
    public static int Main() => 0;
}
