using Redox.Drivers.Ps2;
using Redox.Runtime;
using Redox.Syscall.Io;

/// <summary>
/// ps2d: initialises the i8042, its keyboard and mouse, and serves <c>ps2:keyboard</c> and <c>ps2:mouse</c> until the
/// kernel stops it. Real port I/O (<see cref="BareMetalPortIo"/>: in/out instructions the kernel allows for 0x60 and
/// 0x64 only) and real time (<see cref="MonotonicClock"/>) for the waits.
/// </summary>
public static class Program
{
    /// <summary>0 when there is nothing to serve or the scheme ended; 3 when a system call failed.</summary>
    public static int Main()
        => new Ps2Daemon<BareMetalPortIo, MonotonicClock>(default, Ps2Options.Default, Process.Argument(0)).Run();
}
