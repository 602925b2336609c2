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
        Sys.Write(1, Process.Argument(0));
        Sys.Write(1, ": serving "u8);
        Sys.Write(1, name.Slice(1));
        Sys.Write(1, ":\n"u8);
        SyscallResult served = new SchemeServer(scheme, (nuint)socket.Value).Run();
        return served.IsError ? Failed("serving ended"u8, served) : 0;
    }

    private static int Failed(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Sys.Write(2, Process.Argument(0));
        Sys.Write(2, ": "u8);
        Sys.Write(2, what);
        Sys.Write(2, ", errno "u8);
        Span<byte> digits = stackalloc byte[3];
        int errno = (int)result.Error;
        digits[0] = (byte)('0' + errno / 100 % 10);
        digits[1] = (byte)('0' + errno / 10 % 10);
        digits[2] = (byte)('0' + errno % 10);
        Sys.Write(2, digits);
        Sys.Write(2, "\n"u8);
        return 3;
    }
}
