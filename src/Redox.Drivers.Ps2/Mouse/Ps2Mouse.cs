using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>
/// Mouse commands on the second port: reset, identify, the IntelliMouse knock (sample rates 200, 100, 80 turn
/// a wheel mouse into ID 3) and the IntelliMouse Explorer knock (200, 200, 80 after that: ID 4, wheel plus
/// buttons 4 and 5), sample rate and resolution.
/// </summary>
public static class Ps2Mouse
{
    /// <summary>True for a sample rate a PS/2 mouse accepts (10, 20, 40, 60, 80, 100, 200 per second).</summary>
    public static bool IsValidSampleRate(byte rate)
        => rate == 10 || rate == 20 || rate == 40 || rate == 60 || rate == 80 || rate == 100 || rate == 200;

    /// <summary>
    /// Resets the mouse, finds its highest mode (0, 3 or 4), sets <paramref name="sampleRate"/> and
    /// <paramref name="resolution"/>; streaming stays off until <see cref="EnableStreaming"/>.
    /// </summary>
    [NoAlloc]
    public static Ps2Error Initialize<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte sampleRate, byte resolution, out byte id)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        id = 0;
        Ps2Error e = c.ResetDevice(Ps2Port.Second);
        if (e != Ps2Error.None)
        {
            return e;
        }
        // After its self-test a mouse sends its ID (0x00); an old one may not, which is fine.
        c.ReadFrom(Ps2Port.Second, c.Timeouts.ReadMicroseconds, out _);
        e = c.SendAcked(Ps2Port.Second, Ps2Device.DisableScanning);
        if (e != Ps2Error.None)
        {
            return e;
        }
        e = Knock(c, 200, 100, 80, out id);
        if (e != Ps2Error.None)
        {
            return e;
        }
        if (id == 3)
        {
            e = Knock(c, 200, 200, 80, out id);
            if (e != Ps2Error.None)
            {
                return e;
            }
        }
        if (id != 3 && id != 4)
        {
            // Anything else (a mouse answering 0 to every knock, or an odd ID) is driven as a standard mouse.
            id = 0;
        }
        e = SetSampleRate(c, IsValidSampleRate(sampleRate) ? sampleRate : (byte)100);
        if (e != Ps2Error.None)
        {
            return e;
        }
        return SetResolution(c, resolution <= 3 ? resolution : (byte)2);
    }

    /// <summary>Sends three sample rates, then identifies; <paramref name="id"/> is the answer.</summary>
    [NoAlloc]
    public static Ps2Error Knock<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte r1, byte r2, byte r3, out byte id)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        id = 0;
        Ps2Error e = SetSampleRate(c, r1);
        if (e == Ps2Error.None)
        {
            e = SetSampleRate(c, r2);
        }
        if (e == Ps2Error.None)
        {
            e = SetSampleRate(c, r3);
        }
        return e != Ps2Error.None ? e : Identify(c, out id);
    }

    /// <summary>Identify (0xF2): acknowledgement, then one ID byte.</summary>
    [NoAlloc]
    public static Ps2Error Identify<TPort, TClock>(Ps2Controller<TPort, TClock> c, out byte id)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
    {
        id = 0;
        Ps2Error e = c.SendAcked(Ps2Port.Second, Ps2Device.Identify);
        return e != Ps2Error.None ? e : c.ReadFrom(Ps2Port.Second, c.Timeouts.ReadMicroseconds, out id);
    }

    /// <summary>Sets the sample rate (0xF3 rate); a rate the device does not accept is <see cref="Ps2Error.InvalidArgument"/>.</summary>
    [NoAlloc]
    public static Ps2Error SetSampleRate<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte rate)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
        => IsValidSampleRate(rate) ? c.SendAcked(Ps2Port.Second, Ps2Device.SetRate, rate) : Ps2Error.InvalidArgument;

    /// <summary>Sets the resolution (0xE8 code, 0-3); another code is <see cref="Ps2Error.InvalidArgument"/>.</summary>
    [NoAlloc]
    public static Ps2Error SetResolution<TPort, TClock>(Ps2Controller<TPort, TClock> c, byte code)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
        => code <= 3 ? c.SendAcked(Ps2Port.Second, Ps2Device.SetResolution, code) : Ps2Error.InvalidArgument;

    /// <summary>Starts movement packets (0xF4).</summary>
    [NoAlloc]
    public static Ps2Error EnableStreaming<TPort, TClock>(Ps2Controller<TPort, TClock> c)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
        => c.SendAcked(Ps2Port.Second, Ps2Device.EnableScanning);

    /// <summary>Stops movement packets (0xF5); packets already on their way are stashed by the controller.</summary>
    [NoAlloc]
    public static Ps2Error DisableStreaming<TPort, TClock>(Ps2Controller<TPort, TClock> c)
        where TPort : struct, IPortIo
        where TClock : struct, IPs2Clock
        => c.SendAcked(Ps2Port.Second, Ps2Device.DisableScanning);
}
