namespace Redox.Kernel.Scheduling;

/// <summary>
/// Ready threads by priority: one FIFO per level, linked through the threads themselves so queueing never
/// allocates (it happens inside the timer interrupt).
/// </summary>
public sealed class RunQueue
{
    private readonly KernelThread?[] _heads;
    private readonly KernelThread?[] _tails;

    /// <summary>Creates empty queues for <paramref name="levels"/> priorities.</summary>
    public RunQueue(int levels)
    {
        _heads = new KernelThread?[levels];
        _tails = new KernelThread?[levels];
    }

    /// <summary>Number of queued threads.</summary>
    public int Count { get; private set; }

    /// <summary>Appends to the tail of the thread's priority level.</summary>
    public void Enqueue(KernelThread thread)
    {
        int level = thread.Priority;
        thread.Next = null;
        KernelThread? tail = _tails[level];
        if (tail is null) _heads[level] = thread;
        else tail.Next = thread;
        _tails[level] = thread;
        Count++;
    }

    /// <summary>Takes the head of the highest non-empty level, or null.</summary>
    public KernelThread? Dequeue()
    {
        for (int level = 0; level < _heads.Length; level++)
        {
            KernelThread? head = _heads[level];
            if (head is null) continue;
            _heads[level] = head.Next;
            if (head.Next is null) _tails[level] = null;
            head.Next = null;
            Count--;
            return head;
        }
        return null;
    }

    /// <summary>The best priority waiting (lower is better), or int.MaxValue when empty.</summary>
    public int BestPriority
    {
        get
        {
            for (int level = 0; level < _heads.Length; level++)
            {
                if (_heads[level] is not null) return level;
            }
            return int.MaxValue;
        }
    }
}
