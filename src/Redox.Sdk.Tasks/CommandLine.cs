using System.Text;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Joins arguments into one command-line string that <c>ProcessStartInfo.Arguments</c> splits back into exactly
/// those arguments (the rules of CommandLineToArgvW, which .NET also applies on Unix). `dotnet run` passes
/// RunArguments that way; logs show commands that way.
/// </summary>
internal static class CommandLine
{
    /// <summary>The arguments, each quoted only when it needs to be.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    /// <summary>
    /// One argument: as is if it has no space, tab, newline or quote; else in quotes, a quote inside written as two
    /// (not as \", because MSBuild on Unix turns the backslash of a property value into a slash).
    /// </summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0) return argument;
        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\') { backslashes++; continue; }
            // Backslashes are literal unless a quote follows: then each needs its own escape.
            quoted.Append('\\', c == '"' ? backslashes * 2 : backslashes).Append(c == '"' ? "\"\"" : c.ToString());
            backslashes = 0;
        }
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
