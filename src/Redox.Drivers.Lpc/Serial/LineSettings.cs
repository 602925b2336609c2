using Redox.Syscall;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// Baud rate and frame format. The 16550's clock on a PC is 1.8432 MHz, i.e. 115,200 baud with divisor 1;
/// a rate is possible only when 115200 / rate is a whole divisor (1-65535), so 0, 7 or 200000 baud are
/// rejected with <c>EINVAL</c> rather than silently rounded.
/// </summary>
public struct LineSettings
{
    /// <summary>The fastest rate (divisor 1).</summary>
    public const uint MaxBaud = 115_200;

    /// <summary>Bits per second.</summary>
    public uint Baud;

    /// <summary>5 to 8.</summary>
    public byte DataBits;

    /// <summary>Parity.</summary>
    public Parity Parity;

    /// <summary>1 or 2 (2 means 1.5 with 5 data bits, as the chip does).</summary>
    public byte StopBits;

    /// <summary>115200 8N1.</summary>
    public static LineSettings Default => new() { Baud = MaxBaud, DataBits = 8, Parity = Parity.None, StopBits = 1 };

    /// <summary>0 when these settings are possible, else <c>EINVAL</c>.</summary>
    public readonly Errno Validate()
    {
        if (Baud == 0 || Baud > MaxBaud || MaxBaud % Baud != 0)
        {
            return Errno.EINVAL;
        }
        if (DataBits < 5 || DataBits > 8 || StopBits < 1 || StopBits > 2)
        {
            return Errno.EINVAL;
        }
        bool parityOk = Parity == Parity.None || Parity == Parity.Odd || Parity == Parity.Even || Parity == Parity.Mark || Parity == Parity.Space;
        return parityOk ? 0 : Errno.EINVAL;
    }

    /// <summary>The divisor latch value (valid settings only).</summary>
    public readonly ushort Divisor => (ushort)(MaxBaud / Baud);

    /// <summary>The LCR value (DLAB clear).</summary>
    public readonly byte LineControl => (byte)((DataBits - 5) | (StopBits == 2 ? 0x04 : 0) | (byte)Parity);

    /// <summary>Decodes a divisor and LCR value read back from the chip.</summary>
    public static LineSettings FromRegisters(ushort divisor, byte lineControl) => new()
    {
        Baud = divisor == 0 ? 0 : MaxBaud / divisor,
        DataBits = (byte)(5 + (lineControl & 0x03)),
        StopBits = (byte)((lineControl & 0x04) != 0 ? 2 : 1),
        Parity = (Parity)(lineControl & 0x38) switch
        {
            Parity.Odd => Parity.Odd,
            Parity.Even => Parity.Even,
            Parity.Mark => Parity.Mark,
            Parity.Space => Parity.Space,
            _ => (lineControl & 0x08) == 0 ? Parity.None : Parity.Odd,
        },
    };
}
