using Redox.Runtime;
using Redox.Syscall;

/// <summary>Opening a daemon's scheme, which may not exist yet.</summary>
public static class Schemes
{
    /// <summary>How long to wait for a daemon's scheme, in 10 ms naps.</summary>
    private const int Attempts = 300;

    /// <summary>
    /// Opens <paramref name="path"/>. The kernel starts the manifest's programs in order but does not wait for a daemon to
    /// create its scheme, and an open of a scheme nobody has created yet answers ENODEV: so it retries, napping, for up to
    /// 3 s. False (after printing why) on any other error or when the scheme never appears.
    /// </summary>
    public static bool Open(ReadOnlySpan<byte> path, OpenFlags flags, out nuint fd)
    {
        fd = 0;
        SyscallResult opened = default;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            opened = Sys.Open(path, flags);
            if (!opened.IsError)
            {
                fd = (nuint)opened.Value;
                return true;
            }
            if (opened.Error != Errno.ENODEV) break;
            Process.Sleep(10);
        }
        Output.Failed(path, opened);
        return false;
    }
}
