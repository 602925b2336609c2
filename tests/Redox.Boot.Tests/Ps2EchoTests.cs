using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// samples/Ps2Echo as a user gets it: built from the packed feed, where its only mention of the driver is
/// <c>&lt;PackageReference Include="Redox.Drivers.Ps2" /&gt;</c>, so ps2d and its grants come from the package. A line is
/// typed through QEMU's monitor (with a shifted key, a typo and Backspace), the mouse moves and clicks, and the sample's
/// own client prints the line and the mouse reports; Escape ends it and the image passes.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class Ps2EchoTests(Ps2EchoSample sample) : IClassFixture<Ps2EchoSample>
{
    private const int TestTimeoutMs = 300_000;
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    [Fact(Timeout = TestTimeoutMs)]
    public async Task A_typed_line_comes_back_from_echo_and_mouse_motion_and_a_click_are_reported()
    {
        string iso = sample.Iso; // built before QEMU starts, outside the boot's timeout
        string socketPath = QemuMonitor.NewSocketPath();
        var lines = new List<string>();
        using var stop = new CancellationTokenSource();
        void OnLine(string line)
        {
            lock (lines) lines.Add(line.TrimEnd('\r'));
        }
        Task<BootResult> boot = Task.Run(() => Qemu.Boot(iso, BootTimeout, uefi: false,
            ["-machine", "pc", .. QemuMonitor.Arguments(socketPath)], OnLine, stop.Token));
        try
        {
            await WaitFor(lines, boot, "echo: type in the QEMU window", BootTimeout);
            using QemuMonitor monitor = QemuMonitor.Connect(socketPath, TimeSpan.FromSeconds(10));
            // "hello World!" with a typo erased: keys one at a time, so QEMU's 16-byte PS/2 queue never overflows.
            foreach (string key in "h e l l o spc shift-w o r l d x backspace shift-1 ret".Split(' '))
            {
                monitor.Hmp("sendkey " + key);
                await Task.Delay(150);
            }
            await WaitFor(lines, boot, "echo: you typed: hello World!", StepTimeout);
            // QEMU's y grows downwards, PS/2's upwards.
            monitor.Hmp("mouse_move 10 20");
            await WaitFor(lines, boot, "echo: mouse dx 10 dy -20 wheel 0 buttons none", StepTimeout);
            monitor.Hmp("mouse_button 1");
            await WaitFor(lines, boot, "echo: mouse dx 0 dy 0 wheel 0 buttons left", StepTimeout);
            monitor.Hmp("mouse_button 0");
            monitor.Hmp("sendkey esc");
            BootResult result = await boot;

            Assert.False(result.TimedOut, result.Serial);
            // The daemon the package added, with the grants the package gave it (any other port would have ended it).
            Assert.Contains("ps2d: controller: ok", result.KernelLog);
            Assert.Contains("ps2d: keyboard: ready, id 0xab83, scancode set 1 (translated)", result.KernelLog);
            Assert.Contains("ps2d: mouse: ready, id 4", result.KernelLog);
            Assert.Contains("(echo) exited with code 0", result.KernelLog);
            Assert.Contains("(ps2d) ended by signal 15", result.KernelLog);
            Assert.DoesNotContain("init: restarting", result.KernelLog);
            Assert.Equal(BootResult.Passed, result.ExitCode);
        }
        finally
        {
            stop.Cancel();
            await boot;
            File.Delete(socketPath);
        }
    }

    // Waits until a serial line holds `text` (the console has no lock, so a line may carry another writer's bytes).
    private static async Task WaitFor(List<string> lines, Task<BootResult> boot, string text, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !boot.IsCompleted)
        {
            lock (lines)
            {
                if (lines.Any(l => l.Contains(text, StringComparison.Ordinal))) return;
            }
            await Task.Delay(20);
        }
        lock (lines) Assert.Fail($"no line with '{text}':\n{string.Join("\n", lines)}");
    }
}
