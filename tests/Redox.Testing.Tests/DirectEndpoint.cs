using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// Driving a <see cref="ThreadedEndpoint"/> without system calls: requests built by hand, a driver thread that echoes
/// (<see cref="EchoDriver"/>), or a test thread that reads and answers by hand (<see cref="Take"/>, <see cref="Answer"/>).
/// </summary>
internal static class DirectEndpoint
{
    internal static Sqe Read(ulong value)
    {
        Sqe sqe = default;
        sqe.Opcode = Opcode.Read;
        sqe.Arg3 = value;
        return sqe;
    }

    internal static Task<T> OnOwnThread<T>(Func<T> body)
        => Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>A driver thread: answers every read with its <c>Arg3</c>, after <paramref name="delay"/> (if given); counts cancels.</summary>
    internal sealed class EchoDriver : IDisposable
    {
        private readonly ThreadedEndpoint _endpoint;
        private readonly Thread _thread;
        public int Cancels;
        public readonly Dictionary<ulong, int> Seen = new();

        public EchoDriver(ThreadedEndpoint endpoint, Action<Random>? delay = null)
        {
            _endpoint = endpoint;
            _thread = new Thread(() =>
            {
                var random = new Random(7);
                var requests = new Sqe[16];
                var answers = new Cqe[16];
                while (true)
                {
                    SyscallResult read = _endpoint.ReceiveRequests(MemoryMarshal.AsBytes(requests.AsSpan()), nonBlocking: false);
                    int n = (int)(read.Value / (ulong)AbiSizes.Sqe);
                    if (n == 0)
                    {
                        return;
                    }
                    int m = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (requests[i].Opcode == Opcode.Cancel)
                        {
                            Cancels++;
                            continue;
                        }
                        lock (Seen)
                        {
                            Seen[requests[i].Arg3] = Seen.GetValueOrDefault(requests[i].Arg3) + 1;
                        }
                        delay?.Invoke(random);
                        answers[m++] = Cqe.Respond(requests[i].Tag, SyscallResult.Ok(requests[i].Arg3));
                    }
                    _endpoint.SendResponses(MemoryMarshal.AsBytes(answers.AsSpan(0, m)));
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public void Dispose()
        {
            _endpoint.Close();
            Assert.True(_thread.Join(5_000), "the driver did not see the close");
        }
    }

    /// <summary>A driver that reads by hand: takes what is queued (non-blocking) and answers what it is told.</summary>
    internal static List<Sqe> Take(ThreadedEndpoint endpoint, int atLeast, int timeoutMs = 5_000)
    {
        var got = new List<Sqe>();
        var buffer = new Sqe[16];
        var clock = Stopwatch.StartNew();
        while (got.Count < atLeast && clock.ElapsedMilliseconds < timeoutMs)
        {
            SyscallResult r = endpoint.ReceiveRequests(MemoryMarshal.AsBytes(buffer.AsSpan()), nonBlocking: true);
            if (r.IsOk)
            {
                got.AddRange(buffer.AsSpan(0, (int)(r.Value / (ulong)AbiSizes.Sqe)).ToArray());
            }
            else
            {
                Thread.Sleep(1);
            }
        }
        return got;
    }

    internal static void Answer(ThreadedEndpoint endpoint, uint tag, ulong value)
    {
        Span<Cqe> one = stackalloc Cqe[1];
        one[0] = Cqe.Respond(tag, SyscallResult.Ok(value));
        endpoint.SendResponses(MemoryMarshal.AsBytes(one));
    }
}
