using System.Diagnostics;
using System.Text;

namespace Redox.Boot.Tests;

/// <summary>What one boot printed and how QEMU ended.</summary>
public sealed record BootResult(int ExitCode, string Serial, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>isa-debug-exit status for a kernel test that passed (code 0x10).</summary>
    public const int Passed = 33;

    /// <summary>isa-debug-exit status for a kernel test that failed (code 0x11).</summary>
    public const int Failed = 35;

    /// <summary>isa-debug-exit status for a kernel panic or CPU exception (code 0x12).</summary>
    public const int Panicked = 37;

    /// <summary>The serial log from the kernel banner on (GRUB's menu drawing is cut off).</summary>
    public string KernelLog
    {
        get
        {
            // The banner is "Redox.NET <version>"; GRUB's "Booting `Redox.NET ...'" line comes before it.
            System.Text.RegularExpressions.Match banner = System.Text.RegularExpressions.Regex.Match(Serial, @"Redox\.NET \d");
            return banner.Success ? Serial[banner.Index..] : Serial;
        }
    }
}

/// <summary>
/// Boots an ISO under QEMU (TCG) with the serial console captured and isa-debug-exit attached. QEMU is always
/// ended by its process id: on exit, on timeout, and if the test itself fails.
/// </summary>
public static class Qemu
{
    /// <summary>The emulator binary (Debian: qemu-system-x86).</summary>
    public const string Binary = "qemu-system-x86_64";

    /// <summary>Debian's OVMF build: UEFI firmware for QEMU.</summary>
    public const string UefiFirmware = "/usr/share/ovmf/OVMF.fd";

    /// <summary>
    /// Boots <paramref name="iso"/> and waits for QEMU to exit or <paramref name="timeout"/>; BIOS unless <paramref name="uefi"/>;
    /// <paramref name="extraArguments"/> go to QEMU as they are (e.g. <c>-icount</c>). <paramref name="serialLine"/>, if
    /// given, sees each output line as it arrives (on a reader thread), so a test can act while the guest runs (e.g.
    /// inject input through <see cref="QemuMonitor"/>); <paramref name="cancel"/> ends QEMU early (by its pid, as always).
    /// </summary>
    public static BootResult Boot(string iso, TimeSpan timeout, bool uefi = false, IReadOnlyList<string>? extraArguments = null,
        Action<string>? serialLine = null, CancellationToken cancel = default)
    {
        if (!File.Exists(iso)) throw new FileNotFoundException($"Boot image missing: build tests/Redox.Boot.Tests first", iso);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "-cdrom", iso, "-m", "128M", "-serial", "stdio", "-display", "none", "-monitor", "none",
                     "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (string argument in extraArguments ?? []) start.ArgumentList.Add(argument);
        if (uefi)
        {
            if (!File.Exists(UefiFirmware)) throw new FileNotFoundException("UEFI firmware missing: run scripts/install-deps.sh (apt: ovmf)", UefiFirmware);
            start.ArgumentList.Add("-bios");
            start.ArgumentList.Add(UefiFirmware);
        }

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("QEMU did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{Binary} not found ({e.Message}). Install it with scripts/install-deps.sh (apt: qemu-system-x86).", e);
        }
        try
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) output.AppendLine(e.Data); serialLine?.Invoke(e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            bool exited = cancel.CanBeCanceled ? WaitForExit(process, timeout, cancel) : process.WaitForExit(timeout);
            if (exited) process.WaitForExit(); // drain the output readers
            lock (output)
                return new BootResult(exited ? process.ExitCode : -1, output.ToString(), !exited, stopwatch.Elapsed);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
        }
    }

    // True when QEMU exited within the timeout; false on timeout or cancellation (the caller then kills it by pid).
    private static bool WaitForExit(Process process, TimeSpan timeout, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
