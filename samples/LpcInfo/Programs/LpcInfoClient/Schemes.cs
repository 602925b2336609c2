using Redox.Runtime;
using Redox.Syscall;

/// <summary>Reaching a daemon's scheme, which may not exist yet, and reading its text.</summary>
public static class Schemes
{
    /// <summary>How long to wait for a daemon's scheme, in 10 ms naps (the daemons start beside this client).</summary>
    private const int Attempts = 500;

    /// <summary>
    /// Waits until the daemon has created <paramref name="probe"/>'s scheme, for up to 5 s. <paramref name="probe"/> is a
    /// path of that scheme that names no file ("ec:?"): the kernel answers ENODEV while no one serves the scheme, the
    /// driver answers anything else (ENOENT). A plain open could not tell the two apart: ec: and serial: answer ENODEV
    /// themselves for an absent device.
    /// </summary>
    public static bool WaitFor(ReadOnlySpan<byte> probe)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            SyscallResult opened = Sys.Open(probe, OpenFlags.ReadOnly);
            if (!opened.IsError) Sys.Close((nuint)opened.Value);
            if (!opened.IsError || opened.Error != Errno.ENODEV) return true;
            Process.Sleep(10);
        }
        Output.Text("FAILED no daemon served "u8);
        Output.Line(probe.Slice(0, probe.IndexOf((byte)':') + 1));
        return false;
    }

    /// <summary>
    /// Reads all of a text file into <paramref name="buffer"/> (a scheme call moves at most 4 KiB); the value is the
    /// byte count, or the first error.
    /// </summary>
    public static SyscallResult ReadAll(nuint fd, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            SyscallResult read = Sys.Read(fd, buffer.Slice(total));
            if (read.IsError) return read;
            if (read.Value == 0) break;
            total += (int)read.Value;
        }
        return SyscallResult.Ok((ulong)total);
    }

    /// <summary>Prints each line of <paramref name="text"/> as "lpcinfo: &lt;prefix&gt;&lt;line&gt;".</summary>
    public static void PrintLines(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            int end = text.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? text : text.Slice(0, end);
            Output.Text(prefix);
            Output.Line(line);
            text = end < 0 ? default : text.Slice(end + 1);
        }
    }
}
