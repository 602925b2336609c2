using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>A project that looks like an image but would not make one, or would make half of one, is told so.</summary>
public sealed class ProjectShapeTests
{
    [Fact]
    public void A_library_that_references_the_kernel_is_warned_RDXB008_with_the_fix()
    {
        using var project = ScratchProject.CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"), ScratchProject.KernelReference, "",
            ("Program.cs", ScratchProject.HelloMain));

        (int exit, string output) = project.Dotnet(null, "build", "-nologo", "-c", "Release");

        Assert.True(exit == 0, output);
        Assert.Contains("warning RDXB008", output);
        Assert.Contains("<OutputType>Exe</OutputType>", output);
    }

    [Fact]
    public void Without_GRUBs_UEFI_platform_there_is_no_BIOS_only_ISO_but_RDXB007()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));
        // A GRUB installation with grub-pc-bin but without grub-efi-amd64-bin.
        string grub = Path.Combine(project.Directory, "grub-bios-only");
        Directory.CreateDirectory(Path.Combine(grub, "i386-pc"));

        (int exit, string output) = project.BuildImage($"-p:RedoxGrubLibDirectory={grub}/");

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB007", output);
        Assert.Contains("grub-efi-amd64-bin", output);
        Assert.False(Directory.Exists(project.ImageDirectory) && Directory.GetFiles(project.ImageDirectory, "*.iso").Length > 0);
    }
}
