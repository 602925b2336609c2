using Redox.Syscall;

/// <summary>The MyDriver daemon: runs the driver until the kernel stops it (a kill by signal 15 when the image is done).</summary>
public static class Program
{
    /// <summary>Returns only when the driver could not serve; the kernel logs the code and may restart the daemon.</summary>
    public static int Main()
    {
        SyscallResult served = MyDriver.MyDriverDriver.Run();
        if (!served.IsError)
        {
            return 0;
        }
        // "myschemed: stopped, errno N" in one write, so the line reaches the console whole.
        Span<byte> line = stackalloc byte[48];
        ReadOnlySpan<byte> text = "myschemed: stopped, errno "u8;
        text.CopyTo(line);
        int length = text.Length, errno = (int)served.Error;
        int digits = errno >= 100 ? 3 : errno >= 10 ? 2 : 1;
        for (int i = digits - 1, rest = errno; i >= 0; i--, rest /= 10) line[length + i] = (byte)('0' + rest % 10);
        length += digits;
        line[length++] = (byte)'\n';
        Sys.Write(2, line.Slice(0, length));
        return 1;
    }
}
