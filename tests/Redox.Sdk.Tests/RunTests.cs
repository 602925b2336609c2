using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>`dotnet run` boots the image in QEMU and honours RedoxQemuTimeoutSeconds.</summary>
public sealed class RunTests
{
    [Fact]
    public void An_image_that_never_returns_is_ended_at_the_timeout_which_says_so()
    {
        const string Forever = "public static class Program { public static int Main() { while (true) { } } }";
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", Forever));

        (int exit, string output) = project.Dotnet(null, "run", "-c", "Release", "-p:RedoxQemuTimeoutSeconds=20");

        Assert.Equal(124, exit);
        Assert.Contains("timed out after 20 s", output);
        Assert.Empty(QemuProcessesUsing(project.Directory));
    }

    // QEMU processes whose command line names a file in this folder (there must be none left).
    internal static IEnumerable<string> QemuProcessesUsing(string folder) =>
        Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Select(d =>
        {
            try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); }
            catch (IOException) { return ""; }
            catch (UnauthorizedAccessException) { return ""; }
        }).Where(cmdline => cmdline.Contains("qemu-system") && cmdline.Contains(folder));
}
