using Xunit;

namespace Redox.Benchmarks.Tests;

public sealed class GuestRowTests
{
    [Theory]
    [InlineData("null syscall", 192L, 335L)]
    [InlineData("IPC round trip, read 1 B", 3411L, 12972L)]
    [InlineData("IPC round trip, read 1 B (vs Unix socket)", 3411L, 17331L)]
    [InlineData("IPC round trip, read 4 KiB", 9765L, 13959L)]
    [InlineData("IPC read 64 KiB", 156781L, 52414L)]
    [InlineData("fevent wake-up", 2848L, 4713L)]
    [InlineData("process switch", 494L, 446L)]
    public void Every_row_finds_its_figure_and_its_peers(string name, long ours, long peer)
    {
        GuestRow row = GuestRow.All.Single(r => r.Name == name);

        Assert.Equal(ours, GuestRow.Find(row.Pattern, SampleLogs.Guest));
        Assert.Equal(peer, GuestRow.Find(row.PeerPattern, SampleLogs.Linux));
    }

    [Fact]
    public void The_irq_row_has_no_linux_peer_and_finds_its_figure()
    {
        GuestRow row = GuestRow.All.Single(r => r.Name == "IRQ to driver");

        Assert.Null(row.PeerPattern);
        Assert.Equal(1605L, GuestRow.Find(row.Pattern, SampleLogs.Guest));
        Assert.Null(GuestRow.Find(row.PeerPattern, SampleLogs.Linux));
    }

    [Fact]
    public void A_figure_missing_from_the_log_is_null_not_zero()
    {
        GuestRow row = GuestRow.All.Single(r => r.Name == "IRQ to driver");

        Assert.Null(GuestRow.Find(row.Pattern, ["bench: irq skipped (no COM2: give QEMU a second -serial)"]));
    }
}
