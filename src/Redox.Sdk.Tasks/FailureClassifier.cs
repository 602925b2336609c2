using System.Text.RegularExpressions;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Decides whose fault a failed tool run is, in this order: it never started (the machine); the disk is full
/// (the machine, whatever the tool then said); a signal from outside (out-of-memory killer, Ctrl+C, a file
/// shrunk under it); the tool's own words for a problem in its input (the code); a crash or internal error of the
/// tool; any other failure is the input's (the step's own code).
/// </summary>
internal sealed partial class FailureClassifier
{
    /// <summary>Below this much free space in the output folder, any failure is reported as a full disk.</summary>
    public const long NearlyFullBytes = 1 << 20;

    /// <summary>The tool's name in messages ("ILC", "ld").</summary>
    public required string ToolName { get; init; }

    /// <summary>The program that was run.</summary>
    public required string ToolPath { get; init; }

    /// <summary>The step's code for a problem in its input (RDXB010, ...).</summary>
    public required string ProblemCode { get; init; }

    /// <summary>The step's hint for a problem in its input.</summary>
    public required string ProblemHint { get; init; }

    /// <summary>Output lines that mean the input is at fault; also the lines an error shows.</summary>
    public Regex? ProblemPattern { get; init; }

    /// <summary>Output that means the tool failed inside itself (e.g. ILC's "Error: " with a stack trace).</summary>
    public Regex? CrashPattern { get; init; }

    /// <summary>How to install the tool, for a tool that is not there.</summary>
    public string? InstallHint { get; init; }

    /// <summary>Where the step writes: its free space tells a full disk.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Free bytes in a folder (replaceable in tests).</summary>
    public Func<string, long?> FreeBytes { get; init; } = DefaultFreeBytes;

    /// <summary>The failure of <paramref name="run"/>, or null if it succeeded.</summary>
    public ToolFailure? Classify(ToolRun run)
    {
        if (run.StartError is int errno) return CannotStart(errno, run.StartMessage);
        if (run.Succeeded) return null;

        long? free = OutputDirectory is null ? null : FreeBytes(OutputDirectory);
        if (DiskFullText().IsMatch(run.CaptureError ?? "") || run.Lines.Any(DiskFullText().IsMatch) || free < NearlyFullBytes)
        {
            string where = OutputDirectory is null ? "" : $" ({FormatBytes(free)} free in {OutputDirectory})";
            return new ToolFailure(FailureKind.DiskFull, ToolFailure.DiskFullCode,
                $"{ToolName} ran out of disk space{where}: {Reasons(run, DiskFullText())}.",
                "free some space (or raise the quota) and build again; nothing in the code needs to change.");
        }
        if (run.CaptureError is string capture)
            return new ToolFailure(FailureKind.ToolFailed, ToolFailure.ToolFailedCode,
                $"{ToolName}'s output could not be saved: {capture}.", "check the folder is writable and build again.");

        switch (run.Signal)
        {
            case 7: // SIGBUS: a memory-mapped file shrank under the tool
                return new ToolFailure(FailureKind.Killed, ToolFailure.KilledCode,
                    $"{ToolName} died of SIGBUS (exit {run.ExitCode}): a file it had mapped changed size under it.",
                    "another build was probably writing the same files at the same time; build again.");
            case 1 or 2 or 9 or 13 or 15 or 24 or 25:
                return new ToolFailure(FailureKind.Killed, ToolFailure.KilledCode,
                    $"{ToolName} was killed by signal {run.Signal} ({SignalName(run.Signal)}, exit {run.ExitCode}).",
                    "something outside the build ended it: the out-of-memory killer (see 'dmesg'), a CI time limit, or Ctrl+C. Build again; nothing in the code needs to change.");
        }
        if (ProblemPattern is not null && run.Lines.Any(ProblemPattern.IsMatch))
            return Problem(run);
        if (run.Signal != 0 || (CrashPattern is not null && run.Lines.Any(CrashPattern.IsMatch)))
        {
            string how = run.Signal != 0 ? $"crashed (signal {run.Signal}, {SignalName(run.Signal)})" : $"failed inside itself (exit {run.ExitCode})";
            return new ToolFailure(FailureKind.ToolFailed, ToolFailure.ToolFailedCode,
                $"{ToolName} {how}: {OutputCondenser.Condense(run.Lines, null)}.",
                $"this is a failure of {ToolName} or of its installation, not a problem in the code. Build again; if it repeats, 'dotnet build -v:detailed' shows the full output to report.");
        }
        return Problem(run);
    }

    /// <summary>The failure of a tool that exited 0 without writing <paramref name="missing"/>.</summary>
    public ToolFailure MissingOutput(string missing) =>
        new(FailureKind.ToolFailed, ToolFailure.ToolFailedCode,
            $"{ToolName} reported success but did not write {missing}.",
            $"this is a failure of {ToolName}, not of the code; build again, and check the disk and the folder's permissions.");

    private ToolFailure Problem(ToolRun run) =>
        new(FailureKind.InputProblem, ProblemCode,
            $"{ToolName} failed (exit {run.ExitCode}): {OutputCondenser.Condense(run.Lines, ProblemPattern)}.", ProblemHint);

    private ToolFailure CannotStart(int errno, string? message)
    {
        string reason = errno switch
        {
            2 => "it does not exist",             // ENOENT
            13 => "it is not executable",         // EACCES
            8 => "it is not a program this machine can run", // ENOEXEC
            _ => message ?? $"errno {errno}",
        };
        string hint = errno switch
        {
            2 => InstallHint ?? "install it, or put it on PATH.",
            13 => $"the build machine's copy is broken, not the code: 'chmod +x {ToolPath}', or delete its package folder from the NuGet cache and run 'dotnet restore'.",
            _ => "the build machine's copy is broken, not the code: reinstall it.",
        };
        return new ToolFailure(FailureKind.CannotStart, ToolFailure.CannotStartCode, $"{ToolName} could not be started ({ToolPath}): {reason}.", hint);
    }

    private static string Reasons(ToolRun run, Regex pattern) =>
        run.CaptureError ?? OutputCondenser.Condense(run.Lines, pattern);

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL",
        11 => "SIGSEGV", 13 => "SIGPIPE", 15 => "SIGTERM", 24 => "SIGXCPU", 25 => "SIGXFSZ", _ => "signal " + signal,
    };

    private static string FormatBytes(long? bytes) =>
        bytes is null ? "unknown space" : bytes < 1 << 20 ? $"{bytes} bytes" : $"{bytes >> 20} MiB";

    private static long? DefaultFreeBytes(string directory)
    {
        try
        {
            string? existing = directory;
            while (existing is not null && !Directory.Exists(existing)) existing = Path.GetDirectoryName(existing);
            return existing is null ? null : new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    // ENOSPC and EDQUOT in the words of strerror, .NET and Python.
    [GeneratedRegex("No space left on device|Disk quota exceeded|ENOSPC|EDQUOT", RegexOptions.IgnoreCase)]
    private static partial Regex DiskFullText();
}
