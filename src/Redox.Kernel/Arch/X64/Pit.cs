namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The 8253/8254 programmable interval timer: channel 0 as the scheduler's tick (IRQ 0), channel 2 (the speaker
/// channel, gated through port 0x61) as a stopwatch to measure the TSC against.
/// </summary>
public static class Pit
{
    /// <summary>The PIT's input clock in Hz.</summary>
    public const uint BaseFrequency = 1193182;

    private const ushort Channel0 = 0x40, Channel2 = 0x42, Command = 0x43, SpeakerControl = 0x61;
    private const byte Gate2 = 0x01, SpeakerData = 0x02, Out2 = 0x20;

    /// <summary>The rate channel 0 was last programmed to (Hz); 0 before <see cref="Start"/>.</summary>
    public static uint Hertz { get; private set; }

    /// <summary>Programs channel 0 as a rate generator at <paramref name="hertz"/>.</summary>
    public static void Start(uint hertz)
    {
        ushort divisor = (ushort)Divisor(hertz);
        Native.Out8(Command, 0x34);                 // channel 0, lobyte/hibyte, mode 2 (rate generator)
        Native.Out8(Channel0, (byte)divisor);
        Native.Out8(Channel0, (byte)(divisor >> 8));
        Hertz = hertz;
    }

    /// <summary>The 16-bit divisor for a frequency (clamped to what the counter can hold).</summary>
    public static uint Divisor(uint hertz)
    {
        uint divisor = BaseFrequency / (hertz == 0 ? 1 : hertz);
        return divisor < 1 ? 1 : divisor > 65535 ? 65535 : divisor;
    }

    /// <summary>
    /// TSC cycles per second, measured against channel 2 over <paramref name="milliseconds"/> (at most 54: the
    /// counter is 16 bits). Channel 2 counts down once in mode 0 and raises OUT2 (port 0x61 bit 5) at zero, the
    /// classic PC way to calibrate a CPU clock; channel 0 and the tick are left alone. Busy-waits.
    /// </summary>
    public static ulong MeasureTscPerSecond(uint milliseconds = 50)
    {
        if (milliseconds == 0 || milliseconds > 54) milliseconds = 50;
        uint count = BaseFrequency / 1000 * milliseconds;
        byte saved = Native.In8(SpeakerControl);
        Native.Out8(SpeakerControl, (byte)((saved & ~SpeakerData) | Gate2));   // gate on, speaker off
        Native.Out8(Command, 0xB0);                 // channel 2, lobyte/hibyte, mode 0 (one count down), binary
        Native.Out8(Channel2, (byte)count);
        Native.Out8(Channel2, (byte)(count >> 8));  // counting starts with the full count loaded
        ulong start = Native.ReadTimestampCounter();
        while ((Native.In8(SpeakerControl) & Out2) == 0) Native.Pause();
        ulong cycles = Native.ReadTimestampCounter() - start;
        Native.Out8(SpeakerControl, saved);
        return cycles * 1000 / milliseconds;
    }
}
