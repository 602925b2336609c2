using System;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

public class EventOutboxTests
{
    [Fact]
    public void PostsMergePerHandleAndDrainAsSendFevent()
    {
        var box = new EventOutbox(2);
        Assert.True(box.Post(7, EventFlags.Read));
        Assert.True(box.Post(7, EventFlags.Write));
        Assert.True(box.Post(8, EventFlags.Read));
        Assert.False(box.Post(9, EventFlags.Read)); // full
        Span<Cqe> one = new Cqe[1];
        Assert.Equal(1, box.Drain(one));
        Assert.Equal(CqeOpcode.SendFevent, one[0].Kind);
        Assert.Equal(7UL, one[0].Result);
        Assert.Equal((uint)(EventFlags.Read | EventFlags.Write), one[0].Tag);
        Assert.Equal(1, box.Count);
        Assert.Equal(1, box.Drain(new Cqe[4]));
        Assert.Equal(0, box.Drain(new Cqe[4]));
    }
}
