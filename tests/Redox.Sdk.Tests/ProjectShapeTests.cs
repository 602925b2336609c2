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
    [Fact]
    public void An_image_that_references_a_plain_Microsoft_NET_Sdk_library_gets_RDXB070_saying_to_use_Redox_Sdk()
    {
        using var project = ScratchProject.CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"),
            ScratchProject.KernelReference + """<ItemGroup><ProjectReference Include="Plain/Plain.csproj" /></ItemGroup>""",
            PlainLibraryProperties, ("Program.cs", ScratchProject.HelloMain));
        WritePlainLibrary(project);

        (int exit, string output) = project.BuildImage();

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB070", output);
        Assert.Contains("Plain/Plain.csproj", output);
        Assert.Contains("Redox.Sdk", output);
        Assert.DoesNotContain("CS0012", output); // stopped before the compiler's own, misleading, error
    }

    [Fact]
    public void A_RedoxProgram_that_is_a_plain_Microsoft_NET_Sdk_project_gets_RDXB070_saying_to_use_Redox_Sdk()
    {
        using var project = ScratchProject.CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"),
            ScratchProject.KernelReference + """<ItemGroup><RedoxProgram Include="Plain/Plain.csproj" /></ItemGroup>""",
            PlainLibraryProperties, ("Program.cs", ScratchProject.HelloMain));
        WritePlainLibrary(project);

        (int exit, string output) = project.BuildImage();

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB070", output);
        Assert.Contains("Plain.csproj", output);
        Assert.Contains("Redox.Sdk", output);
        Assert.DoesNotContain("MSB4057", output); // not MSBuild's "the target does not exist"
    }

    // The plain library lives in a subfolder the image must not compile.
    private const string PlainLibraryProperties = "<OutputType>Exe</OutputType><DefaultItemExcludes>$(DefaultItemExcludes);Plain/**</DefaultItemExcludes>";

    private static void WritePlainLibrary(ScratchProject project)
    {
        string directory = Path.Combine(project.Directory, "Plain");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Plain.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Helper.cs"), "public static class Helper { public static int Zero() => 0; }");
    }
}
