using System;
using Redox.Drivers.Lpc.Text;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>The text of <c>serial:comN/config</c>: written as "9600 8N1", read back with the port's status.</summary>
public static class SerialText
{
    /// <summary>
    /// Parses <c>"&lt;baud&gt; &lt;data bits&gt;&lt;N|O|E|M|S&gt;&lt;stop bits&gt;"</c>, e.g. <c>"38400 7E2"</c>.
    /// False when the text does not have that shape (the numbers are checked by <see cref="LineSettings.Validate"/>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out LineSettings settings)
    {
        settings = default;
        var reader = new AsciiReader(text);
        reader.SkipSpace();
        if (!reader.Decimal(7, out ulong baud))
        {
            return false;
        }
        reader.SkipSpace();
        if (!reader.Decimal(1, out ulong dataBits) || !reader.Next(out byte parity) || !reader.Decimal(1, out ulong stopBits))
        {
            return false;
        }
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            return false;
        }
        settings.Baud = (uint)baud;
        settings.DataBits = (byte)dataBits;
        settings.StopBits = (byte)stopBits;
        switch (parity)
        {
            case (byte)'N': case (byte)'n': settings.Parity = Parity.None; break;
            case (byte)'O': case (byte)'o': settings.Parity = Parity.Odd; break;
            case (byte)'E': case (byte)'e': settings.Parity = Parity.Even; break;
            case (byte)'M': case (byte)'m': settings.Parity = Parity.Mark; break;
            case (byte)'S': case (byte)'s': settings.Parity = Parity.Space; break;
            default: return false;
        }
        return true;
    }

    /// <summary>Writes <paramref name="settings"/> as "115200 8N1".</summary>
    public static void Format(ref AsciiWriter writer, in LineSettings settings)
    {
        writer.Decimal(settings.Baud);
        writer.Byte((byte)' ');
        writer.Decimal(settings.DataBits);
        writer.Byte(settings.Parity switch
        {
            Parity.Odd => (byte)'O',
            Parity.Even => (byte)'E',
            Parity.Mark => (byte)'M',
            Parity.Space => (byte)'S',
            _ => (byte)'N',
        });
        writer.Decimal(settings.StopBits);
    }

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static ReadOnlySpan<byte> KindName(UartKind kind) => kind switch
    {
        UartKind.Uart8250 => "8250"u8,
        UartKind.Uart16450 => "16450"u8,
        UartKind.Uart16550 => "16550"u8,
        UartKind.Uart16550A => "16550A"u8,
        _ => "absent"u8,
    };
}
