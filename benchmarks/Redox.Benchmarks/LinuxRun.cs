using System;
using System.Collections.Generic;

namespace Redox.Benchmarks;

/// <summary>
/// The Linux guest in the same run: benchmarks/linux-peer/measure-linux.sh (Debian's kernel package, peer.c as a static
/// init, the same QEMU flags). The script fetches what it needs, or says <c>linux-bench: skipped: why</c>.
/// </summary>
internal static class LinuxRun
{
    /// <summary>The guest's <c>linux-bench:</c> lines; <paramref name="failure"/> says why there are none.</summary>
    public static List<string> Run(RunOptions options, out string? failure)
    {
        var lines = new List<string>();
        failure = null;
        Console.WriteLine("[linux] booting Debian's kernel with benchmarks/linux-peer/peer.c as init (about a minute)...");
        int status = ProcessLines.Run("bash", ["benchmarks/linux-peer/measure-linux.sh", options.Cpu], options.Root,
            TimeSpan.FromMinutes(16), line =>
            {
                lines.Add(line);
                Console.WriteLine("[linux] " + line);
            });
        if (status == 3)
        {
            failure = lines.Find(l => l.StartsWith("linux-bench: skipped", StringComparison.Ordinal)) ?? "skipped";
        }
        else if (status != 0)
        {
            failure = status == -1 ? "the Linux guest ran past 16 minutes (killed)" : $"the Linux guest failed (status {status})";
        }
        return lines;
    }
}
