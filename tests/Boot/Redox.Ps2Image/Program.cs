/// <summary>
/// The PS/2 boot-test image's kernel Main: nothing to do on the boot thread. The initfs programs (ps2d and ps2client)
/// run in ring 3; the kernel ends the image when the client is done, stopping ps2d then.
/// </summary>
public static class Program
{
    /// <summary>Returns 0 at once; the verdict is the client's exit code.</summary>
    public static int Main() => 0;
}
