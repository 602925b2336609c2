using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Finds a program on PATH (or checks a given path) without a shell, and fails with the caller's code and install
/// hint if it is missing or not executable.
/// </summary>
public sealed class RedoxRequireTool : MSBuildTask
{
    /// <summary>A program name ("ld") or a path.</summary>
    [Required] public string Tool { get; set; } = "";

    /// <summary>The RDXB code for a missing tool.</summary>
    [Required] public string Code { get; set; } = "";

    /// <summary>What the tool is for and how to install it.</summary>
    [Required] public string Hint { get; set; } = "";

    /// <summary>The tool's full path.</summary>
    [Output] public string FullPath { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        string? found = Find(Tool);
        if (found is null)
        {
            Log.LogError(null, Code, null, null, 0, 0, 0, 0, "{0} not found or not executable. Hint: {1}", Tool, Hint);
            return false;
        }
        FullPath = found;
        return true;
    }

    /// <summary>The executable file <paramref name="tool"/> names, looked up on PATH when it has no slash; null if none.</summary>
    internal static string? Find(string tool)
    {
        if (tool.Contains('/')) return IsExecutable(tool) ? Path.GetFullPath(tool) : null;
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
