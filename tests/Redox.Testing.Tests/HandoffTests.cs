using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// The two halves of the hosted hand-off in their sleep paths: a client's <see cref="SpinThenBlockSignal"/> and the
/// endpoint's lock-and-wake-up word (<see cref="EndpointGate"/>). Each test is a ping-pong in which the side under
/// test waits with no timeout and its peer answers after a random delay around the end of the spin, so a wake-up lost
/// between "nothing yet" and "I sleep" stops the test (caught by its overall deadline).
/// </summary>
public class HandoffTests
{
    private const int Rounds = 50_000;
    private const int DeadlineMs = 60_000;

    // A delay of up to about twice the waiter's spin (spinMicroseconds: 0 still polls 64 times, one pause apart), or
    // none: its answer lands before, during and after the moment the waiter gives up spinning and goes to sleep.
    private static void Jitter(Random random)
    {
        if (random.Next(8) != 0)
        {
            Thread.SpinWait(random.Next(160));
        }
    }

    // The other side of each ping-pong spins hot (never sleeps), so it answers a fixed jitter after the waiter under
    // test started waiting, instead of whenever a sleeping thread happens to be woken.
    private static void SpinUntil(ref int counter, int value)
    {
        while (Volatile.Read(ref counter) != value)
        {
            Thread.SpinWait(1);
        }
    }

    [Fact]
    public void ASignalsWaiterIsWokenByEverySetThoughItSleepsAtTheSameMoment()
    {
        var signal = new SpinThenBlockSignal(spinMicroseconds: 0);
        int taken = 0;
        var waiter = Task.Factory.StartNew(() =>
        {
            for (int i = 1; i <= Rounds; i++)
            {
                signal.Wait(-1);
                Volatile.Write(ref taken, i);
            }
        }, TaskCreationOptions.LongRunning);
        var setter = Task.Factory.StartNew(() =>
        {
            var random = new Random(2);
            for (int i = 1; i <= Rounds; i++)
            {
                Jitter(random);
                signal.Set();
                SpinUntil(ref taken, i);
            }
        }, TaskCreationOptions.LongRunning);
        Assert.True(Task.WaitAll([waiter, setter], DeadlineMs), $"a set was lost after {Volatile.Read(ref taken)} rounds: the waiter sleeps for good");
    }

    [Fact]
    public void ASignalSetAfterAWaitTimedOutIsTakenByTheNextWaitOnce()
    {
        var signal = new SpinThenBlockSignal(spinMicroseconds: 0);
        Assert.False(signal.Wait(10));
        signal.Set();
        signal.Set();                      // auto-reset: two sets before a wait are one
        Assert.True(signal.Wait(0));
        Assert.False(signal.Wait(10));
    }

    [Fact]
    public void TheDriverSleepingOnTheGateIsWokenByEveryExitThatLeavesWork()
    {
        // The driver's side of a round trip: a client enters, queues one message, exits with Pending; the driver
        // (spinning, then asleep) takes the lock with the wake-up, consumes the message and answers.
        var gate = new EndpointGate(spinMicroseconds: 0);
        int queued = 0, consumed = 0;
        var driver = Task.Factory.StartNew(() =>
        {
            for (int i = 1; i <= Rounds; i++)
            {
                gate.EnterWhenPending();
                Assert.Equal(1, queued);   // Pending was published by the exit that queued it
                queued--;
                gate.Exit(pending: false);
                Volatile.Write(ref consumed, i);
            }
        }, TaskCreationOptions.LongRunning);
        var client = Task.Factory.StartNew(() =>
        {
            var random = new Random(4);
            for (int i = 1; i <= Rounds; i++)
            {
                Jitter(random);
                gate.Enter();
                queued++;
                gate.Exit(pending: true);
                SpinUntil(ref consumed, i);
            }
        }, TaskCreationOptions.LongRunning);
        Assert.True(Task.WaitAll([driver, client], DeadlineMs), $"an exit's Pending was slept through after {Volatile.Read(ref consumed)} rounds");
        Assert.False(gate.IsPending);
    }

    [Fact]
    public void TheGateExcludesAndAnEmptyExitLeavesTheDriverAsleep()
    {
        var gate = new EndpointGate(spinMicroseconds: 0);
        long counter = 0;
        var workers = new Task[3];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                for (int i = 0; i < 100_000; i++)
                {
                    gate.Enter();
                    counter++;                     // not atomic: only the lock keeps increments from being lost
                    gate.Exit(pending: false);
                }
            }, TaskCreationOptions.LongRunning);
        }
        var driver = Task.Factory.StartNew(() =>
        {
            gate.EnterWhenPending();
            gate.Exit(pending: false);
        }, TaskCreationOptions.LongRunning);
        Assert.True(Task.WaitAll(workers, DeadlineMs));
        Assert.Equal(300_000, counter);
        Assert.False(driver.Wait(50), "the driver woke with nothing pending");
        gate.Enter();
        gate.Exit(pending: true);
        Assert.True(driver.Wait(5_000), "the driver slept through Pending");
    }
}
