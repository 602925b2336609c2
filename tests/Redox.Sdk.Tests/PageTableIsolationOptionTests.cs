using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Redox.Sdk.Tasks;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// <c>RedoxKernelPageTableIsolation</c> (and a variant's <c>PageTableIsolation</c> metadata) reaches the kernel as
/// <c>redox.kpti=on</c> on the ISO's kernel command line (grub.cfg); a value that is not a boolean is RDXB041 with a hint.
/// The kernel's side (it isolates exactly when the word is there) is the boot tests' <c>BootImages.AssertIsolation</c>.
/// </summary>
public sealed class PageTableIsolationOptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("redox-kpti-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (bool Ok, List<BuildErrorEventArgs> Errors) Write(string property, params (string Name, string? Isolation)[] variants)
    {
        var engine = new ErrorEngine();
        var task = new RedoxWriteGrubConfig
        {
            BuildEngine = engine,
            Directory = _directory,
            PageTableIsolation = property,
            Variants = variants.Select(v =>
            {
                var item = new TaskItem(v.Name);
                item.SetMetadata("CommandLine", "redox.exit=qemu redox.test=" + v.Name);
                if (v.Isolation is not null) item.SetMetadata("PageTableIsolation", v.Isolation);
                return (ITaskItem)item;
            }).ToArray(),
        };
        return (task.Execute(), engine.Errors);
    }

    private string KernelLine(string variant) =>
        File.ReadAllLines(Path.Combine(_directory, variant + ".cfg")).Single(line => line.TrimStart().StartsWith("multiboot2", StringComparison.Ordinal));

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void True_puts_redox_kpti_on_on_every_variants_kernel_command_line(string value)
    {
        (bool ok, List<BuildErrorEventArgs> errors) = Write(value, ("a", null), ("b", null));

        Assert.True(ok);
        Assert.Empty(errors);
        Assert.EndsWith(" 'redox.exit=qemu' 'redox.test=a' 'redox.kpti=on'", KernelLine("a"));
        Assert.EndsWith(" 'redox.exit=qemu' 'redox.test=b' 'redox.kpti=on'", KernelLine("b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("false")]
    public void False_or_unset_leaves_the_command_line_as_it_was(string value)
    {
        Assert.True(Write(value, ("a", null)).Ok);

        Assert.EndsWith(" 'redox.exit=qemu' 'redox.test=a'", KernelLine("a"));
        Assert.DoesNotContain("kpti", KernelLine("a"));
    }

    [Fact]
    public void A_variants_own_metadata_overrides_the_property()
    {
        Assert.True(Write("false", ("plain", null), ("isolated", "true")).Ok);
        Assert.DoesNotContain("kpti", KernelLine("plain"));
        Assert.Contains("'redox.kpti=on'", KernelLine("isolated"));

        Assert.True(Write("true", ("off", "false")).Ok);
        Assert.DoesNotContain("kpti", KernelLine("off"));
    }

    [Fact]
    public void The_word_is_not_added_twice()
    {
        Assert.True(RedoxWriteGrubConfig.TryCommandLine("redox.kpti=on redox.exit=qemu", "true", out string line));
        Assert.Equal("redox.kpti=on redox.exit=qemu", line);
        Assert.True(RedoxWriteGrubConfig.TryCommandLine("", "true", out line));
        Assert.Equal("redox.kpti=on", line);
    }

    [Theory]
    [InlineData("yes", null, "RedoxKernelPageTableIsolation is 'yes'")]
    [InlineData("on", null, "RedoxKernelPageTableIsolation is 'on'")]
    [InlineData("false", "1", "the variant a's PageTableIsolation is '1'")]
    public void Anything_but_true_or_false_is_RDXB041_with_a_hint_and_writes_nothing(string property, string? metadata, string says)
    {
        (bool ok, List<BuildErrorEventArgs> errors) = Write(property, ("a", metadata));

        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(errors);
        Assert.Equal("RDXB041", error.Code);
        Assert.Contains(says, error.Message);
        Assert.Contains("Hint:", error.Message);
        Assert.False(File.Exists(Path.Combine(_directory, "a.cfg")));
    }

    private sealed class ErrorEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "";
        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
        public void LogMessageEvent(BuildMessageEventArgs e) { }
        public void LogWarningEvent(BuildWarningEventArgs e) { }
    }
}
