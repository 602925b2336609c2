using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Redox.Benchmarking;

namespace Redox.Benchmarks;

/// <summary>One hosted figure: mean time per operation, bytes allocated per operation, and how its threads wait.</summary>
internal sealed record HostedRow(string Name, string WaitsBy, double MeanNs, double ErrorNs, long? AllocatedBytes, string Note);

/// <summary>
/// The hosted world with BenchmarkDotNet, in process: the in-thread dispatch figures, our hosted round trip, the
/// spinning peer (cache-line ping-pong) and the blocking peers (pipe, socketpair, futex), all in one run.
/// </summary>
internal static class HostedRun
{
    /// <summary>How each benchmark's two sides wait for each other, and what it measures.</summary>
    private static readonly Dictionary<string, (string WaitsBy, string Note)> s_kinds = new()
    {
        ["Dispatch"] = ("none (one thread)", "SchemeDispatcher.Dispatch of a 64 B zero: read"),
        ["SysReadInThreadDriver"] = ("none (one thread)", "Sys.Read -> hosted kernel -> in-thread driver"),
        ["HostedScheme"] = ("spin ≤ 50 µs, then block", "Sys.Read 1 B from zero: on its own driver thread"),
        ["CacheLinePingPong"] = ("spin", "two threads hand one cache line back and forth: the floor"),
        ["Pipe"] = ("block", "1 B over two pipes, peer thread"),
        ["SocketPair"] = ("block", "1 B over an AF_UNIX socketpair, peer thread"),
        ["Futex"] = ("block", "FUTEX_WAKE / FUTEX_WAIT handoff, peer thread"),
    };

    /// <summary>Runs the hosted benchmarks; the rows in table order.</summary>
    public static List<HostedRow> Run(RunOptions options)
    {
        Console.WriteLine($"[hosted] BenchmarkDotNet, in process, {(options.Quick ? "quick job (3 warm-up, 5 measured)" : "short job (5 warm-up, 15 measured)")}...");
        Summary[] summaries = BenchmarkRunner.Run(
            [typeof(DispatchBenchmarks), typeof(IpcRoundTripBenchmarks), typeof(CacheLinePingPongBenchmarks)],
            SchemeBenchmarkRunner.Config(options.Quick));
        var rows = new List<HostedRow>();
        foreach (BenchmarkReport report in summaries.SelectMany(s => s.Reports))
        {
            string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var kind = s_kinds.TryGetValue(name, out var k) ? k : ("?", "");
            double mean = report.ResultStatistics?.Mean ?? double.NaN;
            double error = report.ResultStatistics?.ConfidenceInterval.Margin ?? double.NaN;
            long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            rows.Add(new HostedRow(name, kind.Item1, mean, error, allocated, kind.Item2));
        }
        string[] order = s_kinds.Keys.ToArray();
        rows.Sort((a, b) => Array.IndexOf(order, a.Name).CompareTo(Array.IndexOf(order, b.Name)));
        return rows;
    }
}
