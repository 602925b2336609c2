using System;
using System.Collections.Generic;
using System.IO;

namespace Redox.Benchmarks;

/// <summary>
/// The Redox.NET guest: builds the boot-test kernel's images (Release) and boots <c>guestbench</c> under
/// <c>qemu-system-x86_64 -icount shift=0</c>, where the guest TSC advances one tick per instruction, so every
/// figure is an exact instruction count. A second <c>-serial null</c> gives the machine COM2 for the IRQ row.
/// Progress: the image's <c>guestbench: step i/n</c> lines and each figure as it comes.
/// </summary>
internal static class GuestRun
{
    /// <summary>The guest's output lines (empty with the reason in <paramref name="failure"/> when it could not run).</summary>
    public static List<string> Run(RunOptions options, out string? failure)
    {
        var lines = new List<string>();
        failure = null;
        Console.WriteLine("[guest] building the guestbench image (tests/Boot/Redox.BootKernel, Release; a minute or more the first time)...");
        var build = new List<string>();
        int built = ProcessLines.Run("dotnet",
            ["msbuild", "tests/Boot/Redox.BootKernel", "-restore", "-t:Build;RedoxImage", "-p:Configuration=Release", "-p:BootScenarios=guestbench", "-v:q", "-nologo"],
            options.Root, TimeSpan.FromMinutes(15), build.Add);
        if (built != 0)
        {
            failure = "the boot image did not build: " + string.Join(Environment.NewLine, build);
            return lines;
        }
        string iso = Path.Combine(options.Root, "tests/Boot/Redox.BootKernel/bin/Release/net10.0/redox/guestbench.iso");
        Console.WriteLine($"[guest] booting guestbench under qemu-system-x86_64 -icount shift=0 -cpu {options.Cpu}...");
        int status = ProcessLines.Run("qemu-system-x86_64",
            ["-icount", "shift=0", "-cpu", options.Cpu, "-cdrom", iso, "-m", "128M", "-serial", "stdio", "-serial", "null",
             "-display", "none", "-monitor", "none", "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"],
            options.Root, TimeSpan.FromMinutes(5), line =>
            {
                lines.Add(line);
                if (line.StartsWith("guestbench: ", StringComparison.Ordinal) || line.StartsWith("bench: ", StringComparison.Ordinal)
                    || line.StartsWith("check failed", StringComparison.Ordinal))
                {
                    Console.WriteLine("[guest] " + line);
                }
            });
        // isa-debug-exit: QEMU exits with (value << 1) | 1; 33 is the image reporting PASS (as the boot tests expect).
        if (status != 33)
        {
            failure = status == -1 ? "QEMU ran past 5 minutes (killed)" : $"the guest image failed (QEMU status {status})";
        }
        return lines;
    }
}
