using System;
using CsCheck;
using Redox.Drivers.Lpc.Rtc;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>The RTC driver against the MC146818 model: modes, 12 h edge cases, UIP races, century, setting, NVRAM.</summary>
public class RtcTests
{
    private static RtcDateTime Read(Mc146818Model model, byte century = 0x32, int polls = 1000)
    {
        var bus = new SimulatedBus();
        bus.MapPorts(0x70, 2, model);
        using var bound = bus.Bind();
        Assert.Equal((Errno)0, new RtcController<HostedPortIo>(century, new PollBudget(polls)).Read(out RtcDateTime value));
        return value;
    }

    private static DateTime AsDate(RtcDateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void ReadsEveryModeExactly(bool binary, bool hours24)
    {
        var when = new DateTime(2026, 12, 2, 17, 45, 9);
        Assert.Equal(when, AsDate(Read(new Mc146818Model(when, binary, hours24))));
    }

    [Theory]
    [InlineData(0, 0x12)]        // 12 AM is 00:xx (hour register 12, PM clear)
    [InlineData(1, 0x01)]        // 1 AM: nothing added
    [InlineData(11, 0x11)]
    [InlineData(12, 0x92)]       // 12 PM is 12:xx
    [InlineData(13, 0x81)]       // 1 PM
    [InlineData(23, 0x91)]
    public void TwelveHourModeHandlesAmPmAndTwelve(int hour, int register)
    {
        Assert.Equal((byte)register, RtcController<HostedPortIo>.EncodeHour(hour, binary: false, hours24: false));
        var when = new DateTime(2026, 6, 1, hour, 30, 0);
        Assert.Equal(hour, Read(new Mc146818Model(when, binary: false, hours24: false)).Hour);
    }

    [Fact]
    public void EveryHourOfTheDayRoundTripsInEveryMode()
    {
        Gen.Select(Gen.Int[0, 23], Gen.Bool, Gen.Bool).Sample((hour, binary, hours24) =>
        {
            var when = new DateTime(2031, 1, 31, hour, 59, 58);
            return Read(new Mc146818Model(when, binary, hours24)).Hour == hour;
        });
    }

    [Fact]
    public void CenturyComesFromTheFadtRegisterOrDefaultsTo20()
    {
        var when = new DateTime(2126, 3, 4, 5, 6, 7);
        Assert.Equal(2126, Read(new Mc146818Model(when, centuryRegister: 0x32)).Year);
        Assert.Equal(2126, Read(new Mc146818Model(when, centuryRegister: 0x48), century: 0x48).Year);
        Assert.Equal(2026, Read(new Mc146818Model(when, centuryRegister: 0), century: 0).Year);
    }

    [Fact]
    public void UipRacesNeverTearAReading()
    {
        // The clock ticks every 40-120 accesses (a reading takes ~18, so two can agree between ticks) and its UIP window is too short to protect a reading: only the
        // "read until two readings agree" rule keeps the result whole. Year end makes every field change at once.
        var start = new DateTime(2026, 12, 31, 23, 59, 59);
        for (int perSecond = 40; perSecond < 120; perSecond++)
        {
            for (int offset = 0; offset < perSecond; offset++)
            {
                var model = new Mc146818Model(start) { AccessesPerSecond = perSecond, UipAccesses = 1 };
                var bus = new SimulatedBus();
                bus.MapPorts(0x70, 2, model);
                using var bound = bus.Bind();
                for (int i = 0; i < offset; i++)
                {
                    HostedPortIo.In8(0x71); // shift where the tick falls
                }
                DateTime before = model.Now;
                Assert.Equal((Errno)0, new RtcController<HostedPortIo>(0x32, new PollBudget(1000)).Read(out RtcDateTime value));
                DateTime read = AsDate(value);
                Assert.True(read >= before && read <= model.Now, $"torn reading {read:O} (clock {before:O}..{model.Now:O}, {perSecond}/{offset})");
            }
        }
    }

    [Fact]
    public void WaitsForUipToClear()
    {
        var model = new Mc146818Model(new DateTime(2026, 1, 1, 0, 0, 0)) { AccessesPerSecond = 200, UipAccesses = 150 };
        var bus = new SimulatedBus();
        bus.MapPorts(0x70, 2, model);
        using var bound = bus.Bind();
        for (int i = 0; i < 60; i++)
        {
            HostedPortIo.In8(0x71); // now inside the UIP window
        }
        Assert.Equal((Errno)0, new RtcController<HostedPortIo>(0x32, new PollBudget(1000)).Read(out RtcDateTime value));
        Assert.Equal(1, value.Second); // the reading came after the update, not a stale one during it
    }

    [Fact]
    public void AClockStuckInUpdateOrAbsentAnswersEio()
    {
        var bus = new SimulatedBus();
        bus.MapPorts(0x70, 2, new Mc146818Model(DateTime.UnixEpoch) { StuckInUpdate = true });
        using (bus.Bind())
        {
            Assert.Equal(Errno.EIO, new RtcController<HostedPortIo>(0x32, new PollBudget(50)).Read(out _));
        }
        using (new SimulatedBus().Bind())
        {
            Assert.Equal(Errno.EIO, new RtcController<HostedPortIo>(0x32, new PollBudget(50)).Read(out _));
        }
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void SettingTheTimeWritesTheClocksOwnMode(bool binary, bool hours24)
    {
        var model = new Mc146818Model(new DateTime(2000, 1, 1), binary, hours24);
        var bus = new SimulatedBus();
        bus.MapPorts(0x70, 2, model);
        using var bound = bus.Bind();
        var clock = new RtcController<HostedPortIo>(0x32, new PollBudget(100));
        Assert.Equal((Errno)0, clock.Write(new RtcDateTime(2125, 2, 28, 12, 0, 59)));
        Assert.Equal(new DateTime(2125, 2, 28, 12, 0, 59), model.Now);
        Assert.Equal((Errno)0, clock.Write(new RtcDateTime(2024, 2, 29, 0, 15, 0)));
        Assert.Equal(new DateTime(2024, 2, 29, 0, 15, 0), model.Now);
        Assert.Equal(Errno.EINVAL, clock.Write(new RtcDateTime(2025, 2, 29, 0, 0, 0)));
        Assert.Equal(Errno.EINVAL, clock.Write(new RtcDateTime(2025, 1, 1, 24, 0, 0)));
        Assert.Equal(Errno.EINVAL, new RtcController<HostedPortIo>(0, default).Write(new RtcDateTime(2100, 1, 1, 0, 0, 0)));
    }

    [Fact]
    public void UnixSecondsMatchTheHostCalendar()
    {
        Gen.Long[0, 253402300799L].Sample(seconds =>
        {
            var mine = RtcDateTime.FromUnixSeconds(seconds);
            var host = DateTime.UnixEpoch.AddSeconds(seconds);
            return mine.Year == host.Year && mine.Month == host.Month && mine.Day == host.Day && mine.Hour == host.Hour
                && mine.Minute == host.Minute && mine.Second == host.Second && mine.ToUnixSeconds() == seconds;
        });
    }

    [Fact]
    public void RtcSchemeReadsSetsAndKeepsNvram()
    {
        using var kernel = new HostedKernel();
        var model = new Mc146818Model(new DateTime(2026, 12, 2, 0, 36, 47), binary: false, hours24: false);
        model.Cmos[0x40] = 0x5A;
        kernel.Bus.MapPorts(0x70, 2, model);
        kernel.StartDriver("rtc", new RtcScheme<HostedPortIo>(new RtcController<HostedPortIo>(0x32, new PollBudget(1000))));
        kernel.CreateProcess().Run(() =>
        {
            nuint clock = Io.Open("rtc:");
            Assert.Equal("2026-12-02T00:36:47\n", Io.ReadText(clock));
            Assert.Equal("1796171807\n", Io.ReadText(Io.Open("rtc:unix")));
            Assert.Equal(Errno.EINVAL, Io.WriteText(clock, "2026-13-01T00:00:00").Error);
            Assert.Equal(Errno.EINVAL, Io.WriteText(clock, "yesterday").Error);
            Assert.Equal(20UL, Io.WriteText(clock, "2030-07-04T13:05:00\n").Value);
            nuint unix = Io.Open("rtc:unix");
            Assert.Equal(10UL, Io.WriteText(unix, "1900000000").Value);

            nuint nvram = Io.Open("rtc:nvram");
            var bytes = new byte[200];
            Assert.Equal(114UL, Sys.ReadAt(nvram, bytes, 0).Value);
            Assert.Equal(0x5A, bytes[0x40 - 0x0E]);
            Assert.Equal(1UL, Sys.WriteAt(nvram, new byte[] { 0x77 }, 0x50 - 0x0E).Value);
            Assert.Equal(Errno.ENOSPC, Sys.WriteAt(nvram, new byte[] { 1 }, 114).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("rtc:alarm"u8, OpenFlags.ReadOnly).Error);
        });
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1900000000), model.Now);
        Assert.Equal(0x77, model.Cmos[0x50]);
    }
}
