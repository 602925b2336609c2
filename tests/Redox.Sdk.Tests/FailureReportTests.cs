using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// A failed step blames the right thing: the machine (RDXB080-082), the tool (RDXB083) or the code (the step's own
/// code), with the tool's reasons and without its dump.
/// </summary>
public sealed class FailureReportTests
{
    [Fact]
    public void An_ILC_that_is_not_executable_is_RDXB080_not_a_code_problem()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        string ilc = Path.Combine(project.Directory, "ilc-not-executable");
        File.WriteAllText(ilc, "not a program");

        (int exit, string output) = project.BuildImage($"-p:RedoxIlcPath={ilc}");

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB080", output);
        Assert.Contains("not executable", output);
        Assert.DoesNotContain("RDXB010", output);
    }

    [Fact]
    public void A_full_disk_says_so_RDXB081()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        // /dev/full fails every write with ENOSPC: the tool's real words for a full disk.
        string ilc = project.WriteScript("ilc-disk-full", "head -c 1048576 /dev/zero > /dev/full || exit 1");

        (int exit, string output) = project.BuildImage($"-p:RedoxIlcPath={ilc}");

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB081", output);
        Assert.Contains("ran out of disk space", output);
        Assert.DoesNotContain("RDXB010", output);
    }

    [Fact]
    public void What_the_core_library_lacks_is_RDXB010_with_ILCs_reason_and_no_stack_trace()
    {
        // csc accepts a two-dimensional array; ILC then needs a helper type our core library does not have.
        const string Source = "public static class Program { public static int Main() { var a = new int[2, 2]; a[1, 1] = 0; return a[1, 1]; } }";
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", Source));

        (int exit, string output) = project.BuildImage();

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB010", output);
        Assert.Contains("Expected type 'Internal.Runtime.CompilerHelpers.ArrayHelpers' not found", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "Scratch.o")));
    }

    [Fact]
    public void The_xorriso_dump_is_condensed_to_its_failure_RDXB040()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        // The real grub-mkrescue and xorriso, made to fail by an option xorriso does not know.
        string grub = project.WriteScript("grub-mkrescue-bad-option", "exec grub-mkrescue \"$@\" -bogus-option");

        (int exit, string output) = project.BuildImage($"-p:RedoxGrubMkrescue={grub}");

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB040", output);
        Assert.Contains("Unrecognized option '-bogus-option'", output);
        Assert.DoesNotContain("UPDATE", output);
        Assert.DoesNotContain("Media summary", output);
        Assert.Empty(Directory.GetFiles(project.ImageDirectory, "*.iso"));
    }
}
