using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Runs one tool of the image pipeline the safe way, for every step of Redox.Image.targets:
/// <list type="bullet">
/// <item>each <see cref="Arguments"/> item is one argument (execve, no shell: a path may hold any character);</item>
/// <item>the tool writes its <see cref="Output"/> into this invocation's scratch folder; only after success is it
/// renamed to its <see cref="Destination"/>, so a failed or killed run never leaves an output that looks up to date
/// and two builds of one project never see each other's half-written files;</item>
/// <item>a failure becomes one MSBuild error whose code says whose fault it is (<see cref="FailureClassifier"/>), with
/// the tool's dump condensed to its reasons; the full output is logged at detailed verbosity.</item>
/// </list>
/// </summary>
public sealed class RedoxRunTool : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The tool's name in messages ("ILC", "ld", "grub-mkrescue").</summary>
    [Required] public string ToolName { get; set; } = "";

    /// <summary>The program: a path, or a name looked up on PATH.</summary>
    [Required] public string Tool { get; set; } = "";

    /// <summary>The arguments, one per item, in order.</summary>
    public ITaskItem[] Arguments { get; set; } = [];

    /// <summary>The tool's working directory (default: the build's).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// The file the tool writes (or, with <see cref="CaptureStandardOutput"/>, its standard output). Removed before
    /// the run and after a failure; a success without it is a failure.
    /// </summary>
    public string? Output { get; set; }

    /// <summary>Where <see cref="Output"/> goes after success (one rename; folders created).</summary>
    public string? Destination { get; set; }

    /// <summary>Whether <see cref="Output"/> receives the tool's standard output byte for byte.</summary>
    public bool CaptureStandardOutput { get; set; }

    /// <summary>The step's RDXB code for a problem in its input (the project's code).</summary>
    [Required] public string ProblemCode { get; set; } = "";

    /// <summary>The step's hint for a problem in its input.</summary>
    [Required] public string ProblemHint { get; set; } = "";

    /// <summary>A regular expression for output lines that mean the input is at fault; also the lines an error shows.</summary>
    public string? ProblemPattern { get; set; }

    /// <summary>A regular expression for output that means the tool failed inside itself.</summary>
    public string? CrashPattern { get; set; }

    /// <summary>How to install the tool if it is missing.</summary>
    public string? InstallHint { get; set; }

    /// <summary>Ends the running tool by its process id (Ctrl+C on the build).</summary>
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        string? output = string.IsNullOrEmpty(Output) ? null : Path.GetFullPath(Output);
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            File.Delete(output);
        }

        string[] arguments = Arguments.Select(a => a.ItemSpec).ToArray();
        Log.LogMessage(MessageImportance.Low, "{0}: {1} {2}", ToolName, Tool, CommandLine.Join(arguments));
        ToolRun run = ToolRun.Start(Tool, arguments, WorkingDirectory, CaptureStandardOutput ? output : null, _cancel.Token);
        foreach (string line in run.Lines) Log.LogMessage(MessageImportance.Low, "  {0}", line);

        var classifier = new FailureClassifier
        {
            ToolName = ToolName,
            ToolPath = Tool,
            ProblemCode = ProblemCode,
            ProblemHint = ProblemHint,
            ProblemPattern = ProblemPattern is null ? null : new Regex(ProblemPattern, RegexOptions.CultureInvariant),
            CrashPattern = CrashPattern is null ? null : new Regex(CrashPattern, RegexOptions.CultureInvariant),
            InstallHint = InstallHint,
            OutputDirectory = output is null ? null : Path.GetDirectoryName(output),
        };
        ToolFailure? failure = classifier.Classify(run);
        if (failure is null && output is not null && !File.Exists(output)) failure = classifier.MissingOutput(output);
        if (failure is not null)
        {
            if (output is not null) File.Delete(output);
            Log.LogError(null, failure.Code, null, null, 0, 0, 0, 0, "{0}", failure.Text);
            return false;
        }

        if (output is not null && !string.IsNullOrEmpty(Destination))
        {
            string destination = Path.GetFullPath(Destination);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(output, destination, overwrite: true); // rename(2): the old file or the new one, never half
        }
        return true;
    }
}
