using System.Diagnostics;
using Redox.Sdk.Tests;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// A sample image (samples/&lt;name&gt;) built as a user builds it: from the packed packages only (scripts/pack.sh, which
/// scripts/test.sh runs first), in a copy outside the repository with a global.json pinning Redox.Sdk and a nuget.config
/// naming the local feed. So what boots is what the packages give a user: the driver packages' daemons, their
/// manifests, the kernel. Built once per test class (an xunit class fixture); the copy is deleted afterwards.
/// </summary>
public abstract class PackedSample : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "redox-packed-sample-" + Guid.NewGuid().ToString("n"));
    private readonly Lazy<string> _iso;

    /// <summary>Names the sample folder under samples/.</summary>
    protected PackedSample(string name)
    {
        Name = name;
        _iso = new Lazy<string>(Build);
    }

    /// <summary>The sample's folder name (and project name).</summary>
    public string Name { get; }

    /// <summary>The ISO, built on first use; a failed build fails the test with dotnet's output.</summary>
    public string Iso => _iso.Value;

    private string Build()
    {
        PackedFeed.AssertPacked();
        string samples = Path.Combine(_root, "samples");
        CopySources(Path.Combine(PackedFeed.RepoRoot, "samples", Name), Path.Combine(samples, Name));
        File.WriteAllText(Path.Combine(samples, "global.json"), PackedFeed.GlobalJson);
        File.WriteAllText(Path.Combine(_root, "nuget.config"), PackedFeed.NuGetConfig);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(samples, Name) };
        foreach (string argument in new[] { "build", "-t:RedoxImage", "-c", "Release", "-nologo" }) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"building samples/{Name} did not finish in 20 minutes");
        }
        Assert.True(process.ExitCode == 0, $"building samples/{Name} from the packed feed failed:\n{output.Result}{error.Result}");
        return Path.Combine(samples, Name, "bin", "Release", "net10.0", "redox", Name + ".iso");
    }

    // The sample's own files, without build output (bin/, obj/).
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

    /// <summary>Deletes the copy.</summary>
    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>samples/LpcInfo from the packed feed (LpcBootTests).</summary>
public sealed class LpcInfoSample() : PackedSample("LpcInfo");

/// <summary>samples/Ps2Echo from the packed feed (Ps2EchoTests).</summary>
public sealed class Ps2EchoSample() : PackedSample("Ps2Echo");
