using Redox.Drivers.Ps2;
using Redox.Runtime;
using Redox.Syscall;
using Redox.Syscall.Io;

/// <summary>
/// ps2d: serves <c>ps2:keyboard</c> and <c>ps2:mouse</c> from the i8042 through the ports and IRQ lines the image's
/// manifest grants (0x60, 0x64; 1, 12). Arguments: <c>translation=off</c> (decode scancode set 2 as the keyboard
/// sends it), <c>mouse=off</c> (keyboard only). Exit code 0: nothing to serve or the scheme ended; 2: an unknown
/// argument; 3: a system call failed (the kernel restarts it as the manifest allows).
/// </summary>
public static class Program
{
    /// <summary>Reads the arguments, then runs the daemon until its scheme ends.</summary>
    public static int Main()
    {
        Ps2Options options = Ps2Options.Default;
        for (int i = 1; i < Process.ArgumentCount; i++)
        {
            ReadOnlySpan<byte> argument = Process.Argument(i);
            if (argument.SequenceEqual("translation=off"u8)) options.Translation = false;
            else if (argument.SequenceEqual("mouse=off"u8)) options.EnableMouse = false;
            else
            {
                Sys.Write(2, "ps2d: unknown argument (known: translation=off, mouse=off)\n"u8);
                return 2;
            }
        }
        var daemon = new Ps2Daemon<BareMetalPortIo, MonotonicClock>(default, options, Process.Argument(0));
        return daemon.Run();
    }
}
