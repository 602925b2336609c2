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

    /// <summary>Writes <c>Scratch.csproj</c> (an image unless <paramref name="outputType"/> says otherwise) and the sources.</summary>
    public static ScratchProject Create(string itemGroup, params (string Name, string Text)[] sources)
    {
        string directory = Path.Combine(Path.GetTempPath(), "redox-sdk-test-" + Guid.NewGuid().ToString("n"));
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
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              {itemGroup}
              <Import Project="{sdk}/Sdk.targets" />
            </Project>
            """);
        foreach ((string name, string text) in sources) File.WriteAllText(Path.Combine(directory, name), text);
        return new ScratchProject(directory);
    }

    /// <summary>The item group that references the kernel from source.</summary>
    public static string KernelReference =>
        $"""<ItemGroup><ProjectReference Include="{RepoRoot}src/Redox.Kernel/Redox.Kernel.csproj" /></ItemGroup>""";

    /// <summary>Runs <c>dotnet build -t:RedoxImage</c> with extra arguments; returns the exit code and all output.</summary>
    public (int ExitCode, string Output) BuildImage(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (string argument in new[] { "build", "-t:RedoxImage", "-nologo", "-p:Configuration=Release" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 3 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>Removes the folder.</summary>
    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
