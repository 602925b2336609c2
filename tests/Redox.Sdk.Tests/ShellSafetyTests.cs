using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>No path or property reaches a shell: a folder name is a name, whatever characters it holds.</summary>
public sealed class ShellSafetyTests
{
    [Fact]
    public void A_folder_named_like_shell_code_builds_boots_and_runs_no_command()
    {
        // Spaces, both quotes, a command substitution, ; & and |: each broke or ran something under /bin/sh. (A * breaks
        // MSBuild's own imports, so it is not tried.)
        string folder = $"redox p-$(touch pwned) \"q\" 'r' ;&| {Guid.NewGuid():n}";
        using var project = ScratchProject.CreateIn(folder, ScratchProject.KernelReference, "<OutputType>Exe</OutputType>",
            ("Program.cs", ScratchProject.HelloMain));

        (int buildExit, string build) = project.BuildImage();
        // --no-build: `dotnet run`'s own build step loses the quotes of a project path (MSB1009, a .NET SDK bug);
        // evaluated in process, RedoxPrepareRun still runs and quotes the paths it hands to run-qemu.sh.
        (int runExit, string run) = project.Dotnet(null, "run", "--no-build", "-c", "Release", "-p:RedoxQemuTimeoutSeconds=300");

        Assert.True(buildExit == 0, build);
        Assert.True(File.Exists(Path.Combine(project.ImageDirectory, "Scratch.iso")), build);
        Assert.True(runExit == 0, run); // dotnet run found the ISO through its quoted path and the kernel's Main returned 0
        Assert.Contains("main returned 0", run);
        Assert.Empty(Directory.GetFiles(project.Directory, "pwned", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "pwned")));
    }
}
