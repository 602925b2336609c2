using System.Diagnostics;
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
    // Redox.Analyzers.Package carries analyzers (their contract is the rule IDs, tracked by AnalyzerReleases.*.md);
    // Redox.Kernel is referenced by images only, never by a driver, and its public types are the kernel's own seams.
    private static readonly string[] Untracked =
        ["src/Redox.Sdk", "src/Redox.Templates", "analyzers/Redox.Analyzers.Package", "src/Redox.Kernel"];

    [Fact]
    public void Every_packed_library_package_declares_its_public_API()
    {
        string pack = File.ReadAllText(Path.Combine(ScratchProject.Repository, "scripts", "pack.sh"));
        string list = pack.Substring(pack.IndexOf("packages=(", StringComparison.Ordinal));
        list = list.Substring(0, list.IndexOf(')'));
        string[] packages = list.Split('\n').Skip(1).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        Assert.Contains("src/Redox.Scheme.Abstractions", packages);   // the list was read

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

    /// <summary>
    /// The mutation this whole arrangement exists for, made for real: a copy of the projects Redox.Scheme.Abstractions
    /// builds from, with one member of SchemeBase that drivers call deleted, must not build, and the error must name
    /// the member. <c>PostEvent</c>: nothing in the library itself calls it, so only the API tracking can fail the build.
    /// </summary>
    [Fact]
    public void Deleting_a_public_member_of_SchemeBase_fails_the_build_with_RS0017_naming_it()
    {
        string copy = Path.Combine(Path.GetTempPath(), "redox-api-mutant-" + Guid.NewGuid().ToString("n"));
        try
        {
            foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", ".editorconfig" })
            {
                if (File.Exists(Path.Combine(ScratchProject.Repository, file))) CopyFile(file, copy);
            }
            foreach (string folder in new[] { "src/Redox.Sdk", "src/Redox.Sdk.Tasks", "src/Redox.CoreLib", "src/Redox.Syscall", "src/Redox.Scheme.Abstractions",
                                               "analyzers/Redox.Analyzers", "analyzers/Redox.Analyzers.CodeFixes", "analyzers/Redox.Analyzers.Package", "docs/rules" })
            {
                CopyFolder(folder, copy);
            }
            File.Copy(Path.Combine(ScratchProject.Repository, "analyzers", "README.md"), Path.Combine(copy, "analyzers", "README.md"));
            string schemeBase = Path.Combine(copy, "src", "Redox.Scheme.Abstractions", "SchemeBase.cs");
            string member = "    protected bool PostEvent(ulong id, EventFlags flags) => Events.Post(id, flags);\n";
            string source = File.ReadAllText(schemeBase);
            Assert.Contains(member, source);
            File.WriteAllText(schemeBase, source.Replace(member, ""));

            (int exit, string output) = Build(Path.Combine(copy, "src", "Redox.Scheme.Abstractions"));

            Assert.True(exit != 0, output);
            Assert.Contains("error RS0017", output);
            Assert.Contains("Redox.Scheme.SchemeBase.PostEvent(ulong id, Redox.Syscall.EventFlags flags) -> bool", output);
            Assert.DoesNotContain("error CS", output);                  // the compiler alone would have let it through
        }
        finally
        {
            try { Directory.Delete(copy, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void CopyFile(string relative, string root)
    {
        string target = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(ScratchProject.Repository, relative), target);
    }

    // The folder's sources, without build outputs.
    private static void CopyFolder(string relative, string root)
    {
        string source = Path.Combine(ScratchProject.Repository, relative);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string inside = Path.GetRelativePath(source, file);
            string first = inside.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj") continue;
            CopyFile(Path.Combine(relative, inside), root);
        }
    }

    private static (int ExitCode, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = project };
        foreach (string argument in new[] { "build", "-nologo", "-v:q" }) start.ArgumentList.Add(argument);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return ScratchProject.Finish(Process.Start(start)!);
    }
}
