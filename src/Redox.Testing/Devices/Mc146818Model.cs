using System;

namespace Redox.Testing.Devices;

/// <summary>
/// An MC146818 RTC with its CMOS (index 0x70, data 0x71). Time is counted in port accesses, so a test controls
/// exactly when the clock ticks: every <see cref="AccessesPerSecond"/> accesses it advances one second, and register
/// A's UIP bit is set during the last <see cref="UipAccesses"/> accesses before each tick. Set UipAccesses below the
/// length of a full reading (or 0) to model a reader racing the update; a reader that does not re-read until two
/// readings agree then returns torn values. Register B selects BCD/binary and 12/24 h (PM in hour bit 7); writes to
/// the time registers are decoded in the current mode and take effect when SET is cleared, as on the chip.
/// Map it with <c>bus.MapPorts(0x70, 2, model)</c>.
/// </summary>
public sealed class Mc146818Model : IPortDevice
{
    private readonly byte[] _cmos = new byte[128];
    private int _index;
    private long _accesses;
    private int _pendingSecond = -1, _pendingMinute = -1, _pendingHour = -1, _pendingDay = -1, _pendingMonth = -1, _pendingYear = -1, _pendingCentury = -1;

    /// <summary>A clock showing <paramref name="now"/> in the given mode; century register 0x32 unless told otherwise (0 = none).</summary>
    public Mc146818Model(DateTime now, bool binary = false, bool hours24 = true, int centuryRegister = 0x32)
    {
        Now = now;
        CenturyRegister = centuryRegister;
        _cmos[0x0B] = (byte)((binary ? 0x04 : 0) | (hours24 ? 0x02 : 0));
        _cmos[0x0D] = 0x80; // VRT: battery good
    }

    /// <summary>The time the clock keeps.</summary>
    public DateTime Now { get; set; }

    /// <summary>The CMOS index holding the century (0: none).</summary>
    public int CenturyRegister { get; }

    /// <summary>Accesses per clock second; 0 freezes the clock.</summary>
    public int AccessesPerSecond { get; set; }

    /// <summary>Accesses before each tick during which UIP reads set.</summary>
    public int UipAccesses { get; set; }

    /// <summary>When true, UIP reads set forever (a clock stuck mid-update).</summary>
    public bool StuckInUpdate { get; set; }

    /// <summary>The raw CMOS bytes (NVRAM and registers A-D).</summary>
    public byte[] Cmos => _cmos;

    private bool Binary => (_cmos[0x0B] & 0x04) != 0;

    private bool Hours24 => (_cmos[0x0B] & 0x02) != 0;

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        Step();
        if (port == 0x70)
        {
            return 0xFF; // the index port is write-only
        }
        return Read(_index);
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        Step();
        if (port == 0x70)
        {
            _index = (int)(value & 0x7F);
            return;
        }
        Write(_index, (byte)value);
    }

    private void Step()
    {
        _accesses++;
        if (AccessesPerSecond > 0 && (_cmos[0x0B] & 0x80) == 0 && _accesses % AccessesPerSecond == 0)
        {
            Now = Now.AddSeconds(1);
        }
    }

    private bool UpdateInProgress()
    {
        if (StuckInUpdate)
        {
            return true;
        }
        if (AccessesPerSecond <= 0 || UipAccesses <= 0)
        {
            return false;
        }
        long untilTick = AccessesPerSecond - (_accesses % AccessesPerSecond);
        return untilTick <= UipAccesses;
    }

    private byte Read(int index)
    {
        switch (index)
        {
            case 0x00: return Encode(Now.Second);
            case 0x02: return Encode(Now.Minute);
            case 0x04: return EncodeHour(Now.Hour);
            case 0x06: return Encode((int)Now.DayOfWeek + 1);
            case 0x07: return Encode(Now.Day);
            case 0x08: return Encode(Now.Month);
            case 0x09: return Encode(Now.Year % 100);
            case 0x0A: return (byte)((UpdateInProgress() ? 0x80 : 0) | 0x26);
        }
        if (index == CenturyRegister && CenturyRegister != 0)
        {
            return Encode(Now.Year / 100);
        }
        return _cmos[index];
    }

    private void Write(int index, byte value)
    {
        switch (index)
        {
            case 0x00: _pendingSecond = Decode(value); return;
            case 0x02: _pendingMinute = Decode(value); return;
            case 0x04: _pendingHour = DecodeHour(value); return;
            case 0x07: _pendingDay = Decode(value); return;
            case 0x08: _pendingMonth = Decode(value); return;
            case 0x09: _pendingYear = Decode(value); return;
            case 0x0B:
                bool wasSet = (_cmos[0x0B] & 0x80) != 0;
                _cmos[0x0B] = value;
                if (wasSet && (value & 0x80) == 0)
                {
                    Commit();
                }
                return;
        }
        if (index == CenturyRegister && CenturyRegister != 0)
        {
            _pendingCentury = Decode(value);
            return;
        }
        _cmos[index] = value;
    }

    private void Commit()
    {
        int century = _pendingCentury >= 0 ? _pendingCentury : Now.Year / 100;
        int year = _pendingYear >= 0 ? century * 100 + _pendingYear : Now.Year;
        Now = new DateTime(
            year,
            _pendingMonth >= 0 ? _pendingMonth : Now.Month,
            _pendingDay >= 0 ? _pendingDay : Now.Day,
            _pendingHour >= 0 ? _pendingHour : Now.Hour,
            _pendingMinute >= 0 ? _pendingMinute : Now.Minute,
            _pendingSecond >= 0 ? _pendingSecond : Now.Second);
        _pendingSecond = _pendingMinute = _pendingHour = _pendingDay = _pendingMonth = _pendingYear = _pendingCentury = -1;
    }

    private byte Encode(int value) => Binary ? (byte)value : (byte)(((value / 10) << 4) | (value % 10));

    private int Decode(byte value) => Binary ? value : (value >> 4) * 10 + (value & 0x0F);

    private byte EncodeHour(int hour)
    {
        if (Hours24)
        {
            return Encode(hour);
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        return (byte)(Encode(twelve) | (hour >= 12 ? 0x80 : 0));
    }

    private int DecodeHour(byte value)
    {
        if (Hours24)
        {
            return Decode(value);
        }
        int twelve = Decode((byte)(value & 0x7F));
        bool pm = (value & 0x80) != 0;
        return (twelve % 12) + (pm ? 12 : 0);
    }
}
