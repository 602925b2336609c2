namespace Redox.Kernel.Ipc;

/// <summary>
/// The timeouts registered on <c>time:</c> handles (Redox's time scheme: each <c>TimeSpec</c> written to a handle is a
/// deadline after which the handle is readable for event queues). Pure and fixed-size like the other IPC state, so the
/// timer interrupt can check it without allocating: the common tick costs one comparison against the earliest
/// deadline. Deadlines are in the caller's unit (the kernel uses timer ticks).
/// </summary>
/// <typeparam name="TFile">The open description a timeout belongs to.</typeparam>
public sealed class TimeoutTable<TFile> where TFile : class
{
    private struct Entry
    {
        public TFile? File;
        public ulong Due;
    }

    private readonly Entry[] _entries;
    private ulong _earliest = ulong.MaxValue;

    /// <summary>A table for <paramref name="capacity"/> pending timeouts.</summary>
    public TimeoutTable(int capacity)
    {
        _entries = new Entry[capacity < 1 ? 1 : capacity];
    }

    /// <summary>Timeouts that can be pending at once.</summary>
    public int Capacity => _entries.Length;

    /// <summary>Timeouts pending now.</summary>
    public int Count { get; private set; }

    /// <summary>Registers a timeout for <paramref name="file"/> at <paramref name="due"/>; false when the table is full.</summary>
    public bool Add(TFile file, ulong due)
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].File is not null) continue;
            _entries[i] = new Entry { File = file, Due = due };
            Count++;
            if (due < _earliest) _earliest = due;
            return true;
        }
        return false;
    }

    /// <summary>
    /// One timeout due by <paramref name="now"/>, removed from the table, or null when none is (call again until null).
    /// While nothing is due this is one comparison.
    /// </summary>
    public TFile? TakeDue(ulong now)
    {
        if (now < _earliest) return null;
        ulong earliest = ulong.MaxValue;
        for (int i = 0; i < _entries.Length; i++)
        {
            ref Entry entry = ref _entries[i];
            if (entry.File is null) continue;
            if (entry.Due <= now)
            {
                TFile file = entry.File;
                entry = default;
                Count--;
                return file;       // _earliest stays at or below now: the next call scans again
            }
            if (entry.Due < earliest) earliest = entry.Due;
        }
        _earliest = earliest;
        return null;
    }

    /// <summary>Drops every timeout of <paramref name="file"/> (its last descriptor closed); how many there were.</summary>
    public int Cancel(TFile file)
    {
        int removed = 0;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].File != file) continue;
            _entries[i] = default;
            Count--;
            removed++;
        }
        return removed;     // a stale, lower _earliest only costs one scan that finds nothing
    }
}
