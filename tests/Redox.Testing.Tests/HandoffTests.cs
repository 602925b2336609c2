using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// The two halves of the hosted hand-off in their sleep paths: a client's <see cref="SpinThenBlockSignal"/> and the
/// endpoint's lock-and-wake-up word (<see cref="EndpointGate"/>). Each test is a ping-pong whose every step waits
/// for the other side with no timeout, and whose peer answers after a random delay around the end of the spin, so a
/// wake-up lost between "nothing yet" and "I sleep" stops the test (caught by its overall deadline).
/// </summary>
public class HandoffTests
{
    private const int Rounds = 20_000;
    private const int DeadlineMs = 60_000;

    // A delay of a few microseconds or none: the waiter's short spin (spinMicroseconds: 0 still polls 64 times)
    // ends on either side of it, so both its spin and its sleep path take wake-ups.
    private static void Jitter(Random random)
    {
        int spins = random.Next(4) switch { 0 => 0, 1 => random.Next(20), 2 => random.Next(200), _ => random.Next(2_000) };
        Thread.SpinWait(spins);
    }

    [Fact]
    public void ASignalsWaiterIsWokenByEverySetThoughItSleepsAtTheSameMoment()
    {
        var request = new SpinThenBlockSignal(spinMicroseconds: 0);
        var answer = new SpinThenBlockSignal(spinMicroseconds: 0);
        var peer = Task.Factory.StartNew(() =>
        {
            var random = new Random(1);
            for (int i = 0; i < Rounds; i++)
            {
                request.Wait(-1);
                Jitter(random);
                answer.Set();
            }
        }, TaskCreationOptions.LongRunning);
        var client = Task.Factory.StartNew(() =>
        {
            var random = new Random(2);
            for (int i = 0; i < Rounds; i++)
            {
                Jitter(random);
                request.Set();
                answer.Wait(-1);
            }
        }, TaskCreationOptions.LongRunning);
        Assert.True(Task.WaitAll([peer, client], DeadlineMs), "a set was lost: one side sleeps for good");
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
        // (spinning, then asleep) takes the lock with the wake-up, consumes it, and answers on a signal.
        var gate = new EndpointGate(spinMicroseconds: 0);
        var answered = new SpinThenBlockSignal(spinMicroseconds: 0);
        int queued = 0, consumed = 0;
        var driver = Task.Factory.StartNew(() =>
        {
            var random = new Random(3);
            while (true)
            {
                gate.EnterWhenPending();
                Assert.Equal(1, queued);   // Pending was published by the exit that queued it
                queued--;
                gate.Exit(pending: false);
                Jitter(random);
                if (++consumed == Rounds)
                {
                    answered.Set();
                    return;
                }
                answered.Set();
            }
        }, TaskCreationOptions.LongRunning);
        var client = Task.Factory.StartNew(() =>
        {
            var random = new Random(4);
            for (int i = 0; i < Rounds; i++)
            {
                Jitter(random);
                gate.Enter();
                queued++;
                gate.Exit(pending: true);
                answered.Wait(-1);
            }
        }, TaskCreationOptions.LongRunning);
        Assert.True(Task.WaitAll([driver, client], DeadlineMs), "an exit's Pending was slept through");
        Assert.Equal(Rounds, consumed);
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
