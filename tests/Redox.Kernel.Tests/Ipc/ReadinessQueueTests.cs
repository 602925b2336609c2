using System;
using Redox.Kernel.Ipc;
using Redox.Syscall;
using Xunit;

namespace Redox.Kernel.Tests.Ipc;

public class ReadinessQueueTests
{
    private sealed class File
    {
        public int Line;
    }

    private readonly struct LineSource(int line) : IReadinessSource<File>
    {
        public bool Matches(File watched) => watched.Line == line;
    }

    [Fact]
    public void A_post_reaches_only_matching_subscriptions_and_only_the_flags_each_asked_for()
    {
        var queue = new ReadinessQueue<File>();
        File one = new() { Line = 1 }, two = new() { Line = 2 };
        Assert.True(queue.Subscribe(10, one, (ulong)EventFlags.Read, 100));
        Assert.True(queue.Subscribe(11, two, (ulong)(EventFlags.Read | EventFlags.Write), 200));
        Assert.False(queue.Post(new LineSource(1), (ulong)EventFlags.Write));    // one asked for Read only
        Assert.True(queue.Post(new LineSource(2), (ulong)(EventFlags.Read | EventFlags.Write)));
        Span<Event> events = stackalloc Event[4];
        Assert.Equal(1, queue.Take(events));
        Assert.Equal(11ul, events[0].Id);
        Assert.Equal((ulong)(EventFlags.Read | EventFlags.Write), events[0].Flags);
        Assert.Equal(200ul, events[0].Data);
    }

    [Fact]
    public void Pending_events_leave_oldest_first_merge_per_descriptor_and_overflow_is_counted()
    {
        var queue = new ReadinessQueue<File>();
        for (ulong fd = 0; fd < ReadinessQueue<File>.MaxPending; fd++) queue.Enqueue(fd, 1, fd);
        queue.Enqueue(5, 2, 55);                                   // merges into fd 5's event
        queue.Enqueue(1000, 1, 0);                                 // no room
        Assert.Equal(1ul, queue.Dropped);
        Span<Event> events = stackalloc Event[ReadinessQueue<File>.MaxPending + 1];
        Assert.Equal(ReadinessQueue<File>.MaxPending, queue.Take(events));
        for (int i = 0; i < ReadinessQueue<File>.MaxPending; i++) Assert.Equal((ulong)i, events[i].Id);
        Assert.Equal(3ul, events[5].Flags);
        Assert.Equal(55ul, events[5].Data);
        Assert.Equal(0, queue.Pending);
        // The ring wrapped: what comes next still leaves in order.
        queue.Enqueue(7, 1, 0);
        queue.Enqueue(8, 1, 0);
        Assert.Equal(2, queue.Take(events));
        Assert.Equal(7ul, events[0].Id);
        Assert.Equal(8ul, events[1].Id);
    }

    [Fact]
    public void Subscriptions_are_limited_replaced_in_place_removed_by_zero_flags_and_forgotten_with_their_description()
    {
        var queue = new ReadinessQueue<File>();
        var files = new File[ReadinessQueue<File>.MaxSubscriptions + 1];
        for (int i = 0; i < files.Length; i++) files[i] = new File { Line = i };
        for (int i = 0; i < ReadinessQueue<File>.MaxSubscriptions; i++) Assert.True(queue.Subscribe((ulong)i, files[i], 1, 0));
        Assert.False(queue.Subscribe(99, files[^1], 1, 0));
        Assert.True(queue.Subscribe(3, files[3], 2, 0));          // the same descriptor: replaced, no room needed
        Assert.Equal(ReadinessQueue<File>.MaxSubscriptions, queue.Subscriptions);
        Assert.True(queue.Subscribe(3, files[3], 0, 0));          // flags 0: gone
        Assert.True(queue.Subscribe(0, files[0], 0, 0));
        Assert.True(queue.Subscribe(0, files[0], 0, 0));          // unsubscribing twice is not an error
        queue.Forget(files[1]);
        Assert.Equal(ReadinessQueue<File>.MaxSubscriptions - 3, queue.Subscriptions);
        Assert.False(queue.Post(new LineSource(1), 1));
        Assert.True(queue.Subscribe(99, files[^1], 1, 0));
    }
}
