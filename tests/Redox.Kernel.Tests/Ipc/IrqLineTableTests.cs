using System.Collections.Generic;
using Redox.Kernel.Ipc;
using Redox.Syscall;
using Xunit;

namespace Redox.Kernel.Tests.Ipc;

public class IrqLineTableTests
{
    /// <summary>A controller that records what the table asked of it.</summary>
    private struct Recorder(List<string> log) : IInterruptMask
    {
        public void Mask(int line) => log.Add("mask " + line);

        public void Unmask(int line) => log.Add("unmask " + line);
    }

    [Fact]
    public void A_line_is_masked_until_opened_and_after_its_last_opener_goes()
    {
        var log = new List<string>();
        var table = new IrqLineTable<Recorder>(new Recorder(log));
        Assert.True(table.IsMasked(3));
        Assert.False(table.Raise(3));                    // nobody listens: not counted
        Assert.Equal(0UL, table.CountOf(3));
        Assert.Equal(0UL, table.Open(3));
        Assert.Equal(0UL, table.Open(3));                // a second opener changes nothing at the controller
        Assert.False(table.IsMasked(3));
        table.Release(3);
        Assert.False(table.IsMasked(3));
        table.Release(3);
        Assert.True(table.IsMasked(3));
        Assert.Equal(new[] { "unmask 3", "mask 3" }, log);
    }

    [Fact]
    public void Each_interrupt_masks_the_line_until_the_current_count_is_written_back()
    {
        var log = new List<string>();
        var table = new IrqLineTable<Recorder>(new Recorder(log));
        ulong acknowledged = table.Open(4);
        Assert.False(table.HasNew(4, acknowledged));
        Assert.Equal(0UL, table.Readiness(4, acknowledged));
        Assert.True(table.Raise(4));
        Assert.True(table.IsMasked(4));
        Assert.True(table.HasNew(4, acknowledged));
        Assert.Equal((ulong)EventFlags.Read, table.Readiness(4, acknowledged));
        Assert.True(table.Raise(4));                     // a second one while masked (the hosted model latches it): counted, no second mask
        Assert.False(table.Acknowledge(4, 1));           // stale: the driver read 1, but 2 came
        Assert.True(table.IsMasked(4));
        Assert.True(table.Acknowledge(4, 2));
        Assert.False(table.IsMasked(4));
        Assert.False(table.HasNew(4, 2));
        Assert.Equal(2UL, table.CountOf(4));
        Assert.Equal(new[] { "unmask 4", "mask 4", "unmask 4" }, log);
    }

    [Fact]
    public void A_new_opener_starts_at_the_current_count()
    {
        var table = new IrqLineTable<Recorder>(new Recorder(new List<string>()));
        ulong first = table.Open(5);
        table.Raise(5);
        table.Raise(5);
        ulong second = table.Open(5);
        Assert.Equal(0UL, first);
        Assert.Equal(2UL, second);
        Assert.True(table.HasNew(5, first));
        Assert.False(table.HasNew(5, second));
        Assert.Equal(2, table.OpenersOf(5));
        Assert.Equal(0UL, table.CountOf(16));
        Assert.Equal(0, table.OpenersOf(-1));
    }

    [Theory]
    [InlineData("3", 0xFFFF, (Errno)0, 3)]
    [InlineData("15", 0xFFFF, (Errno)0, 15)]
    [InlineData("0", 0xFFFF, Errno.ENOENT, 0)]           // the scheduler's timer
    [InlineData("2", 0xFFFF, Errno.ENOENT, 2)]           // the cascade
    [InlineData("16", 0xFFFF, Errno.ENOENT, 16)]
    [InlineData("x", 0xFFFF, Errno.ENOENT, -1)]
    [InlineData("", 0xFFFF, Errno.ENOENT, -1)]
    [InlineData("3", 0x0010, Errno.EACCES, 3)]           // granted 4 only
    [InlineData("4", 0x0010, (Errno)0, 4)]
    public void Open_rules_name_a_line_and_check_its_grant(string path, int grants, Errno expected, int line)
    {
        Assert.Equal(expected, IrqLineRules.Check(System.Text.Encoding.ASCII.GetBytes(path), (ushort)grants, out int parsed));
        Assert.Equal(line, parsed);
    }

    [Fact]
    public void All_lines_grants_every_line_a_driver_may_have()
    {
        for (int line = 0; line < IrqLineRules.Count; line++)
        {
            Errno expected = line == 0 || line == 2 ? Errno.ENOENT : 0;
            Assert.Equal(expected, IrqLineRules.Check(System.Text.Encoding.ASCII.GetBytes(line.ToString()), IrqLineRules.AllLines, out _));
        }
    }
}
