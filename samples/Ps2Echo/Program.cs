/// <summary>
/// The sample image's kernel Main: nothing to do on the boot thread. ps2d and echo run in ring 3; the kernel ends the
/// image when echo is done (after Escape), stopping ps2d then.
/// </summary>
public static class Program
{
    /// <summary>Returns 0 at once.</summary>
    public static int Main() => 0;
}
