using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Redox.Benchmarks;

/// <summary>The combined table (Markdown, also printed) of one run: guest rows with their Linux ratios, hosted rows, goals.</summary>
internal sealed class Report
{
    public required List<string> GuestLines, LinuxLines;
    public required List<HostedRow> Hosted;
    public string? GuestFailure, LinuxFailure, HostedFailure;
    public required string[] MachineLines;
    public required RunOptions Options;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The guest figure of <paramref name="row"/> (Redox.NET side), or null when it was not measured.</summary>
    public long? Ours(GuestRow row) => GuestRow.Find(row.Pattern, GuestLines);

    /// <summary>The Linux figure of <paramref name="row"/>, or null.</summary>
    public long? Peer(GuestRow row) => GuestRow.Find(row.PeerPattern, LinuxLines);

    /// <summary>The whole results file.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# IPC latency: Redox.NET beside Linux, guest and hosted");
        text.AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project benchmarks/Redox.Benchmarks" + (Options.Quick ? " -- --quick" : "") + "` (benchmarks/README.md says how to read it).");
        text.AppendLine();
        foreach (string line in MachineLines)
        {
            text.AppendLine(line);
        }
        string? kernel = LinuxLines.FirstOrDefault(l => l.StartsWith("linux-bench: kernel", StringComparison.Ordinal));
        if (kernel != null)
        {
            text.AppendLine("- Linux guest: " + kernel.Substring("linux-bench: ".Length));
        }
        text.AppendLine();
        text.AppendLine($"## Guest: instructions per operation (`qemu-system-x86_64 -icount shift=0 -cpu {Options.Cpu}`, exact and repeatable)");
        text.AppendLine();
        if (GuestFailure != null)
        {
            text.AppendLine("Redox.NET guest: **not measured**: " + GuestFailure);
            text.AppendLine();
        }
        if (LinuxFailure != null)
        {
            text.AppendLine("Linux guest: **not measured**: " + LinuxFailure);
            text.AppendLine();
        }
        text.AppendLine("| figure | Redox.NET | Linux peer | Linux | Redox.NET ÷ Linux | what is measured |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | --- |");
        foreach (GuestRow row in GuestRow.All)
        {
            long? ours = Ours(row), peer = Peer(row);
            string ratio = ours is long o && peer is long p && p > 0 ? (o / (double)p).ToString("0.00", Invariant) + "×" : "—";
            text.AppendLine($"| {row.Name} | {Count(ours)} | {row.PeerName ?? "(none)"} | {(row.PeerName == null ? "—" : Count(peer))} | {ratio} | {row.Note} |");
        }
        text.AppendLine();
        text.AppendLine("## Hosted: time per operation (BenchmarkDotNet, in process" + (Options.Quick ? ", quick job" : ", 15 iterations") + ")");
        text.AppendLine();
        if (HostedFailure != null)
        {
            text.AppendLine("Hosted rows: **not measured**: " + HostedFailure);
            text.AppendLine();
        }
        HostedRow? floor = Hosted.FirstOrDefault(r => r.Name == "CacheLinePingPong");
        text.AppendLine("| benchmark | waits by | mean | ± (99.9 %) | allocated | ÷ spin floor | what is measured |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (HostedRow row in Hosted)
        {
            string ratio = floor != null && !double.IsNaN(floor.MeanNs) && row.WaitsBy != "none (one thread)"
                ? (row.MeanNs / floor.MeanNs).ToString("0.0", Invariant) + "×" : "—";
            string allocated = row.AllocatedBytes is long b ? (b == 0 ? "0 B" : b.ToString(Invariant) + " B") : "?";
            text.AppendLine($"| {row.Name} | {row.WaitsBy} | {Time(row.MeanNs)} | {Time(row.ErrorNs)} | {allocated} | {ratio} | {row.Note} |");
        }
        text.AppendLine();
        text.AppendLine("## Goals (issue 14)");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("| --- | ---: | --- |");
        GuestRow ipc = GuestRow.All[1], nullCall = GuestRow.All[0];
        Goal(text, "guest IPC round trip (1 B) ≤ 1,000 instructions", Ours(ipc), v => v <= 1000, v => Count(v));
        Goal<double>(text, "guest IPC round trip (1 B) ≤ 0.08× the Linux pipe round trip",
            Ours(ipc) is long o1 && Peer(ipc) is long p1 && p1 > 0 ? o1 / (double)p1 : null, v => v <= 0.08, v => v.ToString("0.00", Invariant) + "×");
        Goal(text, "null syscall ≤ 100 instructions", Ours(nullCall), v => v <= 100, v => Count(v));
        HostedRow? hosted = Hosted.FirstOrDefault(r => r.Name == "HostedScheme");
        Goal<double>(text, "hosted round trip ≤ 2× the spinning cache-line ping-pong",
            hosted != null && floor != null ? hosted.MeanNs / floor.MeanNs : null, v => v <= 2, v => v.ToString("0.0", Invariant) + "×");
        Goal(text, "hosted round trip allocates 0 B per request", hosted?.AllocatedBytes, v => v == 0, v => v.ToString(Invariant) + " B");
        return text.ToString();
    }

    private static void Goal<T>(StringBuilder text, string goal, T? value, Func<T, bool> met, Func<T, string> show) where T : struct
        => text.AppendLine($"| {goal} | {(value is T v ? show(v) : "—")} | {(value is T w ? (met(w) ? "yes" : "**no**") : "not measured")} |");

    private static string Count(long? value) => value is long v ? v.ToString("N0", Invariant) : "—";

    /// <summary>A time in ns, shown in the unit that keeps it readable.</summary>
    public static string Time(double ns)
    {
        if (double.IsNaN(ns))
        {
            return "—";
        }
        return ns >= 1_000_000 ? (ns / 1_000_000).ToString("0.0", Invariant) + " ms"
            : ns >= 10_000 ? (ns / 1000).ToString("0.0", Invariant) + " µs"
            : ns >= 1000 ? (ns / 1000).ToString("0.00", Invariant) + " µs"
            : ns.ToString("0.0", Invariant) + " ns";
    }
}
