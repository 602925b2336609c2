using System;
using Redox.Drivers.Lpc.Text;

namespace Redox.Drivers.Lpc.Rtc;

/// <summary>
/// A calendar date and time of day as the RTC keeps it (no time zone; PCs conventionally keep UTC or local
/// time, the RTC cannot say which). Years 1970-9999. Converts to and from Unix seconds with the proleptic
/// Gregorian calendar.
/// </summary>
public struct RtcDateTime
{
    /// <summary>Full year, e.g. 2026.</summary>
    public int Year;

    /// <summary>1-12.</summary>
    public int Month;

    /// <summary>1-31.</summary>
    public int Day;

    /// <summary>0-23.</summary>
    public int Hour;

    /// <summary>0-59.</summary>
    public int Minute;

    /// <summary>0-59.</summary>
    public int Second;

    /// <summary>A date and time.</summary>
    public RtcDateTime(int year, int month, int day, int hour, int minute, int second)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
    }

    /// <summary>True for a real date (including 29 February in leap years only) between 1970 and 9999.</summary>
    public readonly bool IsValid =>
        Year >= 1970 && Year <= 9999 && Month >= 1 && Month <= 12 && Day >= 1 && Day <= DaysInMonth(Year, Month)
        && Hour >= 0 && Hour <= 23 && Minute >= 0 && Minute <= 59 && Second >= 0 && Second <= 59;

    /// <summary>Days in <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static int DaysInMonth(int year, int month)
    {
        if (month == 2)
        {
            bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /// <summary>Seconds since 1970-01-01T00:00:00 (valid dates only).</summary>
    public readonly long ToUnixSeconds()
    {
        // Days since the epoch: count from March so the leap day is last in the (shifted) year.
        long y = Month <= 2 ? Year - 1 : Year;
        long era = y / 400;
        long yearOfEra = y - era * 400;
        long monthFromMarch = Month > 2 ? Month - 3 : Month + 9;
        long dayOfYear = (153 * monthFromMarch + 2) / 5 + Day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        long days = era * 146097 + dayOfEra - 719468;
        return days * 86400 + Hour * 3600 + Minute * 60 + Second;
    }

    /// <summary>The date and time <paramref name="seconds"/> after 1970-01-01 (0 or more).</summary>
    public static RtcDateTime FromUnixSeconds(long seconds)
    {
        long days = seconds / 86400;
        long rest = seconds % 86400;
        long z = days + 719468;
        long era = z / 146097;
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int)(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return new RtcDateTime(year, month, day, (int)(rest / 3600), (int)(rest % 3600 / 60), (int)(rest % 60));
    }

    /// <summary>Writes ISO 8601 <c>YYYY-MM-DDTHH:MM:SS</c>.</summary>
    public readonly void Format(ref AsciiWriter writer)
    {
        writer.Decimal((ulong)Year, 4);
        writer.Byte((byte)'-');
        writer.Decimal((ulong)Month, 2);
        writer.Byte((byte)'-');
        writer.Decimal((ulong)Day, 2);
        writer.Byte((byte)'T');
        writer.Decimal((ulong)Hour, 2);
        writer.Byte((byte)':');
        writer.Decimal((ulong)Minute, 2);
        writer.Byte((byte)':');
        writer.Decimal((ulong)Second, 2);
    }

    /// <summary>Parses <c>YYYY-MM-DDTHH:MM:SS</c> (a space instead of T, surrounding white space allowed); false when malformed or not a valid date.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out RtcDateTime value)
    {
        value = default;
        var reader = new AsciiReader(text);
        reader.SkipSpace();
        ulong year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
        bool ok = reader.Decimal(4, out year) && reader.Expect((byte)'-')
            && reader.Decimal(2, out month) && reader.Expect((byte)'-')
            && reader.Decimal(2, out day) && (reader.Expect((byte)'T') || reader.Expect((byte)' '))
            && reader.Decimal(2, out hour) && reader.Expect((byte)':')
            && reader.Decimal(2, out minute) && reader.Expect((byte)':')
            && reader.Decimal(2, out second);
        if (!ok)
        {
            return false;
        }
        reader.SkipSpace();
        value = new RtcDateTime((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second);
        return reader.AtEnd && value.IsValid;
    }
}
