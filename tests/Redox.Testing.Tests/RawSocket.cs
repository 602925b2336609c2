using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Syscall;

namespace Redox.Testing.Tests;

/// <summary>
/// A hand-driven scheme socket: the test thread plays a driver that reads raw <see cref="Sqe"/>s and writes raw
/// <see cref="Cqe"/>s (forged tags included), bound to its own process for as long as the object lives.
/// </summary>
internal sealed class RawSocket : IDisposable
{
    private readonly IDisposable _scope;

    public RawSocket(HostedKernel kernel, string name)
    {
        Process = kernel.CreateProcess();
        _scope = Process.Enter();
        var socket = Sys.Open(System.Text.Encoding.UTF8.GetBytes(":" + name), OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.NonBlock);
        if (socket.IsError)
        {
            throw new InvalidOperationException("open(:" + name + ") failed: " + socket.Error);
        }
        Fd = (nuint)socket.Value;
    }

    public HostedProcess Process { get; }

    public nuint Fd { get; }

    /// <summary>Reads up to <paramref name="max"/> requests, polling until at least <paramref name="atLeast"/> arrived or the time is up.</summary>
    public List<Sqe> Receive(int max, int atLeast = 1, int timeoutMs = 5_000)
    {
        var got = new List<Sqe>();
        var buffer = new Sqe[max];
        var clock = Stopwatch.StartNew();
        while (got.Count < atLeast && clock.ElapsedMilliseconds < timeoutMs)
        {
            var r = Sys.Read(Fd, MemoryMarshal.AsBytes(buffer.AsSpan(0, max - got.Count)));
            if (r.IsOk && r.Value > 0)
            {
                int n = (int)(r.Value / (ulong)AbiSizes.Sqe);
                for (int i = 0; i < n; i++)
                {
                    got.Add(buffer[i]);
                }
                continue;
            }
            Thread.Sleep(1);
        }
        return got;
    }

    /// <summary>Everything that arrives within <paramref name="ms"/>.</summary>
    public List<Sqe> Drain(int ms)
    {
        var got = new List<Sqe>();
        var buffer = new Sqe[16];
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < ms)
        {
            var r = Sys.Read(Fd, MemoryMarshal.AsBytes(buffer.AsSpan()));
            if (r.IsOk && r.Value > 0)
            {
                for (int i = 0; i < (int)(r.Value / (ulong)AbiSizes.Sqe); i++)
                {
                    got.Add(buffer[i]);
                }
            }
            Thread.Sleep(1);
        }
        return got;
    }

    /// <summary>Writes one response.</summary>
    public SyscallResult Answer(uint tag, SyscallResult result)
    {
        Span<Cqe> one = stackalloc Cqe[1];
        one[0] = Cqe.Respond(tag, result);
        return Sys.Write(Fd, MemoryMarshal.AsBytes(one));
    }

    /// <summary>Answers an open with handle <paramref name="handle"/>.</summary>
    public void AnswerOpen(uint tag, ulong handle) => Answer(tag, SyscallResult.Ok(handle));

    public void Dispose()
    {
        Sys.Close(Fd);
        _scope.Dispose();
    }
}
