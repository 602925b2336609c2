using System.ComponentModel;
using System.Diagnostics;

namespace Redox.Sdk.Tasks;

/// <summary>How one run of a tool ended: its exit status and what it printed, or why it never started.</summary>
/// <param name="ExitCode">The exit status; on Unix .NET reports a death by signal N as 128 + N. Null if it never started.</param>
/// <param name="Lines">Standard error and (unless redirected to a file) standard output, line by line, in arrival order.</param>
/// <param name="StartError">errno of a failed start (ENOENT, EACCES, ...), or null.</param>
/// <param name="StartMessage">The operating system's words for a failed start, or null.</param>
/// <param name="CaptureError">Why standard output could not be written to its file (e.g. the disk is full), or null.</param>
internal sealed record ToolRun(int? ExitCode, IReadOnlyList<string> Lines, int? StartError, string? StartMessage, string? CaptureError = null)
{
    /// <summary>Whether the tool ran, exited 0 and its output was captured completely.</summary>
    public bool Succeeded => ExitCode == 0 && CaptureError is null;

    /// <summary>The signal that ended the tool, or 0 if it exited by itself (or never started).</summary>
    public int Signal => ExitCode is > 128 and < 128 + 65 ? ExitCode.Value - 128 : 0;

    /// <summary>
    /// Runs <paramref name="tool"/> with each argument passed as one argument (execve, never a shell: no quoting,
    /// no expansion). <paramref name="standardOutputFile"/>, if given, receives standard output byte for byte.
    /// </summary>
    public static ToolRun Start(string tool, IEnumerable<string> arguments, string? workingDirectory,
                                string? standardOutputFile, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);

        var lines = new List<string>();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        if (standardOutputFile is null)
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        FileStream? stdout = null;
        try
        {
            if (standardOutputFile is not null) stdout = File.Create(standardOutputFile);
        }
        catch (IOException e)
        {
            return new ToolRun(null, [], null, null, e.Message);
        }
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            stdout?.Dispose();
            return new ToolRun(null, [], e.NativeErrorCode, e.Message);
        }

        process.StandardInput.Close(); // tools never wait for input from a build
        process.BeginErrorReadLine();
        Task copy = stdout is null ? Task.CompletedTask : process.StandardOutput.BaseStream.CopyToAsync(stdout, cancel);
        if (stdout is null) process.BeginOutputReadLine();

        // A cancelled build (Ctrl+C) ends the tool by its process id.
        using (cancel.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
        {
            process.WaitForExit();
        }
        string? captureError = null;
        try
        {
            copy.Wait();
            stdout?.Dispose(); // flushes: a full disk shows here
        }
        catch (Exception e) when (e is AggregateException or IOException)
        {
            captureError = (e.InnerException ?? e).Message;
            try { stdout?.Dispose(); } catch (IOException) { }
        }
        lock (lines) return new ToolRun(process.ExitCode, lines.ToArray(), null, null, captureError);
    }
}
