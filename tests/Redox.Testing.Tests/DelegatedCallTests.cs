using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Redox.Syscall;
using Xunit;

using static Redox.Testing.Tests.DirectEndpoint;

namespace Redox.Testing.Tests;

/// <summary>
/// The driver-owned call table (<see cref="DelegatedCalls"/>): clients publish calls in their own <see cref="CallSlot"/>
/// and whoever holds the endpoint's gate runs them through the table for them. These tests drive a
/// <see cref="ThreadedEndpoint"/> directly (its <c>Call</c>, and a driver thread on <c>ReceiveRequests</c> and
/// <c>SendResponses</c>), each client on a thread of its own that makes its calls one after the other, because a
/// thread's slot is reused from call to call.
/// </summary>
public class DelegatedCallTests
{
    private const int DeadlineMs = 60_000;

    [Fact]
    public void ALateAnswerToATimedOutCallIsNotTheSameThreadsNextAnswer()
    {
        using var kernel = new HostedKernel();
        var endpoint = new ThreadedEndpoint(kernel, "late");
        using var firstTimedOut = new ManualResetEventSlim();
        using var goOn = new ManualResetEventSlim();
        // One client thread, so both calls go through the same slot.
        var client = OnOwnThread(() =>
        {
            kernel.CallTimeoutMs = 300;
            Cqe first = endpoint.Call(Read(111));
            firstTimedOut.Set();
            goOn.Wait();
            kernel.CallTimeoutMs = 5_000;
            Cqe second = endpoint.Call(Read(222));
            return (first, second);
        });
        Sqe held = Assert.Single(Take(endpoint, 1));
        Assert.Equal(111UL, held.Arg3);
        Assert.True(firstTimedOut.Wait(5_000));
        goOn.Set();
        List<Sqe> next = Take(endpoint, 2);
        Assert.Equal(2, next.Count);
        Assert.Equal(Opcode.Cancel, next[0].Opcode);          // the held call, cancelled
        Assert.Equal(held.Tag, next[0].Tag);
        Assert.Equal(222UL, next[1].Arg3);
        Answer(endpoint, held.Tag, 999);                       // too late: dropped, and not taken for the next call
        Assert.False(client.Wait(100), "the second call took the first one's late answer");
        Answer(endpoint, next[1].Tag, 2);
        Assert.True(client.Wait(5_000));
        Assert.Equal(Errno.ETIMEDOUT, SyscallResult.Demux(client.Result.first.Result).Error);
        Assert.Equal(2UL, client.Result.second.Result);
        Assert.Equal(0, endpoint.CallsInFlight);
        endpoint.Close();
    }

    [Fact]
    public void ACallGivenUpOnBeforeTheDriverReadItIsNeverDeliveredAndTheNextOneIs()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 200 };
        var endpoint = new ThreadedEndpoint(kernel, "withdrawn");
        var client = OnOwnThread(() =>
        {
            Cqe first = endpoint.Call(Read(111));              // nobody reads: withdrawn at its timeout
            kernel.CallTimeoutMs = 5_000;
            return (first, second: endpoint.Call(Read(222)));
        });
        Assert.True(SpinWait.SpinUntil(() => kernel.CallTimeoutMs == 5_000, 5_000));
        Sqe only = Assert.Single(Take(endpoint, 1));
        Assert.Empty(Take(endpoint, 1, timeoutMs: 100));
        Assert.Equal(222UL, only.Arg3);
        Answer(endpoint, only.Tag, 2);
        Assert.True(client.Wait(5_000));
        Assert.Equal(Errno.ETIMEDOUT, SyscallResult.Demux(client.Result.first.Result).Error);
        Assert.Equal(2UL, client.Result.second.Result);
        endpoint.Close();
    }

    [Fact]
    public void GivingUpRacingTheAnswerEndsEitherWayAndNeverMixesCalls()
    {
        // Each answer comes after a random delay on either side of the 1 ms timeout: some calls are answered just before
        // the client gives up, some just after (their answers are dropped), some while it is giving up under the gate.
        using var kernel = new HostedKernel { CallTimeoutMs = 1 };
        var endpoint = new ThreadedEndpoint(kernel, "race");
        const int Calls = 3_000;
        int answered = 0, timedOut = 0;
        using (var driver = new EchoDriver(endpoint, random => Thread.SpinWait(random.Next(4) == 0 ? 0 : random.Next(60_000))))
        {
            var client = OnOwnThread(() =>
            {
                for (ulong i = 1; i <= Calls; i++)
                {
                    var result = SyscallResult.Demux(endpoint.Call(Read(i)).Result);
                    if (result.IsOk && result.Value != i)
                    {
                        return $"call {i} got the answer {result.Value}";
                    }
                    if (result.IsOk)
                    {
                        answered++;
                    }
                    else if (result.Error == Errno.ETIMEDOUT)
                    {
                        timedOut++;
                    }
                    else
                    {
                        return $"call {i} failed with {result.Error}";
                    }
                }
                return null;
            });
            Assert.True(client.Wait(DeadlineMs), "the client never returned");
            Assert.Null(client.Result);
            Assert.True(answered > 0 && timedOut > 0, $"answered {answered}, timed out {timedOut}: no race");
            Assert.True(SpinWait.SpinUntil(() => endpoint.CallsInFlight == 0 && endpoint.QueuedMessages == 0, 5_000),
                $"left: {endpoint.CallsInFlight} calls, {endpoint.QueuedMessages} queued");
            lock (driver.Seen)
            {
                foreach (var (value, times) in driver.Seen)
                {
                    Assert.True(times == 1, $"the driver read call {value} {times} times");
                }
            }
        }
    }

    [Fact]
    public void ManyClientThreadsEachGetTheirOwnAnswers()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        var endpoint = new ThreadedEndpoint(kernel, "many");
        const int Clients = 12, Calls = 1_500;
        using var driver = new EchoDriver(endpoint);
        var clients = new Task<string?>[Clients];
        for (int c = 0; c < Clients; c++)
        {
            ulong first = (ulong)c * 1_000_000;
            clients[c] = OnOwnThread<string?>(() =>
            {
                for (ulong i = 1; i <= Calls; i++)
                {
                    var result = SyscallResult.Demux(endpoint.Call(Read(first + i)).Result);
                    if (!result.IsOk || result.Value != first + i)
                    {
                        return $"call {first + i} got {(result.IsOk ? result.Value.ToString() : result.Error.ToString())}";
                    }
                }
                return null;
            });
        }
        Assert.True(Task.WaitAll(clients, DeadlineMs), "a client never returned");
        foreach (var c in clients)
        {
            Assert.Null(c.Result);
        }
        Assert.Equal(0, endpoint.CallsInFlight);
    }

    [Fact]
    public void CallsPublishedButNotYetAdmittedAnswerEioWhenTheSchemeCloses()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        var endpoint = new ThreadedEndpoint(kernel, "closing");
        const int Clients = 8;
        var clients = new Task<Cqe>[Clients];
        for (int c = 0; c < Clients; c++)
        {
            ulong value = (ulong)c;
            clients[c] = OnOwnThread(() => endpoint.Call(Read(value)));
        }
        // Nobody holds the gate, so the calls stay in their slots, published and not admitted.
        Assert.True(SpinWait.SpinUntil(() => endpoint.UnadmittedCalls == Clients, 10_000), $"{endpoint.UnadmittedCalls} published");
        endpoint.Close();
        Assert.True(Task.WaitAll(clients, 2_000), "a caller waits on in a closed scheme");
        foreach (var c in clients)
        {
            Assert.Equal(Errno.EIO, SyscallResult.Demux(c.Result.Result).Error);
        }
        Assert.Equal(0, endpoint.CallsInFlight);
        Assert.Equal(0UL, endpoint.ReceiveRequests(new byte[AbiSizes.Sqe], nonBlocking: false).Value);
        Assert.Equal(Errno.EIO, SyscallResult.Demux(endpoint.Call(Read(9)).Result).Error);
    }

    [Fact]
    public void ACloseRacingAPublicationLeavesNoCallerWaiting()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        for (int round = 0; round < 300; round++)
        {
            var endpoint = new ThreadedEndpoint(kernel, "r" + round);
            using var start = new Barrier(2);
            var client = OnOwnThread(() =>
            {
                start.SignalAndWait();
                return endpoint.Call(Read(1));
            });
            start.SignalAndWait();
            if ((round & 1) == 0)
            {
                Thread.SpinWait(round * 7);
            }
            endpoint.Close();
            Assert.True(client.Wait(5_000), $"round {round}: the caller waits on in a closed scheme");
            Assert.Equal(Errno.EIO, SyscallResult.Demux(client.Result.Result).Error);
        }
    }

    [Fact]
    public void ACallWaitingForATableSlotThatGivesUpLeavesNoTrace()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        var endpoint = new ThreadedEndpoint(kernel, "full", owner: null, tableCapacity: 2);
        var first = OnOwnThread(() => endpoint.Call(Read(1)));
        var second = OnOwnThread(() => endpoint.Call(Read(2)));
        Assert.True(SpinWait.SpinUntil(() => endpoint.CallsInFlight == 2, 5_000));
        // The table is full: a third call waits for a slot, and gives up.
        var third = OnOwnThread(() =>
        {
            kernel.CallTimeoutMs = 200;
            Cqe gaveUp = endpoint.Call(Read(3));
            kernel.CallTimeoutMs = 30_000;
            return gaveUp;
        });
        Assert.True(third.Wait(5_000));
        Assert.Equal(Errno.ETIMEDOUT, SyscallResult.Demux(third.Result.Result).Error);
        List<Sqe> read = Take(endpoint, 2);
        Assert.Equal([1UL, 2UL], new[] { read[0].Arg3, read[1].Arg3 }.Order());
        foreach (Sqe request in read)
        {
            Answer(endpoint, request.Tag, request.Arg3);
        }
        Assert.Equal(1UL, first.Result.Result);
        Assert.Equal(2UL, second.Result.Result);
        Assert.Empty(Take(endpoint, 1, timeoutMs: 100));       // the third call never reaches the driver
        Assert.Equal(0, endpoint.CallsInFlight);
        endpoint.Close();
    }

    [Fact]
    public void CallsWaitingForATableSlotGoInAsAnswersFreeThem()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        var endpoint = new ThreadedEndpoint(kernel, "refill", owner: null, tableCapacity: 1);
        using var driver = new EchoDriver(endpoint, random => Thread.SpinWait(random.Next(2_000)));
        var clients = new Task<ulong>[6];
        for (int c = 0; c < clients.Length; c++)
        {
            ulong value = (ulong)c + 1;
            clients[c] = OnOwnThread(() =>
            {
                ulong sum = 0;
                for (int i = 0; i < 200; i++)
                {
                    sum += SyscallResult.Demux(endpoint.Call(Read(value)).Result).Value;
                }
                return sum;
            });
        }
        Assert.True(Task.WaitAll(clients, DeadlineMs));
        for (int c = 0; c < clients.Length; c++)
        {
            Assert.Equal((ulong)(c + 1) * 200, clients[c].Result);
        }
    }

    [Fact]
    public void SlotsOfThreadsThatEndedLeaveTheDriversList()
    {
        using var kernel = new HostedKernel();
        var endpoint = new ThreadedEndpoint(kernel, "ended");
        using var driver = new EchoDriver(endpoint);
        using var release = new ManualResetEventSlim();
        var threads = new Thread[10];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                endpoint.Call(Read(1));
                release.Wait();
            });
            threads[t].Start();
        }
        Assert.True(SpinWait.SpinUntil(() => endpoint.ClientSlots == 10, 5_000), $"{endpoint.ClientSlots} slots");
        release.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }
        Assert.True(OnOwnThread(() => endpoint.Call(Read(2))).Wait(5_000));
        Assert.Equal(1, endpoint.ClientSlots);                 // the ten ended with nothing in flight
    }

    [Fact]
    public void AOneWayMessageIsAnsweredAtOnceAndDeliveredOnce()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        var endpoint = new ThreadedEndpoint(kernel, "oneway");
        var client = OnOwnThread(() =>
        {
            Sqe message = Read(5);
            message.Flags = SqeFlags.OneWay;
            return endpoint.Call(message);
        });
        Assert.True(client.Wait(1_000), "a one-way message waited for an answer");
        Assert.Equal(0UL, client.Result.Result);
        Sqe delivered = Assert.Single(Take(endpoint, 1));
        Assert.Equal(5UL, delivered.Arg3);
        Assert.Empty(Take(endpoint, 1, timeoutMs: 100));
        Assert.Equal(0, endpoint.CallsInFlight);
        endpoint.Close();
    }

    [Fact]
    public void AnAnswerThatCameBeforeTheClientGaveUpIsTakenNotDropped()
    {
        // The window between a client's last look at its line and its taking the gate to give up, held open: the table
        // run by hand, as the gate holder runs it.
        using var kernel = new HostedKernel();
        var endpoint = new ThreadedEndpoint(kernel, "window");
        var calls = new DelegatedCalls(4);
        CallSlot slot = CallSlot.For(endpoint, out _);
        calls.Register(slot);
        uint number = slot.Publish(Read(42));
        calls.Admit();
        var delivered = new Sqe[1];
        Assert.Equal(1, calls.Receive(delivered));
        Assert.True(calls.Answer(Cqe.Respond(delivered[0].Tag, SyscallResult.Ok(42))));
        Assert.False(calls.Abandon(slot, number, out _, out _), "an answered call was given up on");
        Assert.True(slot.IsAnswered(number));
        Assert.Equal(42UL, slot.Response.Result);
        Assert.Equal(0, calls.InUse);

        // And one not answered yet: withdrawn (never read) or cancelled (read).
        number = slot.Publish(Read(43));
        calls.Admit();
        Assert.True(calls.Abandon(slot, number, out _, out bool cancelled));
        Assert.False(cancelled);
        Assert.Equal(0, calls.Queued);
        number = slot.Publish(Read(44));
        calls.Admit();
        Assert.Equal(1, calls.Receive(delivered));
        Assert.True(calls.Abandon(slot, number, out uint tag, out cancelled));
        Assert.True(cancelled);
        Assert.Equal(delivered[0].Tag, tag);
        Assert.False(calls.Answer(Cqe.Respond(tag, SyscallResult.Ok(44))), "an answer to a cancelled call reached its client");
        Assert.False(slot.IsAnswered(number));
        endpoint.Close();
    }

    [Fact]
    public void NeitherSideSleepsThroughTheOther()
    {
        // Both sides spin 0 µs (64 polls) before they sleep, and each waits a random time around that before it
        // answers or calls again, so calls and answers land before, during and after the other side falls asleep. A
        // wake-up lost between "nothing yet" and "asleep" hangs a call (no timeout): the deadline catches it.
        using var kernel = new HostedKernel { CallTimeoutMs = -1 };
        var endpoint = new ThreadedEndpoint(kernel, "sleepy", owner: null, spinMicroseconds: 0);
        static void Jitter(Random random)
        {
            if (random.Next(8) != 0)
            {
                Thread.SpinWait(random.Next(160));
            }
        }
        using var driver = new EchoDriver(endpoint, Jitter);
        const int Rounds = 30_000;
        int done = 0;
        var client = OnOwnThread(() =>
        {
            var random = new Random(3);
            for (ulong i = 1; i <= Rounds; i++)
            {
                Jitter(random);
                if (endpoint.Call(Read(i)).Result != i)
                {
                    return false;
                }
                Volatile.Write(ref done, (int)i);
            }
            return true;
        });
        Assert.True(client.Wait(DeadlineMs), $"a wake-up was lost after {Volatile.Read(ref done)} round trips");
        Assert.True(client.Result);
    }
}
