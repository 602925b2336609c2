using System.Diagnostics;
using Redox.Sdk.Tests;
using Xunit;

namespace Redox.Templates.Tests;

/// <summary>
/// scripts/version.sh, run in a scratch git repository that holds a copy of it: a clean commit is
/// <c>&lt;VersionPrefix&gt;-dev.&lt;commit height&gt;</c>, any uncommitted difference (untracked files included, ignored
/// ones not) gets its own <c>.dirty-&lt;hash&gt;</c> version, and a <c>v*</c> tag on a clean HEAD is a release.
/// </summary>
public sealed class VersionScriptTests : IDisposable
{
    private readonly string _repo = Path.Combine(Path.GetTempPath(), "redox-version-" + Guid.NewGuid().ToString("n"));

    public VersionScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "scripts"));
        File.Copy(Path.Combine(PackedFeed.RepoRoot, "scripts", "version.sh"), Path.Combine(_repo, "scripts", "version.sh"));
        File.WriteAllText(Path.Combine(_repo, "Directory.Build.props"), "<Project><PropertyGroup><VersionPrefix>3.4.5</VersionPrefix></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(_repo, ".gitignore"), "bin/\n");
        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "first");
    }

    [Fact]
    public void A_clean_checkout_is_the_prefix_with_the_commit_height()
    {
        Assert.Equal("3.4.5-dev.1", Version());
        File.WriteAllText(Path.Combine(_repo, "code.cs"), "class A { }\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "second");
        Assert.Equal("3.4.5-dev.2", Version());
    }

    [Fact]
    public void Every_different_uncommitted_content_has_its_own_version_and_the_same_content_the_same()
    {
        File.WriteAllText(Path.Combine(_repo, "code.cs"), "class A { }\n");     // untracked
        string first = Version();
        Assert.StartsWith("3.4.5-dev.1.dirty-", first);
        Assert.Equal(first, Version());
        File.WriteAllText(Path.Combine(_repo, "code.cs"), "class B { }\n");
        string second = Version();
        Assert.StartsWith("3.4.5-dev.1.dirty-", second);
        Assert.NotEqual(first, second);
        File.Delete(Path.Combine(_repo, "code.cs"));
        Assert.Equal("3.4.5-dev.1", Version());
        // A changed tracked file is a difference too; the real index is not touched by the script.
        File.AppendAllText(Path.Combine(_repo, ".gitignore"), "obj/\n");
        Assert.StartsWith("3.4.5-dev.1.dirty-", Version());
        Assert.Equal(" M .gitignore", Git("status", "--porcelain").TrimEnd());
    }

    [Fact]
    public void Ignored_files_such_as_build_output_do_not_change_the_version()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "bin"));
        File.WriteAllText(Path.Combine(_repo, "bin", "out.dll"), "x");
        Assert.Equal("3.4.5-dev.1", Version());
    }

    [Fact]
    public void A_v_tag_on_a_clean_head_is_the_release_version_and_uncommitted_changes_are_not()
    {
        Git("tag", "v3.4.5");
        Assert.Equal("3.4.5", Version());
        File.WriteAllText(Path.Combine(_repo, "code.cs"), "class A { }\n");
        Assert.StartsWith("3.4.5-dev.1.dirty-", Version());
    }

    [Fact]
    public void Without_a_version_prefix_it_fails_saying_where_it_looked()
    {
        File.WriteAllText(Path.Combine(_repo, "Directory.Build.props"), "<Project />\n");
        (int exit, string output) = Run("bash", Path.Combine(_repo, "scripts", "version.sh"));
        Assert.Equal(1, exit);
        Assert.Contains("no <VersionPrefix> in", output);
    }

    private string Version()
    {
        (int exit, string output) = Run("bash", Path.Combine(_repo, "scripts", "version.sh"));
        Assert.True(exit == 0, output);
        return output.Trim();
    }

    private string Git(params string[] arguments)
    {
        (int exit, string output) = Run("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", .. arguments]);
        Assert.True(exit == 0, $"git {string.Join(' ', arguments)}: {output}");
        return output;
    }

    private (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _repo };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_repo, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
