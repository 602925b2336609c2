using System.Text;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// An image is rebuilt exactly when something that shapes it changed, a failed step leaves nothing that looks up to
/// date, and two builds of one project never share a half-written file.
/// </summary>
public sealed class IncrementalBuildTests
{
    [Fact]
    public void A_changed_kernel_command_line_rebuilds_the_ISO()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        string iso = Path.Combine(project.ImageDirectory, "Scratch.iso");

        (int firstExit, string first) = project.BuildImage();
        Assert.True(firstExit == 0, first);
        (int secondExit, string second) = project.BuildImage("-p:RedoxKernelCommandLine=redox.exit=qemu redox.marker=stamp-check");

        Assert.True(secondExit == 0, second);
        // ISO 9660 stores grub.cfg as is: the new command line must be in the image.
        Assert.Contains("'redox.marker=stamp-check'", Encoding.Latin1.GetString(File.ReadAllBytes(iso)));
        Assert.DoesNotContain("Redox: ILC", second); // only the steps the property shapes ran again
    }

    [Fact]
    public void A_killed_ILC_leaves_no_object_behind_and_the_next_build_recovers()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        // The first run writes half an object where it was told to, then dies of SIGKILL; later runs are the real ILC.
        string ilc = project.WriteScript("ilc-killed-once", $$"""
            if [ ! -e "$0.ran" ]; then
              touch "$0.ran"
              for a in "$@"; do
                case "$a" in
                  -o:*) out="${a#-o:}" ;;
                  @*) while IFS= read -r l; do case "$l" in -o:*) out="${l#-o:}" ;; esac; done < "${a#@}" ;;
                esac
              done
              printf 'half an object' > "$out"
              kill -9 $$
            fi
            exec "{{ScratchProject.RealIlc}}" "$@"
            """);

        (int failedExit, string failed) = project.BuildImage($"-p:RedoxIlcPath={ilc}");
        (int exit, string output) = project.BuildImage($"-p:RedoxIlcPath={ilc}");

        Assert.NotEqual(0, failedExit);
        Assert.Contains("error RDXB082", failed);
        Assert.Contains("SIGKILL", failed);
        Assert.True(exit == 0, output);
        Assert.Contains("Redox: ILC", output);
    }

    [Fact]
    public void Two_builds_of_one_project_at_once_both_succeed_each_with_its_own_intermediates()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        string log = Path.Combine(project.Directory, "ilc-outputs.log");
        // Records where each ILC run writes, then waits, so that neither build's object exists before both have
        // decided to compile.
        string ilc = project.WriteScript("ilc-logged", $$"""
            for a in "$@"; do case "$a" in -o:*) echo "${a#-o:}" >> "{{log}}" ;; esac; done
            sleep 20
            exec "{{ScratchProject.RealIlc}}" "$@"
            """);
        (int restoreExit, string restore) = project.Dotnet(null, "build", "-c", "Release", "-nologo"); // C# compiled once, before
        Assert.True(restoreExit == 0, restore);

        var first = project.StartBuildImage($"-p:RedoxIlcPath={ilc}");
        var second = project.StartBuildImage($"-p:RedoxIlcPath={ilc}");
        (int firstExit, string firstOutput) = ScratchProject.Finish(first);
        (int secondExit, string secondOutput) = ScratchProject.Finish(second);

        Assert.True(firstExit == 0, firstOutput);
        Assert.True(secondExit == 0, secondOutput);
        string[] objects = File.ReadAllLines(log);
        Assert.Equal(2, objects.Length);
        Assert.NotEqual(objects[0], objects[1]);
        Assert.True(new FileInfo(Path.Combine(project.ImageDirectory, "Scratch.iso")).Length > 0);
    }

    [Fact]
    public void NUGET_PACKAGES_without_a_trailing_slash_finds_ILC()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        string cache = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(ScratchProject.RealIlc))))!;

        (int exit, string output) = project.Dotnet(new Dictionary<string, string> { ["NUGET_PACKAGES"] = cache.TrimEnd('/') },
            "build", "-t:RedoxImage", "-nologo", "-p:Configuration=Release");

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(project.ImageDirectory, "Scratch.iso")), output);
    }
}
