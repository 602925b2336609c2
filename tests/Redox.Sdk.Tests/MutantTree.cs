using System.Diagnostics;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// A copy of part of the repository in a temp folder (the root's build files and the folders named, without build
/// outputs), to change a source on purpose and build it as the repository would. Deleted on dispose.
/// </summary>
public sealed class MutantTree : IDisposable
{
    private MutantTree(string root) => Root = root;

    /// <summary>The copy's root folder.</summary>
    public string Root { get; }

    /// <summary>Copies the root's build files, <paramref name="folders"/> and <paramref name="files"/> (paths relative to the repository).</summary>
    public static MutantTree Copy(IEnumerable<string> folders, params string[] files)
    {
        var tree = new MutantTree(Path.Combine(Path.GetTempPath(), "redox-api-mutant-" + Guid.NewGuid().ToString("n")));
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", ".editorconfig" })
        {
            if (File.Exists(Path.Combine(ScratchProject.Repository, file))) tree.CopyFile(file);
        }
        foreach (string folder in folders) tree.CopyFolder(folder);
        foreach (string file in files) tree.CopyFile(file);
        return tree;
    }

    /// <summary>The full path of <paramref name="relative"/> inside the copy.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces <paramref name="text"/>, which must be in the file, with <paramref name="replacement"/>.</summary>
    public void Replace(string relative, string text, string replacement)
    {
        string path = PathOf(relative);
        string source = File.ReadAllText(path);
        Assert.Contains(text, source);     // a source edited since the test was written: fix the test, not this
        File.WriteAllText(path, source.Replace(text, replacement));
    }

    /// <summary><c>dotnet build</c> of a project folder in the copy, as a user runs it; the exit code and all output.</summary>
    public (int ExitCode, string Output) Build(string project) => Run("dotnet", PathOf(project), "build", "-nologo", "-v:q");

    /// <summary>Runs a program with <paramref name="arguments"/> in <paramref name="directory"/>; the exit code and all output.</summary>
    public static (int ExitCode, string Output) Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // No MSBuild node or build server outlives the copy (they would hold its files open).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return ScratchProject.Finish(Process.Start(start)!);
    }

    /// <summary>Deletes the copy.</summary>
    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void CopyFile(string relative)
    {
        string target = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(ScratchProject.Repository, relative), target);
    }

    // The folder's sources, without build outputs.
    private void CopyFolder(string relative)
    {
        string source = Path.Combine(ScratchProject.Repository, relative);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string inside = Path.GetRelativePath(source, file);
            string first = inside.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj") continue;
            CopyFile(Path.Combine(relative, inside));
        }
    }
}
