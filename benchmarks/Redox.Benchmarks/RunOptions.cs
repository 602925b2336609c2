using System;
using System.IO;

namespace Redox.Benchmarks;

/// <summary>What the one-command run does, from its arguments (see <see cref="Usage"/>).</summary>
internal sealed class RunOptions
{
    public bool Guest = true, Linux = true, Hosted = true, Quick;
    public string Cpu = "qemu64";
    public string Root = "";
    public string Output = "";

    public const string Usage = """
        dotnet run -c Release --project benchmarks/Redox.Benchmarks [-- options]
          (no options)   guest rows (QEMU -icount), Linux guest peers, hosted rows (BenchmarkDotNet): one table, one chart
          --quick        shorter hosted job (CI); the guest counts are exact either way
          --no-guest, --no-linux, --no-hosted   leave a world out
          --cpu MODEL    QEMU -cpu for both guests (default qemu64)
          --out DIR      where ipc-latency.md and ipc-latency.svg go (default benchmarks/results)
          --filter ...   BenchmarkDotNet's own command line instead (e.g. --filter '*ZeroScheme*'); --quick still picks the short job
          --handoff [N]  only the hosted round trip against the cache-line ping-pong, N alternating batches (default 200):
                         lowest, 10th-percentile and median batch and their ratios, robust on a shared machine
          --hosted-loop [S] [--in-thread]   only the hosted round trip (or the same read served in the client's thread),
                         back to back for S seconds (default 10), for a profiler (perf record -p)
        """;

    /// <summary>Parses <paramref name="args"/>; null (after printing why) on a bad argument.</summary>
    public static RunOptions? Parse(string[] args)
    {
        var options = new RunOptions { Root = FindRoot() };
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": options.Quick = true; break;
                case "--no-guest": options.Guest = false; break;
                case "--no-linux": options.Linux = false; break;
                case "--no-hosted": options.Hosted = false; break;
                case "--cpu" when i + 1 < args.Length: options.Cpu = args[++i]; break;
                case "--out" when i + 1 < args.Length: options.Output = Path.GetFullPath(args[++i]); break;
                default:
                    Console.Error.WriteLine($"Redox.Benchmarks: unknown argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }
        if (options.Output.Length == 0)
        {
            options.Output = Path.Combine(options.Root, "benchmarks", "results");
        }
        return options;
    }

    /// <summary>The repository root: the first folder up from here (or the working directory) holding Redox.NET.slnx.</summary>
    private static string FindRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Redox.NET.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        return Environment.CurrentDirectory;
    }
}
