using System.Collections.Generic;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel.Tests;

/// <summary>A scheduler started with a boot and an idle thread, and the helpers both scheduler test classes use.</summary>
public abstract class SchedulerFixture
{
    protected readonly KernelThread _boot = new KernelThread(0, "boot", 1);
    protected readonly KernelThread _idle = new KernelThread(1, "idle", Scheduler.PriorityLevels - 1);
    protected readonly Scheduler _scheduler;

    protected SchedulerFixture() => _scheduler = new Scheduler(_boot, _idle);

    /// <summary>Adds a ready thread.</summary>
    protected KernelThread Spawn(int id, int priority = 1)
    {
        var thread = new KernelThread(id, "t" + id, priority);
        _scheduler.Add(thread);
        return thread;
    }

    /// <summary>Who runs after each of <paramref name="ticks"/> timer ticks.</summary>
    protected List<int> Run(int ticks)
    {
        var ran = new List<int>();
        for (int i = 0; i < ticks; i++) ran.Add(_scheduler.OnTick().Id);
        return ran;
    }
}
