namespace Redox.Kernel.Processes;

/// <summary>
/// The process table's bookkeeping, free of hardware: fixed slots, parent links, the alive → zombie → reaped life,
/// what waitpid finds, and orphans handed to the kernel. <see cref="ProcessTable"/> runs it with interrupts off and
/// adds what needs the machine (address spaces, threads, waking a waiting parent); host tests run it with plain
/// records. Nothing here allocates after construction.
/// </summary>
/// <typeparam name="TProcess">The process record.</typeparam>
public sealed class ProcessTree<TProcess> where TProcess : class, IProcessRecord
{
    private readonly TProcess?[] _slots;

    /// <summary>A table of <paramref name="capacity"/> processes (alive or zombie).</summary>
    public ProcessTree(int capacity)
    {
        _slots = new TProcess?[capacity < 1 ? 1 : capacity];
    }

    /// <summary>Processes it can hold.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Processes alive or zombie.</summary>
    public int Count { get; private set; }

    /// <summary>True when a process can be added.</summary>
    public bool HasRoom => Count < _slots.Length;

    /// <summary>The process with id <paramref name="id"/>, or null.</summary>
    public TProcess? Find(int id)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            TProcess? process = _slots[i];
            if (process is not null && process.Id == id) return process;
        }
        return null;
    }

    /// <summary>Adds a new, alive <paramref name="process"/>; false when the table is full.</summary>
    public bool TryAdd(TProcess process)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is not null) continue;
            _slots[i] = process;
            Count++;
            return true;
        }
        return false;
    }

    /// <summary>
    /// <paramref name="process"/> ended with <paramref name="status"/>: it becomes a zombie and its children become the
    /// kernel's. False (and nothing changes) when it already was one: a process ends once.
    /// </summary>
    public bool End(TProcess process, int status)
    {
        if (process.State == ProcessState.Zombie) return false;
        process.State = ProcessState.Zombie;
        process.ExitStatus = status;
        for (int i = 0; i < _slots.Length; i++)
        {
            TProcess? child = _slots[i];
            if (child is not null && child.ParentId == process.Id) child.ParentId = ProcessTable.KernelId;
        }
        return true;
    }

    /// <summary>
    /// What waitpid finds for <paramref name="parentId"/>: a zombie child (any when <paramref name="childId"/> is 0 or
    /// negative, else that one) in <paramref name="zombie"/>; <see cref="WaitFinding.Zombie"/> then,
    /// <see cref="WaitFinding.Running"/> when such children exist but none has ended, <see cref="WaitFinding.NoChild"/>
    /// when there is none (ECHILD).
    /// </summary>
    public WaitFinding FindEndedChild(int parentId, int childId, out TProcess? zombie)
    {
        zombie = null;
        bool any = false;
        for (int i = 0; i < _slots.Length; i++)
        {
            TProcess? p = _slots[i];
            if (p is null || p.ParentId != parentId || (childId > 0 && p.Id != childId)) continue;
            any = true;
            if (p.State == ProcessState.Zombie)
            {
                zombie = p;
                return WaitFinding.Zombie;
            }
        }
        return any ? WaitFinding.Running : WaitFinding.NoChild;
    }

    /// <summary>Takes a reaped zombie out of the table; false when it was not in it.</summary>
    public bool Remove(TProcess process)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] != process) continue;
            _slots[i] = null;
            Count--;
            return true;
        }
        return false;
    }
}
