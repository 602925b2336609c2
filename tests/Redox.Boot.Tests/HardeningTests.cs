using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// Issue 9's kernel checks: each scenario fails on the defect it names (tests/README.md, "Mutations", lists the
/// change that breaks each one), and boot-log assertions compare computed numbers, not fixed text.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class HardeningTests
{
    [Theory]
    [InlineData("heapreturn", false)]   // freed blocks merge and their frames go back: 1 MiB + 16 B fits after churn
    [InlineData("latency", true)]       // 48 MiB allocations run with interrupts on: no timer ticks lost
    [InlineData("tickrate", true)]      // the PIT ticks at 100 Hz, measured against the TSC
    [InlineData("fpu", false)]          // SSE state survives preemption (fxsave/fxrstor)
    [InlineData("heaprace", false)]     // four threads churn the heap under a 5 kHz timer
    [InlineData("globalpages", false)]  // CR4.PGE is on, so the identity map's Global bit means something
    [InlineData("globalpages" + BootImages.Isolated, false)] // and off with page-table isolation
    [InlineData("threadreclaim", false)] // exited threads' stacks and records come back (detached, released)
    public void Kernel_hardening_checks_pass(string scenario, bool countInstructions)
    {
        // Timer checks run on instruction-counted time: in real time a loaded host makes QEMU itself drop ticks.
        BootResult boot = countInstructions ? BootImages.BootCountingInstructions(scenario) : BootImages.Boot(scenario);

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.Contains($"boot test {scenario.Replace(BootImages.Isolated, "")}: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void A_thread_left_running_when_Main_returns_can_still_spawn_after_the_boot_thread_exited()
    {
        BootResult boot = BootImages.Boot("mainreturns");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.Contains("mainreturns: Main returns with a thread still running", boot.KernelLog);
        Assert.Contains("mainreturns: the boot thread exited; spawning", boot.KernelLog);
        Assert.Contains("mainreturns: a thread spawned after Main returned ran", boot.KernelLog);
        Assert.DoesNotContain("EXCEPTION", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void A_frame_bigger_than_the_guard_faults_on_the_guard_page_in_the_stack_probe()
    {
        BootResult boot = BootImages.Boot("stackprobe");
        Match stack = Regex.Match(boot.KernelLog, "stackprobe stack 0x([0-9a-f]{16})\\.\\.0x([0-9a-f]{16})");
        Match cr2 = Regex.Match(boot.KernelLog, "CR2=0x([0-9a-f]{16})");
        Match rsp = Regex.Match(boot.KernelLog, "RSP=0x([0-9a-f]{16})");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.True(stack.Success && cr2.Success && rsp.Success, boot.Serial);
        ulong bottom = Hex(stack.Groups[1].Value), top = Hex(stack.Groups[2].Value);
        Assert.Contains("EXCEPTION #PF page fault", boot.KernelLog);
        Assert.Contains("kernel stack overflow: the faulting address is in a thread stack's guard page", boot.KernelLog);
        // Probed top down: the first page hit is the guard page right below the stack, and rsp has not moved yet.
        Assert.InRange(Hex(cr2.Groups[1].Value), bottom - 4096, bottom - 1);
        Assert.InRange(Hex(rsp.Groups[1].Value), bottom, top);
        Assert.DoesNotContain("did not fault", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void A_general_protection_fault_reports_the_CPU_error_code_and_the_faulting_RIP()
    {
        BootResult boot = BootImages.Boot("gpfault");
        Match site = Regex.Match(boot.KernelLog, "gp site 0x([0-9a-f]{16})");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.True(site.Success, boot.Serial);
        // The selector 0x0ff8 (GDT index 511) is past the GDT limit: the CPU pushes it as the error code.
        Assert.Contains("EXCEPTION #GP general protection fault (vector 13) error=0x0ff8", boot.KernelLog);
        Assert.Contains($"RIP=0x{site.Groups[1].Value}", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void The_boot_log_numbers_agree_with_each_other()
    {
        BootResult boot = BootImages.Boot("smoke");
        Match memory = Regex.Match(boot.KernelLog, @"memory: (\d+) MiB available, (\d+) of (\d+) frames free, kernel 0x([0-9a-f]+)\.\.0x([0-9a-f]+)");
        Match paging = Regex.Match(boot.KernelLog, @"paging: 4-level, .*physical window (\d+) MiB at");
        Match heap = Regex.Match(boot.KernelLog, @"heap: (\d+) bytes in use of (\d+) KiB");
        Match ready = Regex.Match(boot.KernelLog, @"ready \((\d+) k TSC cycles");

        Assert.True(memory.Success && paging.Success && heap.Success && ready.Success, boot.Serial);
        ulong availableMiB = ulong.Parse(memory.Groups[1].Value), free = ulong.Parse(memory.Groups[2].Value), frames = ulong.Parse(memory.Groups[3].Value);
        ulong kernelStart = Hex(memory.Groups[4].Value), kernelEnd = Hex(memory.Groups[5].Value);
        const ulong MiB = 1 << 20;
        // QEMU -m 128M: the memory map's available bytes, the frame count and the free frames must tell one story.
        Assert.InRange(availableMiB, 120UL, 128UL);
        Assert.True(frames * 4096 >= availableMiB * MiB, "the frames cover the available memory");
        Assert.True(free <= frames, "free frames never exceed the frames managed");
        Assert.True(free * 4096 <= (availableMiB + 1) * MiB, "no more frames free than memory available");
        Assert.True(kernelStart >= MiB && kernelEnd > kernelStart, "the kernel lies above 1 MiB");
        // Taken at boot: the first MiB, the kernel image, the boot info, the frame bitmap, the page tables.
        ulong taken = (availableMiB + 1) * MiB - free * 4096;
        Assert.InRange(taken, kernelEnd - kernelStart, kernelEnd - kernelStart + 4 * MiB);
        Assert.True(ulong.Parse(paging.Groups[1].Value) * MiB >= availableMiB * MiB, "the physical window covers all memory");
        ulong inUse = ulong.Parse(heap.Groups[1].Value), reservedKiB = ulong.Parse(heap.Groups[2].Value);
        Assert.True(inUse > 0 && inUse <= reservedKiB * 1024, "the heap's bytes in use fit in what it reserved");
        Assert.True(ulong.Parse(ready.Groups[1].Value) > 0);
    }

    [Fact]
    public void The_firmware_grant_maps_firmware_memory_read_only_and_nothing_else()
    {
        BootResult boot = BootImages.Boot("firmwaregrant");
        Match rsdp = Regex.Match(boot.KernelLog, @"usertest: firmware grant: BIOS area read-only, RSDP at (\d+); writable, kernel RAM and above-RAM maps refused");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        // memory=firmware: the BIOS area reads (the RSDP's signature, where a BIOS keeps it), the rest is EACCES.
        Assert.True(rsdp.Success, boot.Serial);
        Assert.InRange(ulong.Parse(rsdp.Groups[1].Value, CultureInfo.InvariantCulture), 0xE0000UL, 0xFFFF0UL);
        // No physical grant: nothing maps; RAM named by address in the grant: still refused.
        Assert.Contains("usertest: no physical grant: the BIOS area refused", boot.KernelLog);
        Assert.Contains("usertest: RAM granted by address: refused", boot.KernelLog);
        // Each refusal left its process running to a normal exit, and the kernel went on (the scenario's own checks).
        Assert.Contains("boot test firmwaregrant: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    private static ulong Hex(string digits) => ulong.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
