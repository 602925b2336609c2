using System;
using System.Threading;
using System.Threading.Tasks;
using Redox.Scheme;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// Many round trips through a <see cref="ThreadedEndpoint"/> from several clients at once, with timeouts interleaved:
/// some calls are held past the timeout (a held call becomes a Cancel, calls queued behind it are withdrawn), the rest
/// answer after a random delay on either side of the spin. Every answer a client gets must be its own call's, the
/// driver must see each request at most once, and the table must end empty.
/// </summary>
public class HandoffStressTests
{
    private const int Clients = 3;
    private const int CallsPerClient = 600;
    private const int HoldMs = 12;

    /// <summary>Answers a read with its offset (8 bytes); every 16th offset is held past the call timeout.</summary>
    private sealed class EchoOffsetScheme : SchemeBase
    {
        public readonly int[] Reads = new int[Clients * CallsPerClient + 2];
        public int Cancels;
        private readonly Random _random = new(5);

        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(1);

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            Reads[offset]++;
            if (offset % 16 == 0)
            {
                Thread.Sleep(HoldMs);
            }
            else
            {
                Thread.SpinWait(_random.Next(4) == 0 ? _random.Next(3_000) : 0);
            }
            BitConverter.TryWriteBytes(buffer, offset);
            return SyscallResult.Ok(8);
        }

        public override void Cancel(uint tag, in CallerContext caller) => Cancels++;

        public override SyscallResult Close(ulong id, in CallerContext caller) => SyscallResult.Ok(0);
    }

    [Fact]
    public void EveryAnswerReachesItsOwnCallerOnceAndTheTableEndsEmpty()
    {
        using var kernel = new HostedKernel();
        var scheme = new EchoOffsetScheme();
        kernel.StartDriver("echo", scheme);
        var process = kernel.CreateProcess();
        nuint fd = process.Run(() => (nuint)Sys.Open("echo:"u8, OpenFlags.ReadOnly).Value);
        kernel.CallTimeoutMs = HoldMs / 3;
        int answered = 0, timedOut = 0;
        var clients = new Task<string?>[Clients];
        for (int c = 0; c < Clients; c++)
        {
            int first = 1 + c * CallsPerClient;
            clients[c] = Task.Factory.StartNew(() => process.Run(() =>
            {
                var buffer = new byte[8];
                for (int i = 0; i < CallsPerClient; i++)
                {
                    ulong offset = (ulong)(first + i);
                    Array.Clear(buffer);
                    SyscallResult r = Sys.ReadAt(fd, buffer, offset);
                    if (r.IsOk)
                    {
                        ulong got = BitConverter.ToUInt64(buffer);
                        if (r.Value != 8 || got != offset)
                        {
                            return $"call {offset} got {r.Value} bytes saying {got}";
                        }
                        Interlocked.Increment(ref answered);
                    }
                    else if (r.Error == Errno.ETIMEDOUT)
                    {
                        Interlocked.Increment(ref timedOut);
                    }
                    else
                    {
                        return $"call {offset} failed with {r.Error}";
                    }
                }
                return null;
            }), TaskCreationOptions.LongRunning);
        }
        Assert.True(Task.WaitAll(clients, 60_000), "a client never returned");
        foreach (var c in clients)
        {
            Assert.Null(c.Result);
        }
        Assert.Equal(Clients * CallsPerClient, answered + timedOut);
        Assert.True(timedOut > 0, "no call timed out: the test did not interleave timeouts");
        Assert.True(answered > timedOut, $"only {answered} calls answered, {timedOut} timed out");

        var endpoint = (ThreadedEndpoint)kernel.FindScheme("echo")!;
        Assert.True(SpinWait.SpinUntil(() => endpoint.CallsInFlight == 0 && endpoint.QueuedMessages == 0, 10_000),
            $"left in the table: {endpoint.CallsInFlight} calls, {endpoint.QueuedMessages} queued");
        for (int offset = 1; offset <= Clients * CallsPerClient; offset++)
        {
            Assert.True(scheme.Reads[offset] <= 1, $"the driver read call {offset} {scheme.Reads[offset]} times");
        }

        kernel.CallTimeoutMs = 10_000;
        var last = new byte[8];
        Assert.Equal(8UL, process.Run(() => Sys.ReadAt(fd, last, (ulong)(Clients * CallsPerClient + 1)).Value));
        Assert.Equal((ulong)(Clients * CallsPerClient + 1), BitConverter.ToUInt64(last));
    }
}
