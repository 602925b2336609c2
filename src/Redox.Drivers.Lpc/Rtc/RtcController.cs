using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Rtc;

/// <summary>
/// The MC146818-compatible real-time clock in the CMOS (index port 0x70, data 0x71; Motorola MC146818A
/// datasheet). Reading: wait until register A's UIP (update in progress) bit is clear, read every time
/// register, and repeat until two consecutive readings agree, so an update between the reads cannot tear
/// the result (e.g. 10:59:59 → 10:00:00). Decodes BCD or binary (register B bit 2) and 12- or 24-hour mode
/// (register B bit 1; in 12-hour mode bit 7 of the hour is PM, hours run 12, 1, ..., 11: 12 AM is 00:xx,
/// 12 PM is 12:xx, and AM hours get nothing added). Every wait is bounded by a <see cref="PollBudget"/>: a
/// clock that never finishes its update answers <c>EIO</c>, it cannot hang the driver.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public readonly struct RtcController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>Index port; bit 7 of the index masks NMI, kept clear here (as the firmware leaves it).</summary>
    public const ushort IndexPort = 0x70;

    /// <summary>Data port.</summary>
    public const ushort DataPort = 0x71;

    /// <summary>Seconds register.</summary>
    public const byte Seconds = 0x00;

    /// <summary>Minutes register.</summary>
    public const byte Minutes = 0x02;

    /// <summary>Hours register.</summary>
    public const byte Hours = 0x04;

    /// <summary>Day-of-month register.</summary>
    public const byte DayOfMonth = 0x07;

    /// <summary>Month register.</summary>
    public const byte Month = 0x08;

    /// <summary>Year register (two digits).</summary>
    public const byte Year = 0x09;

    /// <summary>Status register A: bit 7 UIP.</summary>
    public const byte StatusA = 0x0A;

    /// <summary>Status register B (<see cref="RtcStatusB"/>).</summary>
    public const byte StatusB = 0x0B;

    /// <summary>First NVRAM register (everything below belongs to the clock).</summary>
    public const byte FirstNvram = 0x0E;

    /// <summary>Registers in the CMOS.</summary>
    public const int Size = 128;

    private readonly byte _century;
    private readonly PollBudget _budget;

    /// <summary>
    /// A clock whose century register is <paramref name="centuryRegister"/> (the ACPI FADT's CENTURY field; 0 when
    /// the FADT gives none: years 00-99 then mean 2000-2099).
    /// </summary>
    public RtcController(byte centuryRegister, PollBudget budget)
    {
        _century = centuryRegister < FirstNvram || centuryRegister >= Size ? (byte)0 : centuryRegister;
        _budget = budget.OrDefault();
    }

    /// <summary>The century register in use (0: none).</summary>
    public byte CenturyRegister => _century;

    /// <summary>Reads CMOS register <paramref name="index"/> (0-127).</summary>
    public byte ReadRegister(byte index)
    {
        TPort.Out8(IndexPort, (byte)(index & 0x7F));
        return TPort.In8(DataPort);
    }

    /// <summary>Writes CMOS register <paramref name="index"/> (0-127).</summary>
    public void WriteRegister(byte index, byte value)
    {
        TPort.Out8(IndexPort, (byte)(index & 0x7F));
        TPort.Out8(DataPort, value);
    }

    /// <summary>Reads the date and time: <c>EIO</c> when UIP never clears, readings never agree, or the values are not a date.</summary>
    public Errno Read(out RtcDateTime value)
    {
        value = default;
        if (!ReadStable(out RtcRaw raw))
        {
            return Errno.EIO;
        }
        value = Decode(raw);
        return value.IsValid ? 0 : Errno.EIO;
    }

    /// <summary>
    /// Sets the clock: SET in register B halts updates while the registers are written in the clock's own
    /// mode (BCD or binary, 12- or 24-hour), then SET is cleared. <c>EINVAL</c> for an invalid date, or a year
    /// outside 2000-2099 when there is no century register to hold another century.
    /// </summary>
    public Errno Write(in RtcDateTime value)
    {
        if (!value.IsValid || (_century == 0 && (value.Year < 2000 || value.Year > 2099)))
        {
            return Errno.EINVAL;
        }
        byte b = ReadRegister(StatusB);
        bool binary = (b & (byte)RtcStatusB.Binary) != 0;
        bool hours24 = (b & (byte)RtcStatusB.Hours24) != 0;
        WriteRegister(StatusB, (byte)(b | (byte)RtcStatusB.Set));
        WriteRegister(Seconds, Encode(value.Second, binary));
        WriteRegister(Minutes, Encode(value.Minute, binary));
        WriteRegister(Hours, EncodeHour(value.Hour, binary, hours24));
        WriteRegister(DayOfMonth, Encode(value.Day, binary));
        WriteRegister(Month, Encode(value.Month, binary));
        WriteRegister(Year, Encode(value.Year % 100, binary));
        if (_century != 0)
        {
            WriteRegister(_century, Encode(value.Year / 100, binary));
        }
        WriteRegister(StatusB, (byte)(b & ~(byte)RtcStatusB.Set));
        return 0;
    }

    /// <summary>Decodes raw register values (BCD/binary, 12/24 h, century).</summary>
    public RtcDateTime Decode(in RtcRaw raw)
    {
        bool binary = (raw.StatusB & (byte)RtcStatusB.Binary) != 0;
        bool hours24 = (raw.StatusB & (byte)RtcStatusB.Hours24) != 0;
        int hour;
        if (hours24)
        {
            hour = FromRegister(raw.Hour, binary);
        }
        else
        {
            bool pm = (raw.Hour & 0x80) != 0;
            hour = FromRegister((byte)(raw.Hour & 0x7F), binary); // 1-12
            if (hour < 1 || hour > 12)
            {
                hour = 0xFF; // not a 12-hour value: rejected as a date below
            }
            else if (hour == 12)
            {
                hour = 0; // 12 AM is midnight; 12 PM becomes 12 below
            }
            if (pm)
            {
                hour += 12;
            }
        }
        int century = _century != 0 ? FromRegister(raw.Century, binary) : 20;
        return new RtcDateTime(
            century * 100 + FromRegister(raw.Year, binary),
            FromRegister(raw.Month, binary),
            FromRegister(raw.Day, binary),
            hour,
            FromRegister(raw.Minute, binary),
            FromRegister(raw.Second, binary));
    }

    /// <summary>A register value as a number: BCD digits, or binary as is. Invalid BCD gives a value the date check rejects.</summary>
    public static int FromRegister(byte value, bool binary)
    {
        if (binary)
        {
            return value;
        }
        int high = value >> 4;
        int low = value & 0x0F;
        return high > 9 || low > 9 ? 0xFF : high * 10 + low;
    }

    /// <summary>A number (0-99) in the register format.</summary>
    public static byte Encode(int value, bool binary) => binary ? (byte)value : (byte)(((value / 10) << 4) | (value % 10));

    /// <summary>An hour (0-23) in the register format; 12-hour mode gives 12 for 0 and 12, with bit 7 set from 12:00 on.</summary>
    public static byte EncodeHour(int hour, bool binary, bool hours24)
    {
        if (hours24)
        {
            return Encode(hour, binary);
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        byte encoded = Encode(twelve, binary);
        return hour >= 12 ? (byte)(encoded | 0x80) : encoded;
    }

    private bool ReadStable(out RtcRaw raw)
    {
        raw = default;
        if (!WaitUpdateDone())
        {
            return false;
        }
        RtcRaw previous = Snapshot();
        for (int attempt = 0; attempt < _budget.Polls; attempt++)
        {
            if (!WaitUpdateDone())
            {
                return false;
            }
            RtcRaw current = Snapshot();
            if (current.SameAs(previous))
            {
                raw = current;
                return true;
            }
            previous = current;
        }
        return false;
    }

    private bool WaitUpdateDone()
    {
        for (int i = 0; i < _budget.Polls; i++)
        {
            if ((ReadRegister(StatusA) & 0x80) == 0)
            {
                return true;
            }
        }
        return false;
    }

    private RtcRaw Snapshot() => new()
    {
        Second = ReadRegister(Seconds),
        Minute = ReadRegister(Minutes),
        Hour = ReadRegister(Hours),
        Day = ReadRegister(DayOfMonth),
        Month = ReadRegister(Month),
        Year = ReadRegister(Year),
        Century = _century != 0 ? ReadRegister(_century) : (byte)0,
        StatusB = ReadRegister(StatusB),
    };
}
