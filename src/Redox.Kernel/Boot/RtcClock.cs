using Redox.Kernel.Arch;

namespace Redox.Kernel.Boot;

/// <summary>
/// The wall clock at boot, from the CMOS real-time clock (MC146818: registers 0-9, status B for BCD and 12-hour
/// modes, the century in register 0x32 where the firmware keeps it). Read once: CLOCK_REALTIME is that instant plus
/// the time since (TimeCalls). The RTC holds UTC on the machines we boot (QEMU's default, and what Redox assumes).
/// </summary>
public static class RtcClock
{
    private const ushort Index = 0x70, Data = 0x71;

    /// <summary>Reads the RTC as seconds since 1970-01-01 UTC; 0 when it holds no valid date.</summary>
    public static ulong ReadUnixSeconds()
    {
        // Wait out an update in progress (status A bit 7), then read twice until two reads agree.
        Span<byte> first = stackalloc byte[7];
        Span<byte> second = stackalloc byte[7];
        ReadRaw(first);
        for (int attempt = 0; attempt < 8; attempt++)
        {
            ReadRaw(second);
            if (first.SequenceEqual(second)) break;
            second.CopyTo(first);
        }
        byte status = Register(0x0B);
        return FromRegisters(first, binary: (status & 0x04) != 0, twentyFourHour: (status & 0x02) != 0);
    }

    /// <summary>
    /// Seconds since the epoch from the raw registers: seconds, minutes, hours, day, month, year, century (0 when the
    /// firmware keeps none: 20xx is assumed). 0 when a field is out of range.
    /// </summary>
    public static ulong FromRegisters(ReadOnlySpan<byte> raw, bool binary, bool twentyFourHour)
    {
        bool pm = !twentyFourHour && (raw[2] & 0x80) != 0;
        int second = Decode(raw[0], binary), minute = Decode(raw[1], binary), hour = Decode((byte)(raw[2] & 0x7F), binary);
        int day = Decode(raw[3], binary), month = Decode(raw[4], binary), year = Decode(raw[5], binary);
        int century = raw[6] == 0 ? 20 : Decode(raw[6], binary);
        if (!twentyFourHour) hour = hour % 12 + (pm ? 12 : 0);
        year += century * 100;
        if (second > 59 || minute > 59 || hour > 23 || day < 1 || day > 31 || month < 1 || month > 12 || year < 1970) return 0;
        return (ulong)DaysFromCivil(year, month, day) * 86400 + (ulong)(hour * 3600 + minute * 60 + second);
    }

    /// <summary>Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's days_from_civil).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        int era = (year >= 0 ? year : year - 399) / 400;
        int yearOfEra = year - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (long)era * 146097 + dayOfEra - 719468;
    }

    private static int Decode(byte value, bool binary) => binary ? value : (value >> 4) * 10 + (value & 0x0F);

    private static void ReadRaw(Span<byte> raw)
    {
        for (int i = 0; i < 100_000 && (Register(0x0A) & 0x80) != 0; i++) { }
        raw[0] = Register(0x00);
        raw[1] = Register(0x02);
        raw[2] = Register(0x04);
        raw[3] = Register(0x07);
        raw[4] = Register(0x08);
        raw[5] = Register(0x09);
        raw[6] = Register(0x32);
    }

    private static byte Register(byte index)
    {
        Ports.Out8(Index, index);
        return Ports.In8(Data);
    }
}
