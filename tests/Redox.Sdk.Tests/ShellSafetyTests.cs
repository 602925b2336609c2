using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>No path or property reaches a shell: a folder name is a name, whatever characters it holds.</summary>
public sealed class ShellSafetyTests
{
    [Fact]
    public void A_folder_named_like_shell_code_builds_boots_and_runs_no_command()
    {
        // Spaces, both quotes, a command substitution, ; & | and a glob: each broke or ran something under /bin/sh.
        string folder = $"redox p-$(touch pwned) \"q\" 'r' ;&|* {Guid.NewGuid():n}";
        using var project = ScratchProject.CreateIn(folder, ScratchProject.KernelReference, "<OutputType>Exe</OutputType>",
            ("Program.cs", ScratchProject.HelloMain));

        (int buildExit, string build) = project.BuildImage();
        (int runExit, string run) = project.Dotnet(null, "run", "-c", "Release", "-p:RedoxQemuTimeoutSeconds=120");

        Assert.True(buildExit == 0, build);
        Assert.True(File.Exists(Path.Combine(project.ImageDirectory, "Scratch.iso")), build);
        Assert.True(runExit == 0, run); // dotnet run found the ISO through its quoted path and the kernel's Main returned 0
        Assert.Contains("main returned 0", run);
        Assert.Empty(Directory.GetFiles(project.Directory, "pwned", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "pwned")));
    }
}
