using Redox.Kernel.Ipc;
using Xunit;

namespace Redox.Kernel.Tests.Ipc;

public class TimeoutTableTests
{
    private sealed class File;

    [Fact]
    public void Timeouts_fire_once_when_due_not_before_and_in_any_order_of_registration()
    {
        var table = new TimeoutTable<File>(4);
        File a = new(), b = new(), c = new();
        Assert.True(table.Add(a, 30));
        Assert.True(table.Add(b, 10));
        Assert.True(table.Add(c, 20));
        Assert.Null(table.TakeDue(9));
        Assert.Same(b, table.TakeDue(10));
        Assert.Null(table.TakeDue(10));
        Assert.Same(c, table.TakeDue(25));
        Assert.Null(table.TakeDue(29));
        Assert.Same(a, table.TakeDue(1000));
        Assert.Null(table.TakeDue(ulong.MaxValue));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Several_due_at_once_all_come_out_and_a_full_table_refuses()
    {
        var table = new TimeoutTable<File>(3);
        File a = new(), b = new();
        Assert.True(table.Add(a, 5));
        Assert.True(table.Add(a, 6));
        Assert.True(table.Add(b, 7));
        Assert.False(table.Add(b, 8));
        int fired = 0;
        while (table.TakeDue(7) is not null) fired++;
        Assert.Equal(3, fired);
        Assert.True(table.Add(b, 8));
    }

    [Fact]
    public void Cancel_drops_every_timeout_of_a_file_and_leaves_the_others()
    {
        var table = new TimeoutTable<File>(4);
        File a = new(), b = new();
        table.Add(a, 5);
        table.Add(b, 6);
        table.Add(a, 7);
        Assert.Equal(2, table.Cancel(a));
        Assert.Equal(1, table.Count);
        Assert.Same(b, table.TakeDue(100));
        Assert.Null(table.TakeDue(100));
        Assert.Equal(0, table.Cancel(a));
    }
}
