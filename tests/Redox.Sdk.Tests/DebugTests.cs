using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// `dotnet run -p:RedoxDebug=true`: QEMU starts halted with its GDB stub, and GDB with the image's generated script
/// (kernel.elf with ILC's DWARF) stops in a C# method of the image and names it and its source file in a backtrace.
/// QEMU is always ended by process id: GDB's kill, then the whole `dotnet run` process tree.
/// </summary>
public sealed class DebugTests
{
    private const string Image = """
        public static class Program
        {
            public static int Main() => Probe.Answer(41);
        }

        public static class Probe
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            public static int Answer(int x) => x + 1 == 42 ? 0 : 1;
        }
        """;

    [Fact]
    public void GDB_breaks_in_a_CSharp_method_of_the_image_and_the_backtrace_names_it_and_its_source_file()
    {
        Assert.True(File.Exists("/usr/bin/gdb") || File.Exists("/usr/local/bin/gdb"), "gdb is missing: run scripts/install-deps.sh");
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", Image));
        int port = FreePort();
        Process run = project.StartDotnet("run", "-c", "Release", "-p:RedoxDebug=true", $"-p:RedoxGdbPort={port}", "-p:RedoxQemuTimeoutSeconds=600");
        Task<string> runOutput = run.StandardOutput.ReadToEndAsync();
        Task<string> runError = run.StandardError.ReadToEndAsync();
        try
        {
            // dotnet run builds the image first (a minute or more on a loaded machine), then QEMU listens.
            Assert.True(WaitForListener(port, run, TimeSpan.FromMinutes(15)), "QEMU's GDB stub never listened:\n" + Output(run, runOutput, runError));
            string script = Path.Combine(project.ImageDirectory, "Scratch.gdb");

            (int exit, string backtrace) = Gdb(script, "hbreak Scratch_Probe__Answer", "continue", "bt", "kill");

            Assert.True(exit == 0, backtrace);
            Assert.Matches(@"#0 +Scratch_Probe__Answer \(x=41\) at .*/Program\.cs:9", backtrace);
            Assert.Matches(@"#1 .* in Scratch_Program__Main \(\) at .*/Program\.cs:3", backtrace);
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(30)), "QEMU did not end after GDB's kill");
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
            run.WaitForExit();
        }
        Assert.Empty(RunTests.QemuProcessesUsing(project.Directory));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("65536")]
    public void A_bad_RedoxGdbPort_is_RDXB052_with_a_hint(string port)
    {
        using var project = ScratchProject.Create(ScratchProject.KernelReference, ("Program.cs", ScratchProject.HelloMain));

        (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxCheckRunProperties", "-nologo", "-p:RedoxDebug=true", $"-p:RedoxGdbPort={port}");

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB052", output);
        Assert.Contains("Hint:", output);
    }

    // A port no one listens on now (the kernel picks it; we close it again at once).
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool WaitForListener(int port, Process run, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !run.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(500);
            }
        }
        return false;
    }

    // GDB in batch mode with the image's script; ended by its process id after 5 minutes.
    private static (int ExitCode, string Output) Gdb(string script, params string[] commands)
    {
        var start = new ProcessStartInfo("gdb") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-batch", "-nx", "-x", script }) start.ArgumentList.Add(argument);
        foreach (string command in commands)
        {
            start.ArgumentList.Add("-ex");
            start.ArgumentList.Add(command);
        }
        using Process gdb = Process.Start(start)!;
        Task<string> output = gdb.StandardOutput.ReadToEndAsync();
        Task<string> error = gdb.StandardError.ReadToEndAsync();
        if (!gdb.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            gdb.Kill(entireProcessTree: true);
            throw new TimeoutException("gdb did not finish in 5 minutes:\n" + output.Result + error.Result);
        }
        return (gdb.ExitCode, output.Result + error.Result);
    }

    private static string Output(Process run, Task<string> output, Task<string> error)
    {
        if (!run.HasExited) return "(dotnet run still running)";
        return output.Result + error.Result;
    }
}
