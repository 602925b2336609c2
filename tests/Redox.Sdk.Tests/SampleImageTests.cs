using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// The sample image (samples/HelloKernel) as a newcomer runs it, from the packed packages (scripts/pack.sh): a copy of
/// the sample and of the sample drivers' sources, built and booted by <c>dotnet run</c>. The sample drivers run as
/// ring-3 scheme daemons and the client program reaches each of them through the kernel; the image ends by itself.
/// </summary>
public sealed class SampleImageTests : IDisposable
{
    private static readonly string RepoRoot = typeof(SampleImageTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "redox-sample-" + Guid.NewGuid().ToString("n"));

    [Fact]
    public void The_sample_runs_its_drivers_as_daemons_its_client_reaches_each_and_the_image_ends_with_0()
    {
        string feed = Path.Combine(RepoRoot, "artifacts", "packages");
        Assert.True(File.Exists(Path.Combine(feed, "Redox.Sdk.0.1.0.nupkg")), "run scripts/pack.sh first (scripts/test.sh does)");
        CopySources(Path.Combine(RepoRoot, "samples", "HelloKernel"), Path.Combine(_root, "samples", "HelloKernel"));
        CopySources(Path.Combine(RepoRoot, "samples", "Drivers"), Path.Combine(_root, "samples", "Drivers"));
        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="redox" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        (int exit, string output) = DotnetRun(Path.Combine("samples", "HelloKernel"));

        Assert.True(exit == 0, output);
        // The kernel writes its lines piece by piece, and while it starts a program, others already print: "init: zerod"
        // can be followed by whole lines of other programs and of the kernel before " started as process 3". Only the
        // lines written after the programs are done (the daemons' ends, the summary) are matched on the kernel's side,
        // with the programs' lines (each one write) taken out first.
        string kernel = Regex.Replace(output, @"(greeter|sleeper|client|zerod|nulld|ramdiskd|cmosd): [^\n]*\n|  \[[AB]\] step \d+ at tick \d+\n", "");
        // Every daemon was started from its manifest line, created its scheme, and was stopped by the kernel (kill 15).
        foreach ((string program, string scheme) in new[] { ("zerod", "zero"), ("nulld", "null"), ("ramdiskd", "ramdisk"), ("cmosd", "cmos") })
        {
            Assert.Contains($"{program}: serving {scheme}:\n", output);
            Assert.Matches($@"process \d+ \({program}\) ended by signal 15\n", kernel);
        }
        // The client reached each driver and got the answers it must give.
        Assert.Contains("client: zero: read 64 bytes, all zero\n", output);
        Assert.Contains("client: null: wrote 29 bytes, read gave end of file\n", output);
        Assert.Contains("client: ramdisk: wrote 300 bytes at 1000 and read them back; the disk holds 8192 bytes\n", output);
        Assert.Matches(@"client: cmos: the RTC reads minute [0-5]?\d, second [0-5]?\d \((BCD|binary)\); writing the clock is EPERM\n", output);
        Assert.DoesNotContain("client: FAILED", output);
        Match report = Regex.Match(output, "client: all four drivers answered through the kernel\n");
        Assert.True(report.Success, output);
        // The daemons were stopped only after the client was done; the client and every other program ended with 0, and
        // no stop counted as a failure (the summary counts any other end).
        Assert.True(output.IndexOf("(zerod) ended by signal 15", StringComparison.Ordinal) > report.Index, output);
        Assert.Contains("processes: 7 started, all ended, 0 with a non-zero status\n", kernel);
        Assert.DoesNotContain("init: restarting", output);
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
