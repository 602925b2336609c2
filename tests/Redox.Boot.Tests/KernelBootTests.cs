using Xunit;

namespace Redox.Boot.Tests;

/// <summary>The kernel boots, logs one line per subsystem, and runs the image's Main.</summary>
[Collection(QemuCollection.Name)]
public sealed class KernelBootTests
{
    [Fact]
    public void Boots_to_ready_with_a_banner_and_one_line_per_subsystem()
    {
        BootResult boot = BootImages.Boot("smoke");
        string[] lines = boot.KernelLog.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.False(boot.TimedOut, boot.Serial);
        // The version is whatever scripts/version.sh gave the build (0.2.0 from source, 0.2.0-dev.N when packed).
        Assert.Matches(@"^Redox\.NET [0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)? \(", lines[0]);
        foreach (string subsystem in new[] { "boot:", "cpu:", "memory:", "paging:", "heap:", "scheduler:", "syscalls:" })
            Assert.Contains(lines, line => line.StartsWith(subsystem, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ready", StringComparison.Ordinal));
        Assert.Contains("boot test smoke: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void The_same_ISO_boots_under_UEFI_firmware()
    {
        BootResult boot = BootImages.Boot("smoke", uefi: true);

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.Contains("boot test smoke: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void Reads_the_multiboot2_memory_map_and_command_line()
    {
        BootResult boot = BootImages.Boot("smoke");

        Assert.Contains("cmdline \"redox.exit=qemu redox.test=smoke\"", boot.KernelLog);
        Assert.Matches(@"memory: 12[0-9] MiB available", boot.KernelLog);
        Assert.Contains("(null page unmapped)", boot.KernelLog);
    }

    [Theory]
    [InlineData("corelib")]
    [InlineData("preemption")]
    [InlineData("blockwake")]
    [InlineData("heap")]
    [InlineData("drivers")]
    [InlineData("syscall")]
    [InlineData("interfaces")]
    [InlineData("delegates")]
    [InlineData("gvm")]
    [InlineData("gvmshared")]
    [InlineData("exceptions")]
    public void In_kernel_checks_pass(string scenario)
    {
        BootResult boot = BootImages.Boot(scenario);

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.Contains($"boot test {scenario}: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void Driver_packages_serve_requests_and_drive_ports_inside_the_kernel()
    {
        BootResult boot = BootImages.Boot("drivers");

        Assert.Contains("drivers: zero: served open/read/close in the kernel", boot.KernelLog);
        Assert.Contains("NVRAM byte written and read back through BareMetalPortIo", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void Redox_syscalls_from_kernel_code_reach_the_dispatcher()
    {
        BootResult boot = BootImages.Boot("syscall");

        Assert.Contains("syscall: hello from Sys.Write through the kernel back end", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void Two_kernel_threads_interleave_under_preemption()
    {
        BootResult boot = BootImages.Boot("preemption");

        Assert.Contains("thread A runs again after the other ran (turn 2)", boot.KernelLog);
        Assert.Contains("thread B runs again after the other ran (turn 2)", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }
}
