using System;
using System.Collections.Generic;
using Redox.Kernel.Scheduling;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Threads leaving the CPU: block and wake, sleep, exit; and the no-allocation promise of the tick path.</summary>
public class SchedulerBlockingTests : SchedulerFixture
{
    [Fact]
    public void BlockedThreadDoesNotRunUntilWoken()
    {
        KernelThread a = Spawn(2);
        _scheduler.BlockCurrent();
        Assert.Equal(ThreadState.Blocked, _boot.State);
        Assert.Same(a, _scheduler.Reschedule());
        Assert.All(Run(20), id => Assert.Equal(2, id));
        Assert.True(_scheduler.Wake(_boot));
        Assert.Equal(ThreadState.Ready, _boot.State);
        Assert.Contains(0, Run(4));
    }

    [Fact]
    public void WakeOfAThreadThatIsNotBlockedIsFalse()
    {
        KernelThread a = Spawn(2);
        Assert.False(_scheduler.Wake(a));                      // ready
        Assert.False(_scheduler.Wake(_boot));                  // running
        Assert.Equal(1, _scheduler.ReadyCount);                // nothing was queued twice
        _scheduler.BlockCurrent();
        _scheduler.Reschedule();
        Assert.True(_scheduler.Wake(_boot));
        Assert.False(_scheduler.Wake(_boot));                  // already woken
        Assert.Equal(1, _scheduler.ReadyCount);
    }

    [Fact]
    public void WakeBeforeTheBlockedThreadYieldedKeepsItRunnable()
    {
        // Another CPU (or an interrupt) wakes the thread between BlockCurrent and its yield.
        KernelThread a = Spawn(2);
        _scheduler.BlockCurrent();
        Assert.True(_scheduler.Wake(_boot));
        Assert.Same(a, _scheduler.Reschedule());
        Assert.Equal(1, _scheduler.ReadyCount);
        Assert.Contains(0, Run(4));
    }

    [Fact]
    public void SleeperWakesAfterItsTicks()
    {
        _scheduler.SleepCurrent(3);
        Assert.Equal(ThreadState.Sleeping, _boot.State);
        Assert.Same(_idle, _scheduler.Reschedule());
        Assert.Equal(new[] { 1, 1, 0 }, Run(3));
        Assert.Equal(ThreadState.Running, _boot.State);
        Assert.Equal(3UL, _boot.WakeTick);
    }

    [Fact]
    public void SleepOfZeroTicksLastsOneTick()
    {
        KernelThread a = Spawn(2, priority: 2);
        _scheduler.SleepCurrent(0);
        Assert.Same(a, _scheduler.Reschedule());
        Assert.Same(_boot, _scheduler.OnTick());               // boot is better than a: it preempts as it wakes
    }

    [Fact]
    public void SleepersWakeInAnyOrder()
    {
        KernelThread a = Spawn(2);
        KernelThread b = Spawn(3);
        _scheduler.SleepCurrent(10);                           // boot
        Assert.Same(a, _scheduler.Reschedule());
        _scheduler.SleepCurrent(2);                            // a
        Assert.Same(b, _scheduler.Reschedule());
        _scheduler.SleepCurrent(5);                            // b
        Assert.Same(_idle, _scheduler.Reschedule());
        // a wakes at tick 2 and runs alone past its slice; b joins at 5; boot wakes at 10 and queues behind a.
        Assert.Equal(new[] { 1, 2, 2, 2, 3, 3, 2, 2, 3, 3, 2, 2, 0 }, Run(13));
    }

    [Fact]
    public void ExitedThreadNeverRunsAgain()
    {
        KernelThread a = Spawn(2);
        Assert.Same(a, _scheduler.Reschedule());
        _scheduler.ExitCurrent();
        Assert.Equal(ThreadState.Exited, a.State);
        Assert.Same(_boot, _scheduler.Reschedule());
        Assert.DoesNotContain(2, Run(50));
        Assert.False(_scheduler.Wake(a));
        Assert.Equal(1UL, a.Dispatches);
    }

    [Fact]
    public void LastThreadExitingLeavesIdle()
    {
        _scheduler.ExitCurrent();
        Assert.Same(_idle, _scheduler.Reschedule());
        Assert.All(Run(10), id => Assert.Equal(1, id));
    }

    [Fact]
    public void TicksAndReschedulesDoNotAllocate()
    {
        KernelThread a = Spawn(2), b = Spawn(3), c = Spawn(4, priority: 0);
        _scheduler.BlockCurrent();
        _scheduler.Reschedule();                               // c runs; boot blocked
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++) Cycle(i, c);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1) Assert.Equal(0, allocated);         // round 0 is warm-up (JIT, tiering)
        }
        Assert.True(a.Dispatches > 0 && b.Dispatches > 0 && _boot.Dispatches > 0);
    }

    private void Cycle(int i, KernelThread urgent)
    {
        _scheduler.OnTick();
        KernelThread current = _scheduler.Current;
        switch (i % 7)
        {
            case 0 when current == urgent: _scheduler.SleepCurrent(3); _scheduler.Reschedule(); break;
            case 3: _scheduler.Wake(_boot); break;
            case 5 when current == _boot: _scheduler.BlockCurrent(); _scheduler.Reschedule(); break;
            case 6: _scheduler.Reschedule(); break;
        }
    }
}
