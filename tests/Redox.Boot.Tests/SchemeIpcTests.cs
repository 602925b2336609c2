using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// Scheme IPC between ring-3 processes: the ipc scenario starts the sample RAM-disk driver as a daemon and clients
/// that reach it only through the kernel (tests/Boot/Redox.UserTest/SchemeScenarios.cs), then kills the daemon.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class SchemeIpcTests
{
    [Theory]
    [InlineData("")]
    [InlineData(BootImages.Isolated)]
    public void A_ring_3_client_uses_a_ring_3_driver_through_the_kernel_and_the_scheme_goes_with_its_driver(string variant)
    {
        BootResult boot = BootImages.Boot("ipc" + variant);

        Assert.False(boot.TimedOut, boot.Serial);
        BootImages.AssertIsolation(boot, variant);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.Contains("usertest: ramdisk client done, pid 2", boot.KernelLog);
        Assert.Contains("process 2 (client) exited with code 0", boot.KernelLog);
        Assert.Contains("process 3 (client A) exited with code 0", boot.KernelLog);
        Assert.Contains("process 4 (client B) exited with code 0", boot.KernelLog);
        Assert.Contains("process 1 (ramdisk) ended by signal 9", boot.KernelLog);
        // Killed while it waited for its next request: it ran no more of its own code (its loop would report EINTR).
        Assert.DoesNotContain("ramdisk daemon failed", boot.KernelLog);
        Assert.Contains("boot test ipc: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void A_driver_that_faults_exits_or_touches_an_ungranted_port_mid_call_is_contained_and_restarted_and_one_that_never_answers_cannot_hold_its_clients()
    {
        BootResult boot = BootImages.Boot("ipcfaults");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.Contains("process 1 (crashy) killed: #PF page fault", boot.KernelLog);
        Assert.Contains("init: restarting crashy (1 of 3) as process 3", boot.KernelLog);
        Assert.Contains("process 3 (crashy) exited with code 3", boot.KernelLog);
        Assert.Contains("init: restarting crashy (2 of 3) as process 4", boot.KernelLog);
        Assert.Contains("process 4 (crashy) killed: #GP general protection", boot.KernelLog);      // port 0x64: not granted
        Assert.Contains("init: restarting crashy (3 of 3) as process 5", boot.KernelLog);
        Assert.Contains("usertest: crashy client saw three crashes contained and three restarts", boot.KernelLog);
        Assert.Contains("usertest: silent was told of a cancelled call from pid 7", boot.KernelLog);
        Assert.Contains("usertest: silent was told of a cancelled call from pid 9", boot.KernelLog);
        Assert.Contains("process 8 (meanwhile) exited with code 7", boot.KernelLog);
        Assert.Contains("boot test ipcfaults: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void The_conformance_scenarios_the_hosted_kernel_passes_pass_on_the_real_kernel_between_ring_3_processes()
    {
        BootResult boot = BootImages.Boot("conformance");

        Assert.False(boot.TimedOut, boot.Serial);
        for (int scenario = 0; scenario < Redox.Conformance.ConformanceClient.Count; scenario++)
        {
            Assert.Matches($@"usertest: conformance {scenario} \([^)]+\): pass", boot.KernelLog);
        }
        Assert.DoesNotContain("FAIL code", boot.KernelLog);
        Assert.Contains("boot test conformance: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(BootImages.Isolated)]
    public void An_interrupt_and_device_and_DMA_memory_reach_a_ring_3_driver_only_as_its_grants_allow(string variant)
    {
        BootResult boot = BootImages.Boot("irq" + variant);

        Assert.False(boot.TimedOut, boot.Serial);
        BootImages.AssertIsolation(boot, variant);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.Contains("usertest: rtc irq 8 delivered 3 events through event:, count 3", boot.KernelLog);
        Assert.Contains("usertest: irq:8 without a grant is EACCES", boot.KernelLog);
        Assert.Contains("usertest: memory: local APIC version 20, 8 KiB of contiguous DMA memory, refusals as granted", boot.KernelLog);
        Assert.Contains("boot test irq: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }
}
