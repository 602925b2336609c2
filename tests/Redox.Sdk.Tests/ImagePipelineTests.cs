using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>The image pipeline's happy path and its errors: a code, a hint, and no tool dump or stack trace.</summary>
public sealed class ImagePipelineTests
{
    private const string HelloMain = ScratchProject.HelloMain;

    [Fact]
    public void An_image_builds_into_kernel_elf_and_an_iso_and_logs_each_step()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", HelloMain));

        (int exitCode, string output) = project.BuildImage();

        Assert.True(exitCode == 0, output);
        foreach (string step in new[] { "Redox: ILC", "Redox: as Boot.S", "Redox: ld ->", "Redox: grub-mkrescue ->" })
            Assert.Contains(step, output);
        string images = Path.Combine(project.Directory, "bin", "Release", "net10.0", "redox");
        Assert.True(new FileInfo(Path.Combine(images, "kernel.elf")).Length is > 0 and < 1024 * 1024);
        Assert.True(File.Exists(Path.Combine(images, "Scratch.iso")));
    }

    [Fact]
    public void An_image_without_the_kernel_is_RDXB006_with_a_hint()
    {
        using var project = ScratchProject.Create("", ("Program.cs", HelloMain));

        (int exitCode, string output) = project.BuildImage();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error RDXB006", output);
        Assert.Contains("must reference Redox.Kernel", output);
    }

    [Fact]
    public void A_missing_native_symbol_is_RDXB030_naming_the_symbol()
    {
        const string Source = """
            using System.Runtime;
            using System.Runtime.CompilerServices;
            namespace System.Runtime { internal sealed class RuntimeImportAttribute : Attribute { public RuntimeImportAttribute(string lib, string entry) { } } }
            public static class Program
            {
                [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_no_such_symbol")]
                private static extern int Missing();
                public static int Main() => Missing();
            }
            """;
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", Source));

        (int exitCode, string output) = project.BuildImage();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error RDXB030", output);
        Assert.Contains("redox_no_such_symbol", output);
        Assert.Contains("Hint:", output);
    }

    [Fact]
    public void A_missing_ILC_is_RDXB005_not_a_crash()
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", HelloMain));

        (int exitCode, string output) = project.BuildImage("-p:RedoxIlcPath=/nonexistent/ilc");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error RDXB005", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void Code_the_core_library_lacks_fails_at_compile_time_not_on_bare_metal()
    {
        const string Source = "public static class Program { public static int Main() { System.Console.WriteLine(1); return 0; } }";
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", Source));

        (int exitCode, string output) = project.BuildImage();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CS0234", output); // 'Console' does not exist in the namespace 'System'
    }
}
