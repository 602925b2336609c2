using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The controller half of start-up, in the order of OSDev's "8042 PS/2 Controller — Initialising" and
/// Linux's i8042.c: disable both ports, flush, read/rewrite the configuration byte, self-test, detect the
/// second port, test the ports. Every step has a time budget; a controller that is missing or fails its
/// self-test is reported, never waited on forever.
/// </summary>
public static class Ps2Initializer
{
    /// <summary>
    /// Runs the controller stage. On return <paramref name="report"/> says what passed; the value is the
    /// configuration byte to build on (interrupts and translation off, both clocks disabled).
    /// </summary>
    [NoAlloc]
    public static Ps2Config InitializeController<TPort, TClock>(Ps2Controller<TPort, TClock> c, ref Ps2InitReport report)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        // Nothing decodes ports 0x60/0x64: the ISA bus floats and reads all ones (OBF and IBF "set" forever).
        if ((byte)c.ReadStatus() == 0xFF)
        {
            report.Controller = Ps2Error.NoController;
            return Ps2Config.None;
        }
        // Disable both devices so nothing new lands in the output buffer while we set up.
        if (c.Command(I8042.DisablePort1) != Ps2Error.None || c.Command(I8042.DisablePort2) != Ps2Error.None)
        {
            report.Controller = Ps2Error.NoController;
            return Ps2Config.None;
        }
        c.Flush();
        if (c.CommandRead(I8042.ReadConfig, out byte raw) != Ps2Error.None)
        {
            report.Controller = Ps2Error.NoController;
            return Ps2Config.None;
        }
        var firmware = (Ps2Config)raw;
        report.FirmwareConfig = firmware;
        // Interrupts and translation off while probing; the system flag is kept; bits 3 and 7 are zero.
        Ps2Config config = (firmware & Ps2Config.System) | Ps2Config.Port1ClockDisabled | Ps2Config.Port2ClockDisabled;
        if (c.Command(I8042.WriteConfig, (byte)config) != Ps2Error.None)
        {
            report.Controller = Ps2Error.NoController;
            return Ps2Config.None;
        }
        Ps2Error selfTest = c.CommandRead(I8042.SelfTest, out byte answer);
        if (selfTest != Ps2Error.None || answer != I8042.SelfTestPassed)
        {
            report.Controller = Ps2Error.SelfTestFailed;
            return config;
        }
        // Some controllers reset their configuration during the self-test: write it again.
        c.Command(I8042.WriteConfig, (byte)config);
        report.DualChannel = DetectSecondPort(c);
        c.HasSecondPort = report.DualChannel;
        report.Port1Test = TestPort(c, I8042.TestPort1, ref report.PortTestCode);
        report.Port2Test = report.DualChannel ? TestPort(c, I8042.TestPort2, ref report.PortTestCode) : Ps2Error.NoSecondPort;
        report.Controller = Ps2Error.None;
        return config;
    }

    /// <summary>
    /// Dual-channel detection (OSDev): enable the second port and read the configuration; on a controller
    /// with a second port its "clock disabled" bit is now clear. Disable it again afterwards.
    /// </summary>
    [NoAlloc]
    public static bool DetectSecondPort<TPort, TClock>(Ps2Controller<TPort, TClock> c)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        if (c.Command(I8042.EnablePort2) != Ps2Error.None)
        {
            return false;
        }
        bool dual = c.CommandRead(I8042.ReadConfig, out byte config) == Ps2Error.None
            && ((Ps2Config)config & Ps2Config.Port2ClockDisabled) == 0;
        c.Command(I8042.DisablePort2);
        return dual;
    }

    private static Ps2Error TestPort<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte command, ref byte code)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        Ps2Error e = c.CommandRead(command, out byte answer);
        if (e != Ps2Error.None)
        {
            return e;
        }
        if (answer != I8042.PortTestPassed)
        {
            code = answer;
            return Ps2Error.PortTestFailed;
        }
        return Ps2Error.None;
    }
}
