namespace Redox.Sdk.Tasks;

/// <summary>Whose fault a failed step is: each kind has its own RDXB code and hint (src/Redox.Sdk/README.md).</summary>
internal enum FailureKind
{
    /// <summary>RDXB080: the tool is missing or not executable (the machine, not the code).</summary>
    CannotStart,

    /// <summary>RDXB081: the disk (or quota) is full.</summary>
    DiskFull,

    /// <summary>RDXB082: something outside ended the tool: out-of-memory killer, a timeout, Ctrl+C, a file shrunk under it.</summary>
    Killed,

    /// <summary>RDXB083: the tool failed inside itself (crash, internal exception, or no output although it said success).</summary>
    ToolFailed,

    /// <summary>The step's own code (RDXB010, RDXB020, ...): the tool rejected its input, i.e. the project's code.</summary>
    InputProblem,
}

/// <summary>A classified failure: kind, RDXB code, what happened, and what to do.</summary>
internal sealed record ToolFailure(FailureKind Kind, string Code, string Message, string Hint)
{
    /// <summary>RDXB080: the tool could not be started.</summary>
    public const string CannotStartCode = "RDXB080";

    /// <summary>RDXB081: no space left on the device.</summary>
    public const string DiskFullCode = "RDXB081";

    /// <summary>RDXB082: the tool was killed from outside.</summary>
    public const string KilledCode = "RDXB082";

    /// <summary>RDXB083: the tool failed inside itself.</summary>
    public const string ToolFailedCode = "RDXB083";

    /// <summary>The text of the MSBuild error: message, then hint.</summary>
    public string Text => $"{Message} Hint: {Hint}";
}
