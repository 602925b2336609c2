using System.Text.RegularExpressions;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Turns a tool's dump (a .NET stack trace from ILC, xorriso's progress chatter) into its few reasons, for the
/// one line of an MSBuild error. The full output stays in the log at detailed verbosity.
/// </summary>
internal static partial class OutputCondenser
{
    /// <summary>How many reasons an error shows at most.</summary>
    public const int MaxLines = 6;

    /// <summary>
    /// The lines matching <paramref name="show"/> (all lines if none match or no pattern is given), without stack
    /// frames, "---&gt;" markers, exception type names and duplicates, at most <see cref="MaxLines"/>, joined by " | ".
    /// </summary>
    public static string Condense(IReadOnlyList<string> lines, Regex? show)
    {
        List<string> candidates = lines.Where(line => !StackFrame().IsMatch(line) && line.Trim().Length > 0).ToList();
        if (show is not null && candidates.Any(line => show.IsMatch(line))) candidates = candidates.Where(line => show.IsMatch(line)).ToList();
        List<string> reasons = candidates.Select(Clean).Where(line => line.Length > 0).Distinct().ToList();
        if (reasons.Count == 0) return "(no output)";
        string shown = string.Join(" | ", reasons.Take(MaxLines));
        return reasons.Count <= MaxLines
            ? shown
            : $"{shown} | (+{reasons.Count - MaxLines} more; 'dotnet build -v:detailed' shows the tool's full output)";
    }

    private static string Clean(string line)
    {
        string text = line.Trim();
        if (text.StartsWith("--->", StringComparison.Ordinal)) text = text[4..].TrimStart();
        return ExceptionType().Replace(text, "").Trim();
    }

    // "   at Type.Method(...) + 0x11", "--- End of inner exception stack trace ---"
    [GeneratedRegex(@"^\s+at \S|^\s*--- End of ")]
    private static partial Regex StackFrame();

    // "System.IO.IOException: ", "ILCompiler.CodeGenerationFailedException: "
    [GeneratedRegex(@"^(?:[\w`+]+\.)*\w*Exception:\s*")]
    private static partial Regex ExceptionType();
}
