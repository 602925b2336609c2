using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>Keyboard commands on the first port: reset, identify, scancode set, LEDs, scanning.</summary>
public static class Ps2Keyboard
{
    /// <summary>
    /// Resets and identifies the keyboard, selects scancode set 2 and turns the LEDs to <paramref name="leds"/>;
    /// scanning stays off until <see cref="EnableScanning"/>. Fills the keyboard fields of <paramref name="report"/>.
    /// </summary>
    [NoAlloc]
    public static Ps2Error Initialize<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte leds, ref Ps2InitReport report)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        Ps2Error e = c.ResetDevice(Ps2Port.First);
        if (e != Ps2Error.None)
        {
            return e;
        }
        e = c.SendAcked(Ps2Port.First, Ps2Device.DisableScanning);
        if (e != Ps2Error.None)
        {
            return e;
        }
        e = c.SendAcked(Ps2Port.First, Ps2Device.Identify);
        if (e != Ps2Error.None)
        {
            return e;
        }
        // An MF2 keyboard answers two ID bytes (0xAB 0x83); an AT keyboard none. A missing byte is no error.
        ushort id = 0;
        if (c.ReadFrom(Ps2Port.First, c.Timeouts.ReadMicroseconds, out byte id0) == Ps2Error.None)
        {
            id = id0;
            if (c.ReadFrom(Ps2Port.First, c.Timeouts.ReadMicroseconds, out byte id1) == Ps2Error.None)
            {
                id = (ushort)((id0 << 8) | id1);
            }
        }
        report.KeyboardId = id;
        report.ScancodeSetSelection = c.SendAcked(Ps2Port.First, Ps2Device.ScancodeSet, 2);
        return SetLeds(c, leds);
    }

    /// <summary>Sets the LEDs (0xED): bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock.</summary>
    [NoAlloc]
    public static Ps2Error SetLeds<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte leds)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
        => c.SendAcked(Ps2Port.First, Ps2Device.SetLeds, (byte)(leds & 0x07));

    /// <summary>Lets the keyboard send scancodes (0xF4).</summary>
    [NoAlloc]
    public static Ps2Error EnableScanning<TPort, TClock>(Ps2Controller<TPort, TClock> c)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
        => c.SendAcked(Ps2Port.First, Ps2Device.EnableScanning);
}
