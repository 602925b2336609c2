using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Joins items into one command-line string that splits back into exactly those arguments (for `dotnet run`'s
/// RunArguments, which it hands to <c>ProcessStartInfo.Arguments</c>): a path with spaces or quotes stays one argument.
/// </summary>
public sealed class RedoxJoinArguments : MSBuildTask
{
    /// <summary>The arguments, one per item.</summary>
    public ITaskItem[] Arguments { get; set; } = [];

    /// <summary>The joined, quoted command line.</summary>
    [Output] public string CommandLine { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        CommandLine = Tasks.CommandLine.Join(Arguments.Select(a => a.ItemSpec));
        return true;
    }
}
