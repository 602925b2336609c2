using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Redox.Benchmarking;

namespace Redox.Benchmarks;

/// <summary>
/// One command for IPC latency in both worlds (issue 14): <c>dotnet run -c Release --project benchmarks/Redox.Benchmarks</c>.
/// The Redox.NET guest and the Linux guest run at the same time (their figures are instruction counts under
/// <c>-icount</c>, which the load does not change); the hosted BenchmarkDotNet rows run after them, alone, because
/// time is what they measure. Writes the table with the machine description and an SVG chart.
/// </summary>
public static class Program
{
    /// <summary>Entry; <c>--filter</c>, <c>--list</c> or <c>--help</c> hand the command line to BenchmarkDotNet instead.</summary>
    public static int Main(string[] args)
    {
        if (args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "--list" || a == "--info"))
        {
            // --quick is ours, not BenchmarkDotNet's (which rejects an unknown switch): it picks the job, then goes.
            string[] rest = args.Where(a => a != "--quick").ToArray();
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, SchemeBenchmarkRunner.Config(args.Contains("--quick")));
            return 0;
        }
        int loop = Array.IndexOf(args, "--hosted-loop");
        if (loop >= 0)
        {
            HandoffProbe.Loop(loop + 1 < args.Length && int.TryParse(args[loop + 1], out int seconds) ? seconds : 10, args.Contains("--in-thread"));
            return 0;
        }
        int handoff = Array.IndexOf(args, "--handoff");
        if (handoff >= 0)
        {
            HandoffProbe.Run(handoff + 1 < args.Length && int.TryParse(args[handoff + 1], out int batches) ? batches : 200);
            return 0;
        }
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(RunOptions.Usage);
            return 0;
        }
        RunOptions? options = RunOptions.Parse(args);
        if (options == null)
        {
            return 2;
        }
        string load = Machine.LoadAverage();
        var started = DateTime.UtcNow;
        List<string> guestLines = [], linuxLines = [];
        string? guestFailure = options.Guest ? null : "left out (--no-guest)";
        string? linuxFailure = options.Linux ? null : "left out (--no-linux)";
        Task guest = options.Guest ? Task.Run(() => guestLines = GuestRun.Run(options, out guestFailure)) : Task.CompletedTask;
        Task linux = options.Linux ? Task.Run(() => linuxLines = LinuxRun.Run(options, out linuxFailure)) : Task.CompletedTask;
        Task.WaitAll(guest, linux);

        List<HostedRow> hosted = [];
        string? hostedFailure = options.Hosted ? null : "left out (--no-hosted)";
        if (options.Hosted)
        {
            hosted = HostedRun.Run(options);
            if (hosted.Count == 0)
            {
                hostedFailure = "BenchmarkDotNet reported no results (see its log above)";
            }
        }

        var report = new Report
        {
            GuestLines = guestLines, LinuxLines = linuxLines, Hosted = hosted,
            GuestFailure = guestFailure, LinuxFailure = linuxFailure, HostedFailure = hostedFailure,
            MachineLines = Machine.Describe(options.Root, load), Options = options,
        };
        string markdown = report.ToMarkdown();
        Directory.CreateDirectory(options.Output);
        string table = Path.Combine(options.Output, "ipc-latency.md"), chart = Path.Combine(options.Output, "ipc-latency.svg");
        File.WriteAllText(table, markdown);
        File.WriteAllText(chart, SvgChart.Render(report));
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Wrote {table} and {chart} ({(DateTime.UtcNow - started).TotalMinutes:0.0} min).");
        // A world that was asked for and failed is an error; one skipped for a stated reason (no Linux kernel) is not.
        bool failed = (options.Guest && guestFailure != null) || (options.Hosted && hostedFailure != null)
            || (options.Linux && linuxFailure != null && !linuxFailure.StartsWith("linux-bench: skipped", StringComparison.Ordinal));
        return failed ? 1 : 0;
    }
}
