namespace Redox.Kernel.Arch.X64;

/// <summary>The 8253/8254 programmable interval timer, channel 0 as the scheduler's tick (IRQ 0).</summary>
public static class Pit
{
    /// <summary>The PIT's input clock in Hz.</summary>
    public const uint BaseFrequency = 1193182;

    private const ushort Channel0 = 0x40, Command = 0x43;

    /// <summary>Programs channel 0 as a rate generator at <paramref name="hertz"/>.</summary>
    public static void Start(uint hertz)
    {
        ushort divisor = (ushort)Divisor(hertz);
        Native.Out8(Command, 0x34);                 // channel 0, lobyte/hibyte, mode 2 (rate generator)
        Native.Out8(Channel0, (byte)divisor);
        Native.Out8(Channel0, (byte)(divisor >> 8));
    }

    /// <summary>The 16-bit divisor for a frequency (clamped to what the counter can hold).</summary>
    public static uint Divisor(uint hertz)
    {
        uint divisor = BaseFrequency / (hertz == 0 ? 1 : hertz);
        return divisor < 1 ? 1 : divisor > 65535 ? 65535 : divisor;
    }
}
