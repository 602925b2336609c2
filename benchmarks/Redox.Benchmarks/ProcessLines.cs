using System;
using System.Diagnostics;

namespace Redox.Benchmarks;

/// <summary>Runs a tool and hands each line of its output (stdout and stderr) to a callback as it comes.</summary>
internal static class ProcessLines
{
    /// <summary>The exit code, or -1 when it ran past <paramref name="timeout"/> (then it is killed, by its id).</summary>
    public static int Run(string file, string[] arguments, string workingDirectory, TimeSpan timeout, Action<string> onLine)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (gate) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (gate) onLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return -1;
        }
        process.WaitForExit();                              // drains the asynchronous readers
        return process.ExitCode;
    }
}
