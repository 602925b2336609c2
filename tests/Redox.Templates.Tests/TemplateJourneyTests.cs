using System.Diagnostics;
using Redox.Sdk.Tests;
using Xunit;
using static Redox.Sdk.Tests.ConsoleLines;

namespace Redox.Templates.Tests;

/// <summary>
/// docs/getting-started.md as a newcomer follows it, in a temporary folder outside the repository, from the packed feed
/// only: install the templates, make a driver and an image, test the driver on the host, publish the image, boot it in
/// QEMU and see the driver answer its client through the kernel. The dotnet CLI runs with its own home and NuGet cache
/// inside the temporary folder, so the user's templates and packages are untouched; the templates are uninstalled at the end.
/// </summary>
public sealed class TemplateJourneyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "redox-journey-" + Guid.NewGuid().ToString("n"));
    private readonly string _work;
    private bool _installed;

    public TemplateJourneyTests()
    {
        _work = Path.Combine(_root, "work");
        Directory.CreateDirectory(_work);
    }

    [Fact]
    public void A_driver_and_an_image_from_the_templates_build_without_warnings_pass_their_tests_and_the_driver_answers_in_QEMU()
    {
        PackedFeed.AssertPacked();
        string templates = Path.Combine(PackedFeed.Directory, $"Redox.Templates.{PackedFeed.Version}.nupkg");

        Step(_work, "new", "install", templates);
        _installed = true;
        Step(_work, "new", "redox-driver", "-n", "Echo");
        string solution = Path.Combine(_work, "Echo");
        Step(solution, "new", "redox-image", "-n", "EchoImage", "--driver", "Echo");
        // What the template brings: the feed for Redox.* (and nothing else) and the one pinned version.
        Assert.Contains($"\"Redox.Sdk\": \"{PackedFeed.Version}\"", File.ReadAllText(Path.Combine(solution, "global.json")));
        string nugetConfig = File.ReadAllText(Path.Combine(solution, "nuget.config"));
        Assert.Contains($"value=\"{PackedFeed.Directory}\"", nugetConfig);
        Assert.Contains("<package pattern=\"Redox.*\" />", nugetConfig);

        // Zero warnings: any warning fails the build.
        Step(solution, "build", "Echo.Tests", "-warnaserror");
        string test = Step(solution, "test", "Echo.Tests", "--no-build");
        Assert.Contains("Passed!", test);
        Step(solution, "publish", "EchoImage", "-warnaserror");
        Assert.True(File.Exists(Path.Combine(solution, "EchoImage", "bin", "Release", "net10.0", "publish", "EchoImage.iso")));

        // The SDK's runner ends QEMU by its process id at the timeout; Run ends the whole tree if even that hangs.
        (int exit, string output) = Run(solution, TimeSpan.FromMinutes(10), "run", "--project", "EchoImage", "-p:RedoxQemuTimeoutSeconds=180");
        Assert.True(exit == 0, output);
        AssertLine(output, "init: echod started as process #\n");
        AssertLine(output, "echod: serving echo:\n");
        int answer = AssertLine(output, "client: echo: answered \"hello, driver\"\n");
        AssertLine(output, "process # (Client) exited with code 0\n");
        Assert.True(FindLine(output, "process # (echod) ended by signal 15\n") > answer, output);
        AssertLine(output, "processes: 2 started, all ended, 0 with a non-zero status\n");
        Assert.DoesNotContain("client: FAILED", output);
    }

    // One dotnet command of the journey, which must succeed; its output.
    private string Step(string directory, params string[] arguments)
    {
        (int exit, string output) = Run(directory, TimeSpan.FromMinutes(10), arguments);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} exited with {exit}:\n{output}");
        return output;
    }

    // dotnet with its own home, NuGet cache and no build servers left behind; ended with its whole tree after the timeout.
    private (int ExitCode, string Output) Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_HOME"] = Path.Combine(_root, "home");
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_root, "nuget");
        // No NUGET_FALLBACK_PACKAGES pointing at the user's cache: with Redox.Sdk found there, the SDK looked for ILC
        // (a PackageDownload, which never lands in a fallback folder) in the private cache and failed with RDXB005.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {timeout}");
        }
        // The serial console ends lines with CR LF.
        return (process.ExitCode, (output.Result + error.Result).Replace("\r\n", "\n"));
    }

    public void Dispose()
    {
        if (_installed) Run(_work, TimeSpan.FromMinutes(2), "new", "uninstall", "Redox.Templates");
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
