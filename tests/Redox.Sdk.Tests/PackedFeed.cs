using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// The packages scripts/pack.sh packed from this checkout: artifacts/packages, at the version scripts/version.sh gives
/// the code as it is now, or at REDOX_PACKED_VERSION when scripts/test.sh packed them (so editing files while the tests
/// run does not change the version they look for). A test that finds no package of that version says to pack.
/// </summary>
internal static class PackedFeed
{
    /// <summary>The repository's root (from the test assembly's metadata).</summary>
    public static readonly string RepoRoot = typeof(PackedFeed).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The local feed.</summary>
    public static string Directory => Path.Combine(RepoRoot, "artifacts", "packages");

    private static readonly Lazy<string> s_version = new(() => Environment.GetEnvironmentVariable("REDOX_PACKED_VERSION") is { Length: > 0 } packed ? packed : ReadVersion());

    /// <summary>The version of this checkout's packages.</summary>
    public static string Version => s_version.Value;

    /// <summary>Fails, saying what to do, unless this checkout's packages are in the feed.</summary>
    public static void AssertPacked()
    {
        string sdk = Path.Combine(Directory, $"Redox.Sdk.{Version}.nupkg");
        Assert.True(File.Exists(sdk), $"{sdk} is missing: the code changed since the last pack; run scripts/pack.sh (scripts/test.sh does)");
    }

    /// <summary>A global.json that pins Redox.Sdk (msbuild-sdks) to this checkout's version, as a user's project does.</summary>
    public static string GlobalJson => $$"""{ "msbuild-sdks": { "Redox.Sdk": "{{Version}}" } }""";

    /// <summary>A nuget.config with the local feed for Redox.* and nuget.org for the rest (package source mapping).</summary>
    public static string NuGetConfig => $"""
        <configuration>
          <packageSources>
            <clear />
            <add key="redox" value="{Directory}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="redox"><package pattern="Redox.*" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private static string ReadVersion()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "scripts", "version.sh"));
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && output.Length > 0, $"scripts/version.sh failed: {error}");
        return output;
    }
}
