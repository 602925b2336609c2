using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Redox.Benchmarks;

/// <summary>The machine and tree a run happened on, for the results file (a figure without it cannot be compared).</summary>
internal static class Machine
{
    /// <summary>Markdown lines describing the host, the tools and the commit.</summary>
    public static string[] Describe(string root, string loadAtStart)
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        string os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "?"
            : RuntimeInformation.OSDescription;
        string commit = Tool("git", "-C", root, "rev-parse", "--short", "HEAD");
        string dirty = Tool("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "";
        return
        [
            $"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {commit}{dirty}",
            $"- host: {cpu}, {Environment.ProcessorCount} logical cores, {os}, Linux {Kernel()}",
            $"- load average (1/5/15 min) at start: {loadAtStart}; at end: {LoadAverage()}" + Busy(loadAtStart),
            $"- .NET {RuntimeInformation.FrameworkDescription.Replace(".NET ", "", StringComparison.Ordinal)}, {RuntimeInformation.ProcessArchitecture}",
            $"- {FirstLine(Tool("qemu-system-x86_64", "--version"))}, TCG (no KVM)",
        ];
    }

    private static string Kernel()
        => File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;

    /// <summary>The first three fields of /proc/loadavg.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>A warning when more threads wanted to run than there are cores: hosted times then measure the queue.</summary>
    private static string Busy(string load)
    {
        string first = load.Split(' ')[0];
        return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double l) && l > Environment.ProcessorCount
            ? $" — **busy machine**: hosted times (and above all the spinning rows, whose peer thread waits for a core) are not reliable in this run; the guest instruction counts are not affected"
            : "";
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string Tool(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in arguments)
            {
                start.ArgumentList.Add(a);
            }
            using Process p = Process.Start(start)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output.Trim();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "(" + file + " not found)";
        }
    }
}
