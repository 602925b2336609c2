using Redox.Runtime;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;
using Samples.Drivers.Cmos;
using Samples.Drivers.Null;
using Samples.Drivers.RamDisk;
using Samples.Drivers.Zero;

/// <summary>
/// A sample driver as a ring-3 scheme daemon: creates the scheme its first argument names and serves it until the
/// kernel stops it (a kill by 15 once the image's other programs are done). The kernel lets this process create only
/// the scheme its manifest line grants, and reach only the I/O ports listed there (cmos: 0x70-0x71; any other port
/// ends it with #GP).
/// </summary>
public static class Program
{
    /// <summary>Serves one driver; returns only if it could not (the kernel logs the non-zero code and may restart it).</summary>
    public static int Main()
    {
        ReadOnlySpan<byte> driver = Process.Argument(1);
        if (driver.SequenceEqual("zero"u8)) return Serve(new ZeroScheme(), ":zero"u8);
        if (driver.SequenceEqual("null"u8)) return Serve(new NullScheme(), ":null"u8);
        if (driver.SequenceEqual("ramdisk"u8)) return Serve(RamDiskDriver.CreateScheme(16), ":ramdisk"u8);
        // The real chip, through in/out instructions the TSS I/O bitmap allows for the granted ports only.
        if (driver.SequenceEqual("cmos"u8)) return Serve(new CmosScheme<BareMetalPortIo>(), ":cmos"u8);
        Sys.Write(2, "daemon: the first argument names the driver: zero, null, ramdisk or cmos\n"u8);
        return 2;
    }

    // Everything is allocated before the scheme exists; the loop itself allocates nothing.
    private static int Serve(SchemeBase scheme, ReadOnlySpan<byte> name)
    {
        SyscallResult socket = SchemeServer.CreateSocket(name);
        if (socket.IsError) return Failed("could not create the scheme"u8, socket);
        Say(1, "serving "u8, name.Slice(1), ":"u8);
        SyscallResult served = new SchemeServer(scheme, (nuint)socket.Value).Run();
        return served.IsError ? Failed("serving ended"u8, served) : 0;
    }

    private static int Failed(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Span<byte> errno = stackalloc byte[16];
        ", errno "u8.CopyTo(errno);
        int code = (int)result.Error, digits = code >= 100 ? 3 : code >= 10 ? 2 : 1;
        for (int i = digits - 1, rest = code; i >= 0; i--, rest /= 10) errno[8 + i] = (byte)('0' + rest % 10);
        Say(2, what, errno.Slice(0, 8 + digits), default);
        return 3;
    }

    // "<program name>: <a><b><c>\n" with one write, so the line reaches the console whole.
    private static void Say(nuint fd, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        Span<byte> line = stackalloc byte[128];
        int length = 0;
        Append(line, ref length, Process.Argument(0));
        Append(line, ref length, ": "u8);
        Append(line, ref length, a);
        Append(line, ref length, b);
        Append(line, ref length, c);
        if (length == line.Length) length--;
        line[length++] = (byte)'\n';
        Sys.Write(fd, line.Slice(0, length));
    }

    private static void Append(Span<byte> line, ref int length, ReadOnlySpan<byte> text)
    {
        int n = text.Length < line.Length - length ? text.Length : line.Length - length;
        text.Slice(0, n).CopyTo(line.Slice(length));
        length += n;
    }
}
