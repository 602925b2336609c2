using System.Diagnostics;
using Redox.Sdk.Tasks;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>RunArguments for `dotnet run`: what CommandLine.Join writes, ProcessStartInfo.Arguments splits back exactly.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("quote\"inside")]
    [InlineData("trailing backslash\\")]
    [InlineData("backslash\\\"quote")]
    [InlineData("$(touch pwned);`id`|&")]
    [InlineData("")]
    [InlineData("\\\\server\\share path\\")]
    public void An_argument_survives_the_round_trip(string argument)
    {
        string[] arguments = ["first", argument, "last"];

        Assert.Equal(arguments, SplitByDotnet(CommandLine.Join(arguments)));
    }

    // A script prints each argument it receives followed by NUL: what a program started with this command line sees.
    private static string[] SplitByDotnet(string commandLine)
    {
        string script = Path.Combine(Path.GetTempPath(), $"redox-print-arguments-{Guid.NewGuid():n}.sh");
        File.WriteAllText(script, "printf '%s\\0' \"$@\"\n");
        try
        {
            var start = new ProcessStartInfo("bash") { Arguments = CommandLine.Quote(script) + " " + commandLine, RedirectStandardOutput = true };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\0')[..^1];
        }
        finally
        {
            File.Delete(script);
        }
    }
}
