using System.Threading;

namespace Redox.Kernel.Scheduling;

/// <summary>
/// The scheduling policy, free of hardware: preemptive round-robin with priorities. The highest-priority ready
/// thread runs; equals share the CPU in time slices; a thread that blocks or sleeps leaves the queues until it
/// is woken. When nothing is ready the idle thread runs. The arch calls <see cref="OnTick"/> from the timer and
/// <see cref="Reschedule"/> after a voluntary yield, and switches to whatever they return. Nothing here allocates.
/// </summary>
public sealed class Scheduler
{
    /// <summary>Priority levels (0 highest).</summary>
    public const int PriorityLevels = 4;

    /// <summary>Timer ticks a thread runs before an equal-priority thread gets the CPU.</summary>
    public const int TimeSliceTicks = 2;

    private readonly RunQueue _ready = new RunQueue(PriorityLevels);
    private KernelThread? _sleepers;

    /// <summary>Starts with <paramref name="boot"/> on the CPU and <paramref name="idle"/> as the fallback.</summary>
    public Scheduler(KernelThread boot, KernelThread idle)
    {
        Current = boot;
        Idle = idle;
        boot.State = ThreadState.Running;
        boot.SliceLeft = TimeSliceTicks;
        idle.State = ThreadState.Ready;
    }

    /// <summary>The thread on the CPU.</summary>
    public KernelThread Current { get; private set; }

    /// <summary>Runs when nothing else can.</summary>
    public KernelThread Idle { get; }

    private ulong _ticks;
    private ulong _switches;

    /// <summary>Timer ticks since start (a volatile read: threads poll it while the timer interrupt advances it).</summary>
    public ulong Ticks => Volatile.Read(ref _ticks);

    /// <summary>Context switches so far.</summary>
    public ulong Switches => Volatile.Read(ref _switches);

    /// <summary>Threads waiting for the CPU (idle excluded).</summary>
    public int ReadyCount => _ready.Count;

    /// <summary>Makes a new thread runnable.</summary>
    public void Add(KernelThread thread)
    {
        thread.State = ThreadState.Ready;
        _ready.Enqueue(thread);
    }

    /// <summary>One timer tick: wakes due sleepers and preempts when the slice is used up or a better thread waits.</summary>
    public KernelThread OnTick()
    {
        _ticks++;
        WakeSleepers();
        KernelThread current = Current;
        if (current == Idle) return _ready.Count > 0 ? SwitchToNext() : current;
        current.SliceLeft--;
        bool betterWaiting = _ready.BestPriority < current.Priority;
        bool sliceOver = current.SliceLeft <= 0 && _ready.BestPriority <= current.Priority;
        return betterWaiting || sliceOver ? SwitchToNext() : current;
    }

    /// <summary>After the current thread yielded, blocked, slept or exited: picks who runs next.</summary>
    public KernelThread Reschedule() => SwitchToNext();

    /// <summary>Marks the current thread blocked; the caller then yields.</summary>
    public void BlockCurrent() => Current.State = ThreadState.Blocked;

    /// <summary>Puts the current thread to sleep for <paramref name="ticks"/>; the caller then yields.</summary>
    public void SleepCurrent(ulong ticks)
    {
        KernelThread current = Current;
        current.State = ThreadState.Sleeping;
        current.WakeTick = _ticks + (ticks == 0 ? 1 : ticks);
        current.Next = _sleepers;
        _sleepers = current;
    }

    /// <summary>
    /// The IPC fast path: <paramref name="target"/>, a blocked thread, runs at once, past the run queue (a client's
    /// call goes straight to the driver waiting for it, an answer straight back). The current thread blocks
    /// (<paramref name="blockCurrent"/>: it waits for an answer) or stays ready, queued as after a yield. False, and
    /// nothing changes, when <paramref name="target"/> is not blocked. On true the caller switches to it at once, with
    /// interrupts still off, so nothing can come between.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool SwitchDirectTo(KernelThread target, bool blockCurrent)
    {
        KernelThread previous = Current;
        if (target.State != ThreadState.Blocked || target == previous) return false;
        if (blockCurrent) previous.State = ThreadState.Blocked;
        else if (previous == Idle) previous.State = ThreadState.Ready;   // idle is never queued, only fallen back to
        else Add(previous);
        Dispatch(target);
        _switches++;
        return true;
    }

    /// <summary>Ends the current thread; the caller then yields and never returns.</summary>
    public void ExitCurrent() => Current.State = ThreadState.Exited;

    /// <summary>Makes a blocked thread ready; false if it was not blocked.</summary>
    public bool Wake(KernelThread thread)
    {
        if (thread.State != ThreadState.Blocked) return false;
        Add(thread);
        return true;
    }

    /// <summary>Makes a blocked or sleeping thread ready now (a sleeper leaves the sleep list early); false otherwise.</summary>
    public bool WakeEarly(KernelThread thread)
    {
        if (thread.State == ThreadState.Blocked) return Wake(thread);
        if (thread.State != ThreadState.Sleeping) return false;
        KernelThread? previous = null;
        for (KernelThread? t = _sleepers; t is not null; previous = t, t = t.Next)
        {
            if (t != thread) continue;
            if (previous is null) _sleepers = t.Next;
            else previous.Next = t.Next;
            t.Next = null;
            Add(t);
            return true;
        }
        return false;
    }

    private KernelThread SwitchToNext()
    {
        KernelThread previous = Current;
        if (previous == Idle) previous.State = ThreadState.Ready;   // idle is never queued, only fallen back to
        else if (previous.State == ThreadState.Running) Add(previous);
        KernelThread next = _ready.Dequeue() ?? Idle;
        Dispatch(next);
        if (next != previous) _switches++;
        return next;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Dispatch(KernelThread next)
    {
        next.State = ThreadState.Running;
        next.SliceLeft = TimeSliceTicks;
        next.Dispatches++;
        Current = next;
    }

    private void WakeSleepers()
    {
        KernelThread? previous = null;
        KernelThread? thread = _sleepers;
        while (thread is not null)
        {
            KernelThread? next = thread.Next;
            if (thread.WakeTick <= _ticks)
            {
                if (previous is null) _sleepers = next;
                else previous.Next = next;
                Add(thread);
            }
            else previous = thread;
            thread = next;
        }
    }
}
