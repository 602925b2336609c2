using System.Collections.Generic;
using Redox.Kernel.Scheduling;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The scheduling policy, driven tick by tick: round-robin, priorities, slices, idle, switch counting.</summary>
public class SchedulerTests : SchedulerFixture
{
    [Fact]
    public void StartsWithTheBootThreadRunning()
    {
        Assert.Same(_boot, _scheduler.Current);
        Assert.Same(_idle, _scheduler.Idle);
        Assert.Equal(ThreadState.Running, _boot.State);
        Assert.Equal(ThreadState.Ready, _idle.State);
        Assert.Equal(0UL, _scheduler.Ticks);
        Assert.Equal(0UL, _scheduler.Switches);
        Assert.Equal(0, _scheduler.ReadyCount);
    }

    [Fact]
    public void EqualsShareTheCpuRoundRobinInSlices()
    {
        Spawn(2);
        Spawn(3);
        Assert.Equal(2, Scheduler.TimeSliceTicks);
        Assert.Equal(new[] { 0, 2, 2, 3, 3, 0, 0, 2, 2, 3, 3, 0 }, Run(12));
        Assert.Equal(12UL, _scheduler.Ticks);
        Assert.Equal(6UL, _scheduler.Switches);
    }

    [Fact]
    public void AloneAThreadKeepsTheCpu()
    {
        Assert.All(Run(50), id => Assert.Equal(0, id));
        Assert.Equal(0UL, _scheduler.Switches);
        Assert.Equal(0UL, _idle.Dispatches);
    }

    [Fact]
    public void LowerPriorityDoesNotTakeTurns()
    {
        KernelThread low = Spawn(2, priority: 2);
        Assert.All(Run(50), id => Assert.Equal(0, id));
        Assert.Equal(0UL, low.Dispatches);
        Assert.Equal(ThreadState.Ready, low.State);
        _scheduler.BlockCurrent();
        Assert.Same(low, _scheduler.Reschedule());
    }

    [Fact]
    public void BetterThreadPreemptsOnTheNextTick()
    {
        _scheduler.OnTick();                                   // boot has used part of its slice
        KernelThread urgent = Spawn(2, priority: 0);
        Assert.Same(urgent, _scheduler.OnTick());
        Assert.Equal(ThreadState.Running, urgent.State);
        Assert.Equal(ThreadState.Ready, _boot.State);
        Assert.All(Run(20), id => Assert.Equal(2, id));        // and keeps the CPU: nobody is as good
        _scheduler.ExitCurrent();
        Assert.Same(_boot, _scheduler.Reschedule());
    }

    [Fact]
    public void RescheduleGivesTheCpuToTheNextEqual()
    {
        KernelThread a = Spawn(2);
        Assert.Same(a, _scheduler.Reschedule());               // a voluntary yield
        Assert.Equal(ThreadState.Ready, _boot.State);
        Assert.Same(_boot, _scheduler.Reschedule());
        Assert.Equal(2UL, _scheduler.Switches);
    }

    [Fact]
    public void YieldWithNobodyElseKeepsTheThread()
    {
        Assert.Same(_boot, _scheduler.Reschedule());
        Assert.Equal(0UL, _scheduler.Switches);
        Assert.Equal(1UL, _boot.Dispatches);
        Assert.Equal(ThreadState.Running, _boot.State);
    }

    [Fact]
    public void FreshSliceAfterEachDispatch()
    {
        KernelThread a = Spawn(2);
        _scheduler.OnTick();
        Assert.Same(a, _scheduler.OnTick());                   // boot's slice is over
        Assert.Same(a, _scheduler.OnTick());                   // a has a whole slice of its own
        Assert.Same(_boot, _scheduler.OnTick());
    }

    [Fact]
    public void IdleRunsOnlyWhenNothingIsReady()
    {
        KernelThread a = Spawn(2);
        Assert.DoesNotContain(1, Run(40));
        _scheduler.BlockCurrent();
        _scheduler.Reschedule();
        _scheduler.BlockCurrent();
        Assert.Same(_idle, _scheduler.Reschedule());
        Assert.All(Run(10), id => Assert.Equal(1, id));
        Assert.True(_scheduler.Wake(a));
        Assert.Same(a, _scheduler.OnTick());                   // idle gives way at once
        Assert.DoesNotContain(1, Run(10));
    }

    [Fact]
    public void IdleIsNeverQueued()
    {
        _scheduler.BlockCurrent();
        Assert.Same(_idle, _scheduler.Reschedule());
        Assert.Equal(0, _scheduler.ReadyCount);
        Assert.Same(_idle, _scheduler.Reschedule());
        Assert.Equal(0, _scheduler.ReadyCount);
        Assert.True(_scheduler.Wake(_boot));
        Assert.Same(_boot, _scheduler.Reschedule());
        Assert.Equal(0, _scheduler.ReadyCount);
    }

    [Fact]
    public void SwitchesCountOnlyChangesOfThread()
    {
        KernelThread a = Spawn(2);
        Run(10);                                               // boot, a, boot, a, boot: a switch every 2 ticks
        Assert.Equal(5UL, _scheduler.Switches);
        Assert.Equal(3UL, a.Dispatches);
        Assert.Equal(2UL, _boot.Dispatches);
    }

    [Fact]
    public void IdleIsReadyAgainOnceAThreadTakesTheCpuFromIt()
    {
        _scheduler.BlockCurrent();
        Assert.Same(_idle, _scheduler.Reschedule());
        Assert.Equal(ThreadState.Running, _idle.State);

        KernelThread worker = Spawn(5);
        Assert.Same(worker, _scheduler.OnTick());
        Assert.Equal(ThreadState.Ready, _idle.State);
        Assert.Equal(ThreadState.Running, worker.State);
        Assert.Equal(0, _scheduler.ReadyCount); // idle is never queued
    }

    [Fact]
    public void A_direct_switch_blocks_the_caller_and_runs_the_blocked_target_past_the_queue()
    {
        KernelThread driver = Spawn(2);
        KernelThread other = Spawn(3);
        _scheduler.BlockCurrent();
        Assert.Same(driver, _scheduler.Reschedule());
        _scheduler.BlockCurrent();                             // the driver waits for a call
        Assert.Same(other, _scheduler.Reschedule());
        Assert.True(_scheduler.Wake(_boot));
        Assert.Same(_boot, _scheduler.Reschedule());           // other yields: queued behind nobody
        Assert.Equal(ThreadState.Ready, other.State);
        ulong switches = _scheduler.Switches;
        ulong dispatches = driver.Dispatches;

        Assert.True(_scheduler.SwitchDirectTo(driver, blockCurrent: true));    // boot calls the driver
        Assert.Same(driver, _scheduler.Current);
        Assert.Equal(ThreadState.Running, driver.State);
        Assert.Equal(ThreadState.Blocked, _boot.State);
        Assert.Equal(dispatches + 1, driver.Dispatches);
        Assert.Equal(switches + 1, _scheduler.Switches);

        Assert.True(_scheduler.SwitchDirectTo(_boot, blockCurrent: false));    // the answer goes straight back
        Assert.Same(_boot, _scheduler.Current);
        Assert.Equal(ThreadState.Ready, driver.State);                         // queued, runs in its turn
        Assert.Equal(ThreadState.Running, _boot.State);
        _scheduler.BlockCurrent();
        Assert.Same(other, _scheduler.Reschedule());                           // behind the one already waiting
        _scheduler.BlockCurrent();
        Assert.Same(driver, _scheduler.Reschedule());
    }

    [Fact]
    public void A_direct_switch_to_a_thread_that_is_not_blocked_changes_nothing()
    {
        KernelThread ready = Spawn(2);
        ulong switches = _scheduler.Switches;
        Assert.False(_scheduler.SwitchDirectTo(ready, blockCurrent: true));
        Assert.False(_scheduler.SwitchDirectTo(_boot, blockCurrent: false));   // itself
        Assert.Same(_boot, _scheduler.Current);
        Assert.Equal(ThreadState.Running, _boot.State);
        Assert.Equal(ThreadState.Ready, ready.State);
        Assert.Equal(switches, _scheduler.Switches);
    }
}
