using Redox.Kernel.Boot;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The CMOS clock's registers to Unix time: BCD and binary, 12- and 24-hour, the century register.</summary>
public class RtcClockTests
{
    [Theory]
    [InlineData(1970, 1, 1, 0L)]
    [InlineData(2000, 3, 1, 11017L)]
    [InlineData(2026, 12, 2, 20789L)]
    public void Days_from_civil_counts_from_the_epoch(int year, int month, int day, long days)
        => Assert.Equal(days, RtcClock.DaysFromCivil(year, month, day));

    [Fact]
    public void BCD_24_hour_registers_with_a_century_give_Unix_seconds()
    {
        // 2026-12-02 05:20:31 UTC in BCD: 31 20 05 02 12 26, century 20.
        byte[] raw = [0x31, 0x20, 0x05, 0x02, 0x12, 0x26, 0x20];
        Assert.Equal(1_796_188_831UL, RtcClock.FromRegisters(raw, binary: false, twentyFourHour: true));
    }

    [Fact]
    public void Binary_12_hour_registers_read_the_pm_bit_and_default_to_the_21st_century()
    {
        // 2026-12-02 05:20:31 PM, binary, 12-hour (bit 7 of the hour is PM), no century register.
        byte[] raw = [31, 20, 0x80 | 5, 2, 12, 26, 0];
        Assert.Equal(1_796_188_831UL + 12 * 3600, RtcClock.FromRegisters(raw, binary: true, twentyFourHour: false));
        byte[] midnight = [0, 0, 12, 2, 12, 26, 0];          // 12 AM is hour 0
        Assert.Equal(1_796_169_600UL, RtcClock.FromRegisters(midnight, binary: true, twentyFourHour: false));
    }

    [Fact]
    public void A_register_out_of_range_gives_no_time()
    {
        byte[] raw = [0x61, 0x20, 0x05, 0x02, 0x12, 0x26, 0x20];  // 61 seconds
        Assert.Equal(0UL, RtcClock.FromRegisters(raw, binary: false, twentyFourHour: true));
    }
}
