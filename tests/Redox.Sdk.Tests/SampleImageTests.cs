using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;
using static Redox.Sdk.Tests.ConsoleLines;

namespace Redox.Sdk.Tests;

/// <summary>
/// The sample image (samples/HelloKernel) as a newcomer runs it, from the packed packages (scripts/pack.sh): a copy of
/// the sample and of the sample drivers' sources, built and booted by <c>dotnet run</c>. The sample drivers run as
/// ring-3 scheme daemons and the client program reaches each of them through the kernel; the image ends by itself.
/// </summary>
public sealed class SampleImageTests : IDisposable
{
    private static readonly string RepoRoot = PackedFeed.RepoRoot;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "redox-sample-" + Guid.NewGuid().ToString("n"));

    [Fact]
    public void The_sample_runs_its_drivers_as_daemons_its_client_reaches_each_and_the_image_ends_with_0()
    {
        PackedFeed.AssertPacked();
        CopySources(Path.Combine(RepoRoot, "samples", "HelloKernel"), Path.Combine(_root, "samples", "HelloKernel"));
        CopySources(Path.Combine(RepoRoot, "samples", "Drivers"), Path.Combine(_root, "samples", "Drivers"));
        // What scripts/pack.sh writes into samples/: Redox.Sdk pinned to the packed version.
        File.WriteAllText(Path.Combine(_root, "samples", "global.json"), PackedFeed.GlobalJson);
        File.WriteAllText(Path.Combine(_root, "nuget.config"), PackedFeed.NuGetConfig);

        (int exit, string output) = DotnetRun(Path.Combine("samples", "HelloKernel"));

        Assert.True(exit == 0, output);
        // The console has no lock: a writer preempted in the middle of its line resumes after whole lines of others
        // ("init: zerod started as proc" + "greeter: ...\n" + "ess 3\n"). Lines are found with such insertions skipped.
        // Every daemon was started from its manifest line, created its scheme, and was stopped by the kernel (kill 15).
        foreach ((string program, string scheme) in new[] { ("zerod", "zero"), ("nulld", "null"), ("ramdiskd", "ramdisk"), ("cmosd", "cmos") })
        {
            AssertLine(output, $"init: {program} started as process #\n");
            AssertLine(output, $"{program}: serving {scheme}:\n");
            AssertLine(output, $"process # ({program}) ended by signal 15\n");
        }
        // The client reached each driver and got the answers it must give.
        AssertLine(output, "client: zero: read 64 bytes, all zero\n");
        AssertLine(output, "client: null: wrote 29 bytes, read gave end of file\n");
        AssertLine(output, "client: ramdisk: wrote 300 bytes at 1000 and read them back; the disk holds 8192 bytes\n");
        Assert.True(FindLine(output, "client: cmos: the RTC reads minute #, second # (BCD); writing the clock is EPERM\n") >= 0
                    || FindLine(output, "client: cmos: the RTC reads minute #, second # (binary); writing the clock is EPERM\n") >= 0, output);
        Assert.DoesNotContain("client: FAILED", output);
        int report = AssertLine(output, "client: all four drivers answered through the kernel\n");
        AssertLine(output, "process # (DriverClient) exited with code 0\n");
        // The daemons were stopped only after the client was done, and no stop counted as a failure (the summary counts
        // any other end).
        Assert.True(FindLine(output, "process # (zerod) ended by signal 15\n") > report, output);
        AssertLine(output, "processes: 7 started, all ended, 0 with a non-zero status\n");
        Assert.DoesNotContain("init: restarting", output);
    }

    [Fact]
    public void A_line_is_found_when_other_writers_lines_landed_inside_it_and_not_otherwise()
    {
        // What run-sample.sh once printed: the boot thread was preempted inside " started as process ".
        const string Serial = "init: Sleeper started as process 2\ninit: zerod started as procgreeter: hello\nzerod: serving zero:\ness 3\n";
        Assert.Equal(35, FindLine(Serial, "init: zerod started as process #\n"));
        Assert.Equal(0, FindLine(Serial, "init: Sleeper started as process #\n"));
        Assert.True(FindLine(Serial, "zerod: serving zero:\n") > 0);
        Assert.Equal(-1, FindLine(Serial, "init: nulld started as process #\n"));
        Assert.Equal(-1, FindLine(Serial, "init: zerod started as process 4\n"));
        Assert.Equal(-1, FindLine(Serial, "zerod: serving null:\n"));
    }

    // The sample's own files, without build output (bin/, obj/), keeping the folder layout the sample's paths assume.
    private static void CopySources(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // `dotnet run` of the image: builds it and boots it in QEMU, which the SDK ends by its process id at the timeout.
    private (int ExitCode, string Output) DotnetRun(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (string argument in new[] { "run", "--project", project, "-c", "Release", "-p:RedoxQemuTimeoutSeconds=240" })
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet run of the sample did not finish in 20 minutes");
        }
        // The serial console ends lines with CR LF.
        return (process.ExitCode, (output.Result + error.Result).Replace("\r\n", "\n"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
