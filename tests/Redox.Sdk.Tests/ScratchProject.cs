using System.Diagnostics;
using System.Reflection;

namespace Redox.Sdk.Tests;

/// <summary>A throw-away project in a temp folder that uses Redox.Sdk from this repository's source.</summary>
public sealed class ScratchProject : IDisposable
{
    private static readonly string RepoRoot = typeof(ScratchProject).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private ScratchProject(string directory) => Directory = directory;

    /// <summary>The project's folder.</summary>
    public string Directory { get; }

    /// <summary>The repository's root folder (with a trailing slash).</summary>
    public static string Repository => RepoRoot;

    /// <summary>Writes <c>Scratch.csproj</c> (an image) and the sources into a new temp folder.</summary>
    public static ScratchProject Create(string itemGroup, params (string Name, string Text)[] sources) =>
        CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"), itemGroup, "<OutputType>Exe</OutputType>", sources);

    /// <summary>
    /// Writes <c>Scratch.csproj</c> into a new temp folder named <paramref name="folderName"/> (any characters a
    /// file name may hold), with <paramref name="properties"/> in its property group.
    /// </summary>
    public static ScratchProject CreateIn(string folderName, string itemGroup, string properties, params (string Name, string Text)[] sources)
    {
        string directory = Path.Combine(Path.GetTempPath(), folderName);
        System.IO.Directory.CreateDirectory(directory);
        string sdk = Path.Combine(RepoRoot, "src", "Redox.Sdk", "Sdk");
        File.WriteAllText(Path.Combine(directory, "Scratch.csproj"), $"""
            <Project>
              <PropertyGroup>
                <RedoxCoreLibProject>{RepoRoot}src/Redox.CoreLib/Redox.CoreLib.csproj</RedoxCoreLibProject>
                <RedoxKernelProps>{RepoRoot}src/Redox.Kernel/build/Redox.Kernel.props</RedoxKernelProps>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <Import Project="{sdk}/Sdk.props" />
              <PropertyGroup>
                {properties}
              </PropertyGroup>
              {itemGroup}
              <Import Project="{sdk}/Sdk.targets" />
            </Project>
            """);
        foreach ((string name, string text) in sources) File.WriteAllText(Path.Combine(directory, name), text);
        return new ScratchProject(directory);
    }

    /// <summary>An image's whole program: Main returns 0.</summary>
    public const string HelloMain = "public static class Program { public static int Main() => 0; }";

    /// <summary>The real ILC the SDK restores (the version Redox.BareMetal.props pins) in this user's NuGet cache.</summary>
    public static string RealIlc
    {
        get
        {
            string props = File.ReadAllText(Path.Combine(RepoRoot, "src", "Redox.Sdk", "build", "Redox.BareMetal.props"));
            string version = System.Text.RegularExpressions.Regex.Match(props, @"<RedoxIlcVersion[^>]*>([^<]+)<").Groups[1].Value;
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
                ? custom
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(cache, "runtime.linux-x64.microsoft.dotnet.ilcompiler", version, "tools", "ilc");
        }
    }

    /// <summary>The item group that references the kernel from source.</summary>
    public static string KernelReference =>
        $"""<ItemGroup><ProjectReference Include="{RepoRoot}src/Redox.Kernel/Redox.Kernel.csproj" /></ItemGroup>""";

    /// <summary>The folder images are written to.</summary>
    public string ImageDirectory => Path.Combine(Directory, "bin", "Release", "net10.0", "redox");

    /// <summary>The folder intermediates are written to.</summary>
    public string IntermediateDirectory => Path.Combine(Directory, "obj", "Release", "net10.0", "redox");

    /// <summary>Runs <c>dotnet build -t:RedoxImage</c> with extra arguments; returns the exit code and all output.</summary>
    public (int ExitCode, string Output) BuildImage(params string[] arguments) =>
        Dotnet(null, ["build", "-t:RedoxImage", "-nologo", "-p:Configuration=Release", .. arguments]);

    // The referenced projects were built in Release by this test project's build (Redox.Sdk.Tests.csproj).
    private const string ReferencesPrebuilt = "-p:BuildProjectReferences=false";

    /// <summary>Starts <c>dotnet build -t:RedoxImage</c> without waiting (see <see cref="Finish"/>).</summary>
    public Process StartBuildImage(params string[] arguments) =>
        Start(null, ["build", "-t:RedoxImage", "-nologo", "-p:Configuration=Release", .. arguments]);

    /// <summary>Starts <c>dotnet</c> in the project's folder without waiting (see <see cref="Finish"/>).</summary>
    public Process StartDotnet(params string[] arguments) => Start(null, arguments);

    /// <summary>Runs <c>dotnet</c> in the project's folder, with extra environment variables; returns the exit code and all output.</summary>
    public (int ExitCode, string Output) Dotnet(IDictionary<string, string>? environment, params string[] arguments) =>
        Finish(Start(environment, arguments));

    /// <summary>Waits up to 20 minutes (a loaded machine) for a process from <see cref="StartBuildImage"/>; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Finish(Process process)
    {
        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet did not finish in 20 minutes");
            }
            return (process.ExitCode, output.Result + error.Result);
        }
    }

    /// <summary>Writes an executable bash script (a stand-in tool) into the project's folder; returns its path.</summary>
    public string WriteScript(string name, string body)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private Process Start(IDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (arguments[0] is "build" or "run") start.ArgumentList.Add(ReferencesPrebuilt);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Removes the folder.</summary>
    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
