using Redox.Kernel.Scheduling;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The ready queues: FIFO per priority, best priority first.</summary>
public class RunQueueTests
{
    private static KernelThread Thread(int id, int priority) => new KernelThread(id, "t" + id, priority);

    [Fact]
    public void EmptyQueue()
    {
        var queue = new RunQueue(4);
        Assert.Equal(0, queue.Count);
        Assert.Null(queue.Dequeue());
        Assert.Equal(int.MaxValue, queue.BestPriority);
    }

    [Fact]
    public void EqualPrioritiesAreFirstInFirstOut()
    {
        var queue = new RunQueue(4);
        KernelThread a = Thread(1, 2), b = Thread(2, 2), c = Thread(3, 2);
        queue.Enqueue(a);
        queue.Enqueue(b);
        queue.Enqueue(c);
        Assert.Equal(3, queue.Count);
        Assert.Same(a, queue.Dequeue());
        Assert.Same(b, queue.Dequeue());
        Assert.Same(c, queue.Dequeue());
        Assert.Null(queue.Dequeue());
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void BetterPriorityComesFirst()
    {
        var queue = new RunQueue(4);
        KernelThread low = Thread(1, 3), mid = Thread(2, 1), high = Thread(3, 0), mid2 = Thread(4, 1);
        queue.Enqueue(low);
        queue.Enqueue(mid);
        Assert.Equal(1, queue.BestPriority);
        queue.Enqueue(high);
        queue.Enqueue(mid2);
        Assert.Equal(0, queue.BestPriority);
        Assert.Same(high, queue.Dequeue());
        Assert.Equal(1, queue.BestPriority);
        Assert.Same(mid, queue.Dequeue());
        Assert.Same(mid2, queue.Dequeue());
        Assert.Equal(3, queue.BestPriority);
        Assert.Same(low, queue.Dequeue());
        Assert.Equal(int.MaxValue, queue.BestPriority);
    }

    [Fact]
    public void DrainedLevelAcceptsNewThreads()
    {
        var queue = new RunQueue(2);
        KernelThread a = Thread(1, 0), b = Thread(2, 0);
        queue.Enqueue(a);
        Assert.Same(a, queue.Dequeue());
        queue.Enqueue(b);
        queue.Enqueue(a);
        Assert.Same(b, queue.Dequeue());
        Assert.Same(a, queue.Dequeue());
        Assert.Null(queue.Dequeue());
    }

    [Fact]
    public void RequeueingTheHeadGoesToTheTail()
    {
        var queue = new RunQueue(1);
        KernelThread a = Thread(1, 0), b = Thread(2, 0);
        queue.Enqueue(a);
        queue.Enqueue(b);
        for (int round = 0; round < 5; round++)
        {
            KernelThread head = queue.Dequeue()!;
            Assert.Same(round % 2 == 0 ? a : b, head);
            queue.Enqueue(head);
        }
        Assert.Equal(2, queue.Count);
    }
}
