using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// The public API of every library package a driver, its tests or its benchmarks use is declared in
/// PublicAPI.Shipped.txt/Unshipped.txt (Directory.Build.targets turns the tracking on and makes RS0016/RS0017 errors),
/// so a change that would break a user's driver fails this repository's build instead of theirs.
/// </summary>
public sealed class PublicApiTrackingTests
{
    // Packed by scripts/pack.sh but not tracked, and why: Redox.Sdk and Redox.Templates carry no library;
    // Redox.Analyzers.Package carries analyzers (their contract is the rule IDs, tracked by AnalyzerReleases.*.md).
    // Redox.Kernel is tracked: images compile against it, and so do drivers' tests through Redox.Testing.
    private static readonly string[] Untracked =
        ["src/Redox.Sdk", "src/Redox.Templates", "analyzers/Redox.Analyzers.Package"];

    [Fact]
    public void Every_packed_library_package_declares_its_public_API()
    {
        string pack = File.ReadAllText(Path.Combine(ScratchProject.Repository, "scripts", "pack.sh"));
        string list = pack.Substring(pack.IndexOf("packages=(", StringComparison.Ordinal));
        list = list.Substring(0, list.IndexOf(')'));
        string[] packages = list.Split('\n').Skip(1).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        Assert.Contains("src/Redox.Scheme.Abstractions", packages);   // the list was read
        Assert.Contains("src/Redox.Kernel", packages);

        foreach (string package in packages.Except(Untracked))
        {
            foreach (string file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                string path = Path.Combine(ScratchProject.Repository, package, file);
                Assert.True(File.Exists(path), $"{package} is packed but does not track its public API: {file} is missing (see Directory.Build.targets)");
                Assert.StartsWith("#nullable enable", File.ReadAllText(path));
            }
        }
    }

    [Fact]
    public void The_driver_facing_API_is_declared_SchemeBase_SchemeServer_and_the_hosted_kernel()
    {
        string scheme = File.ReadAllText(Path.Combine(ScratchProject.Repository, "src", "Redox.Scheme.Abstractions", "PublicAPI.Shipped.txt"));
        Assert.Contains("virtual Redox.Scheme.SchemeBase.Read(ulong id, System.Span<byte> buffer, ulong offset, uint flags, in Redox.Scheme.CallerContext caller) -> Redox.Syscall.SyscallResult", scheme);
        Assert.Contains("Redox.Scheme.SchemeServer.Run() -> Redox.Syscall.SyscallResult", scheme);
        string testing = File.ReadAllText(Path.Combine(ScratchProject.Repository, "src", "Redox.Testing", "PublicAPI.Shipped.txt"));
        Assert.Contains("Redox.Testing.HostedKernel.StartDriver(", testing);
    }

    [Fact]
    public void The_image_facing_kernel_API_is_declared_the_log_threads_and_the_heap()
    {
        string kernel = File.ReadAllText(Path.Combine(ScratchProject.Repository, "src", "Redox.Kernel", "PublicAPI.Shipped.txt"));
        Assert.Contains("static Redox.Kernel.Diagnostics.KernelLog.WriteLine(string! text) -> void", kernel);
        Assert.Contains("static Redox.Kernel.Scheduling.Threads.Spawn(string! name, delegate*<nint, void> entry, nint argument, int priority = 1) -> Redox.Kernel.Scheduling.KernelThread!", kernel);
        Assert.Contains("static Redox.Kernel.Memory.Heap.Free(object! obj) -> bool", kernel);
        // The version is not API: a const would change with every commit (and be copied into callers).
        Assert.DoesNotContain("BuildInfo", kernel);
    }

    // What Redox.Scheme.Abstractions and Redox.Kernel build from: the SDK, its tasks, the core library, the ABI, the analyzers.
    private static readonly string[] SdkFolders =
        ["src/Redox.Sdk", "src/Redox.Sdk.Tasks", "src/Redox.CoreLib", "src/Redox.Syscall",
         "analyzers/Redox.Analyzers", "analyzers/Redox.Analyzers.CodeFixes", "analyzers/Redox.Analyzers.Package", "docs/rules"];

    /// <summary>
    /// The mutation this whole arrangement exists for, made for real: a copy of the projects Redox.Scheme.Abstractions
    /// builds from, with one member of SchemeBase that drivers call deleted, must not build, and the error must name
    /// the member. <c>PostEvent</c>: nothing in the library itself calls it, so only the API tracking can fail the build.
    /// </summary>
    [Fact]
    public void Deleting_a_public_member_of_SchemeBase_fails_the_build_with_RS0017_naming_it()
    {
        using MutantTree tree = MutantTree.Copy([.. SdkFolders, "src/Redox.Scheme.Abstractions"], "analyzers/README.md");
        tree.Replace("src/Redox.Scheme.Abstractions/SchemeBase.cs", "    protected bool PostEvent(ulong id, EventFlags flags) => Events.Post(id, flags);\n", "");

        (int exit, string output) = tree.Build("src/Redox.Scheme.Abstractions");

        Assert.True(exit != 0, output);
        Assert.Contains("error RS0017", output);
        Assert.Contains("Redox.Scheme.SchemeBase.PostEvent(ulong id, Redox.Syscall.EventFlags flags) -> bool", output);
        Assert.DoesNotContain("error CS", output);                  // the compiler alone would have let it through
    }

    /// <summary>
    /// The same for the kernel, which images (and, through Redox.Testing, drivers' tests) compile against, built by
    /// Redox.Sdk against our core library like an image's code: <c>KernelCommandLine.Current</c>, which an image reads
    /// (the boot-test kernel picks its scenario from it) and nothing in the kernel calls.
    /// </summary>
    [Fact]
    public void Deleting_a_public_member_of_the_kernel_fails_the_build_with_RS0017_naming_it()
    {
        using MutantTree tree = MutantTree.Copy([.. SdkFolders, "src/Redox.Kernel"], "analyzers/README.md");
        tree.Replace("src/Redox.Kernel/Boot/KernelCommandLine.cs",
            "    /// <summary>The command line the loader passed (empty before boot or on the host).</summary>\n" +
            "    public static ReadOnlySpan<byte> Current => new ReadOnlySpan<byte>(s_text, s_length);\n", "");

        (int exit, string output) = tree.Build("src/Redox.Kernel");

        Assert.True(exit != 0, output);
        Assert.Contains("error RS0017", output);
        Assert.Contains("static Redox.Kernel.Boot.KernelCommandLine.Current.get -> System.ReadOnlySpan<byte>", output);
        Assert.DoesNotContain("error CS", output);
    }

    /// <summary>
    /// What a contributor runs after adding kernel API (the lead does after a merge): scripts/public-api.sh declares
    /// the new kernel member in the kernel's PublicAPI.Unshipped.txt, and only it there; a member undeclared in a
    /// project the kernel references (Redox.Syscall) goes to that project's own file in the same run, since the script
    /// has compiled that project with RS0016 as a warning and the next build would find it up to date and say nothing.
    /// Afterwards both build with RS0016 as an error again.
    /// </summary>
    [Fact]
    public void Public_api_sh_declares_a_new_kernel_member_in_the_kernels_file_and_a_references_in_its_own()
    {
        using MutantTree tree = MutantTree.Copy([.. SdkFolders, "src/Redox.Kernel"], "analyzers/README.md", "scripts/public-api.sh");
        string current = "    public static ReadOnlySpan<byte> Current => new ReadOnlySpan<byte>(s_text, s_length);\n";
        tree.Replace("src/Redox.Kernel/Boot/KernelCommandLine.cs", current,
            current + "\n    /// <summary>True when the loader passed no command line.</summary>\n    public static bool IsEmpty => s_length == 0;\n");
        File.WriteAllText(tree.PathOf("src/Redox.Syscall/ApiProbe.cs"),
            "namespace Redox.Syscall;\n\n/// <summary>A member the test adds.</summary>\npublic static class ApiProbe\n{\n" +
            "    /// <summary>A value.</summary>\n    public static int Value => 1;\n}\n");

        string kernelFile = tree.PathOf("src/Redox.Kernel/PublicAPI.Unshipped.txt");
        string syscallFile = tree.PathOf("src/Redox.Syscall/PublicAPI.Unshipped.txt");
        string[] kernelBefore = File.ReadAllLines(kernelFile), syscallBefore = File.ReadAllLines(syscallFile);

        (int exit, string output) = MutantTree.Run("bash", tree.Root, "scripts/public-api.sh", "src/Redox.Kernel");

        Assert.True(exit == 0, output);
        Assert.Contains("public-api: src/Redox.Kernel: 1 member(s) declared", output);
        Assert.Contains("public-api: src/Redox.Syscall (referenced by src/Redox.Kernel) has undeclared members too", output);
        Assert.Contains("public-api: src/Redox.Syscall: 2 member(s) declared", output);
        Assert.Equal(["static Redox.Kernel.Boot.KernelCommandLine.IsEmpty.get -> bool"], File.ReadAllLines(kernelFile).Except(kernelBefore));
        Assert.Equal(["Redox.Syscall.ApiProbe", "static Redox.Syscall.ApiProbe.Value.get -> int"], File.ReadAllLines(syscallFile).Except(syscallBefore));
        Assert.Equal("#nullable enable", File.ReadAllLines(kernelFile)[0]);

        (exit, output) = tree.Build("src/Redox.Kernel");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("RS0016", output);
    }
}
