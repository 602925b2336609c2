using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.Zero;

namespace Redox.Benchmarks;

/// <summary>
/// <c>--handoff [batches]</c>: the hosted round trip and the spinning cache-line ping-pong in alternating batches of
/// 2,000 in one process, each batch's mean kept, and the lowest, 10th-percentile and median batch of each reported with
/// their ratio. On a machine shared with other work a BenchmarkDotNet mean takes in every preemption of either thread;
/// here both rows meet the same load at the same minutes, and the low quantiles are the batches nobody preempted. The
/// ping-pong's peer sleeps while the hosted batch runs, so the two rows never compete for the cores.
/// </summary>
internal static unsafe class HandoffProbe
{
    private const int PerBatch = 2_000;
    private const long Parked = -2, Stop = -1;

    public static void Run(int batches)
    {
        long* line = (long*)NativeMemory.AlignedAlloc(128, 64);
        *line = Parked;
        var peer = new Thread(() => Answer(line)) { IsBackground = true };
        peer.Start();
        using var kernel = new HostedKernel();
        kernel.StartDriver("zero", new ZeroScheme());
        kernel.CreateProcess().Enter();
        nuint fd = (nuint)Sys.Open("zero:"u8, OpenFlags.ReadOnly).Value;
        byte* one = (byte*)NativeMemory.AllocZeroed(8);
        var ping = new List<double>(batches);
        var hosted = new List<double>(batches);
        long allocated = 0;
        for (int k = 0; k < batches + 5; k++)
        {
            Volatile.Write(ref *line, 0);                 // wake the peer
            Thread.Sleep(2);
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < PerBatch; i++)
            {
                long next = Volatile.Read(ref *line) + 1;
                Volatile.Write(ref *line, next);
                while (Volatile.Read(ref *line) != next + 1)
                {
                    Thread.SpinWait(1);
                }
            }
            long t1 = Stopwatch.GetTimestamp();
            Volatile.Write(ref *line, Parked);            // park it while ours runs
            Thread.Sleep(2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long t2 = Stopwatch.GetTimestamp();
            for (int i = 0; i < PerBatch; i++)
            {
                Sys.Read(fd, new Span<byte>(one, 1));
            }
            long t3 = Stopwatch.GetTimestamp();
            if (k >= 5)                                   // the first batches warm up (tiering, first sleeps)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                ping.Add((t1 - t0) * 1e9 / Stopwatch.Frequency / PerBatch);
                hosted.Add((t3 - t2) * 1e9 / Stopwatch.Frequency / PerBatch);
            }
        }
        Volatile.Write(ref *line, Stop);
        peer.Join(1000);
        ping.Sort();
        hosted.Sort();
        Console.WriteLine($"handoff: {batches} alternating batches of {PerBatch} round trips; load average {Machine.LoadAverage()}");
        Console.WriteLine("| row | lowest batch | 10th percentile | median |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| CacheLinePingPong (spin) | {At(ping, 0):F0} ns | {At(ping, 0.1):F0} ns | {At(ping, 0.5):F0} ns |");
        Console.WriteLine($"| HostedScheme (spin, then block) | {At(hosted, 0):F0} ns | {At(hosted, 0.1):F0} ns | {At(hosted, 0.5):F0} ns |");
        Console.WriteLine($"| ratio | {At(hosted, 0) / At(ping, 0):F2}x | {At(hosted, 0.1) / At(ping, 0.1):F2}x | {At(hosted, 0.5) / At(ping, 0.5):F2}x |");
        Console.WriteLine($"client thread allocated {allocated} B over {batches * PerBatch} hosted round trips");
    }

    /// <summary>
    /// <c>--hosted-loop [seconds] [--in-thread]</c>: only the hosted round trip (or, with <c>--in-thread</c>, the same
    /// read served in the client's thread: the software path without a hand-off), back to back for a profiler to watch
    /// (<c>perf record -p</c>); prints the lowest batch of 20,000.
    /// </summary>
    public static void Loop(int seconds, bool inThread)
    {
        using var kernel = new HostedKernel();
        if (inThread)
        {
            kernel.RegisterInThread("zero", new ZeroScheme());
        }
        else
        {
            kernel.StartDriver("zero", new ZeroScheme());
        }
        kernel.CreateProcess().Enter();
        nuint fd = (nuint)Sys.Open("zero:"u8, OpenFlags.ReadOnly).Value;
        byte* one = (byte*)NativeMemory.AllocZeroed(8);
        long end = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        double best = double.MaxValue;
        while (Stopwatch.GetTimestamp() < end)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < 20_000; i++)
            {
                Sys.Read(fd, new Span<byte>(one, 1));
            }
            best = Math.Min(best, (Stopwatch.GetTimestamp() - t0) * 1e9 / Stopwatch.Frequency / 20_000);
        }
        Console.WriteLine($"{(inThread ? "in-thread" : "hosted")} read: lowest batch {best:F0} ns");
    }

    private static double At(List<double> sorted, double quantile) => sorted[(int)(quantile * (sorted.Count - 1))];

    private static void Answer(long* line)
    {
        while (true)
        {
            long v = Volatile.Read(ref *line);
            if (v == Stop)
            {
                return;
            }
            if (v == Parked)
            {
                Thread.Sleep(1);
            }
            else if ((v & 1) == 1)
            {
                Volatile.Write(ref *line, v + 1);
            }
            else
            {
                Thread.SpinWait(1);
            }
        }
    }
}
