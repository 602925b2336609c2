using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// Ring-3 processes: the boot image carries tests/Boot/Redox.UserTest in its initfs, and each ring3* scenario
/// starts it with the arguments of what it should do, then checks how it ended; these tests read the kernel's log.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class UserSpaceTests
{
    [Theory]
    [InlineData("")]
    [InlineData(BootImages.Isolated)]
    public void A_csharp_program_runs_in_ring_3_with_syscalls_heap_sleep_preemption_sse_and_kill(string variant)
    {
        BootResult boot = BootImages.Boot("ring3" + variant);

        Assert.False(boot.TimedOut, boot.Serial);
        BootImages.AssertIsolation(boot, variant);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.Contains("usertest: hello from ring 3, pid 1, 2 arguments", boot.KernelLog);
        Assert.Contains("process 1 (hello) exited with code 7", boot.KernelLog);
        Assert.Matches(@"usertest: allocated \d+ KiB from anonymous memory, slept \d+ ms", boot.KernelLog);
        Assert.Contains("usertest: syscalls all as the ABI says", boot.KernelLog);
        Assert.Contains("usertest: sse 3 consistent across preemption", boot.KernelLog);
        Assert.Contains("usertest: sse 5 consistent across preemption", boot.KernelLog);
        Assert.Contains("process 8 (forever) ended by signal 9", boot.KernelLog);
        Assert.Contains("boot test ring3: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(BootImages.Isolated)]
    public void Two_processes_that_never_yield_interleave_under_preemption(string variant)
    {
        // Instruction-counted time: a spin turn is then always many timer ticks long, however busy the host is
        // (in real time a fast host can finish a turn inside one time slice).
        BootResult boot = BootImages.BootCountingInstructions("ring3" + variant);
        BootImages.AssertIsolation(boot, variant);

        // Both spinners print four turns; preemption must let B run before A has finished, and A before B has.
        int aFirst = boot.KernelLog.IndexOf("spin A turn 1", StringComparison.Ordinal);
        int bFirst = boot.KernelLog.IndexOf("spin B turn 1", StringComparison.Ordinal);
        int aLast = boot.KernelLog.IndexOf("spin A turn 4", StringComparison.Ordinal);
        int bLast = boot.KernelLog.IndexOf("spin B turn 4", StringComparison.Ordinal);
        Assert.True(aFirst >= 0 && bFirst >= 0 && aLast >= 0 && bLast >= 0, boot.KernelLog);
        Assert.True(bFirst < aLast && aFirst < bLast, "the spinners did not interleave:\n" + boot.KernelLog);
    }

    [Fact]
    public void With_SMEP_and_SMAP_on_the_kernel_still_copies_user_memory_through_its_checked_path()
    {
        BootResult boot = Qemu.Boot(BootImages.Iso("ring3"), BootImages.Timeout, uefi: false, ["-cpu", "max"]);

        Assert.Contains("cpu: SMEP on, SMAP on", boot.KernelLog);
        Assert.Contains("usertest: syscalls all as the ABI says", boot.KernelLog);
        Assert.Contains("boot test ring3: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    /// <summary>
    /// With page-table isolation (<c>-kpti</c>) the same faults, and the proof that ring 3 runs on a view without the
    /// kernel: a read of a kernel page that the plain kernel maps (supervisor-only: a protection violation, error bit 0
    /// set) is a not-present fault (bit 0 clear): the physical window (also after timer interrupts returned to the
    /// process, with no system call between), a kernel stack, the kernel's code.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData(BootImages.Isolated)]
    public void Every_ring_3_fault_ends_only_its_process_with_a_one_line_report(string variant)
    {
        BootResult boot = BootImages.Boot("ring3faults" + variant);
        bool isolated = variant.Length != 0;
        string kernelRead = isolated ? "0x0004" : "0x0005";     // user-mode read: not present / protection

        Assert.False(boot.TimedOut, boot.Serial);
        BootImages.AssertIsolation(boot, variant);
        Assert.DoesNotContain("EXCEPTION", boot.KernelLog);          // no kernel-mode exception report
        Assert.DoesNotContain("PANIC", boot.KernelLog);
        Assert.Matches(@"\(null\) killed: #PF page fault at RIP=0x0000000000[0-9a-f]{6} CR2=0x0000000000000000 error=0x0004", boot.KernelLog);
        Assert.Contains("(ud2) killed: #UD invalid opcode", boot.KernelLog);
        Assert.Contains("(hlt) killed: #GP general protection fault", boot.KernelLog);
        Assert.Contains("(cli) killed: #GP general protection fault", boot.KernelLog);
        Assert.Contains("(cr3) killed: #GP general protection fault", boot.KernelLog);
        Assert.Matches(@"\(writecode\) killed: #PF page fault at RIP=0x[0-9a-f]{16} CR2=0x0000000000[0-9a-f]{6} error=0x0007", boot.KernelLog);
        Assert.Contains("(kernelread) killed: #PF page fault", boot.KernelLog);
        Assert.Matches(@"\(kernelwindow\) killed: #PF page fault at RIP=0x0000000000[0-9a-f]{6} CR2=0xffff800000100000 \(kernel address\) error=" + kernelRead, boot.KernelLog);
        Assert.Matches(@"\(kerneltext\) killed: #PF page fault at RIP=0x0000000000[0-9a-f]{6} CR2=0xffffffff80110000 \(kernel address\) error=" + kernelRead, boot.KernelLog);
        Assert.Matches(@"\(kernelafterirq\) killed: #PF page fault at RIP=0x0000000000[0-9a-f]{6} CR2=0xffff800000100000 \(kernel address\) error=" + kernelRead, boot.KernelLog);
        Assert.Matches(@"\(kernelstack\) killed: #PF page fault at RIP=0x0000000000[0-9a-f]{6} CR2=0xffffd0000000f000 \(kernel address\) error=" + kernelRead, boot.KernelLog);
        Assert.Matches(@"\(kerneljump\) killed: #PF page fault at RIP=0xffffffff80100000 CR2=0xffffffff80100000 \(kernel address\)", boot.KernelLog);
        Assert.Contains("(stack overflow)", boot.KernelLog);
        Assert.Matches(@"\(execstack\) killed: #PF page fault at RIP=0x00007fff[0-9a-f]{8} CR2=0x00007fff[0-9a-f]{8} error=0x0015", boot.KernelLog);
        Assert.Equal(14, Regex.Matches(boot.KernelLog, @"ended by signal 11").Count);
        Assert.Contains("usertest: hello from ring 3, pid 15, 2 arguments", boot.KernelLog);   // getpid is the real id
        Assert.Contains("process 15 (hello) exited with code 7", boot.KernelLog);
        Assert.Contains("boot test ring3faults: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void A_million_fuzzed_syscalls_fault_nothing_and_leak_nothing()
    {
        BootResult boot = Qemu.Boot(BootImages.Iso("ring3fuzz"), TimeSpan.FromMinutes(8));

        Assert.False(boot.TimedOut, "the fuzzer did not finish in time:\n" + boot.KernelLog);
        Assert.Contains("usertest: fuzz done, no kernel fault", boot.KernelLog);
        Assert.DoesNotContain("EXCEPTION", boot.KernelLog);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Match before = Regex.Match(boot.KernelLog, @"fuzz frames before=(\d+)");
        Match after = Regex.Match(boot.KernelLog, @"fuzz frames after=(\d+)");
        Assert.True(before.Success && after.Success, boot.KernelLog);
        Assert.Equal(before.Groups[1].Value, after.Groups[1].Value);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void A_hundred_processes_started_and_reaped_leak_no_frame_and_no_heap_byte()
    {
        BootResult boot = Qemu.Boot(BootImages.Iso("ring3leak"), TimeSpan.FromMinutes(3));

        Assert.False(boot.TimedOut, boot.KernelLog);
        Assert.Equal(101, Regex.Matches(boot.KernelLog, @"exited with code 7").Count);
        Assert.Equal(Regex.Match(boot.KernelLog, @"leak frames before=(\d+)").Groups[1].Value, Regex.Match(boot.KernelLog, @"leak frames after=(\d+)").Groups[1].Value);
        Assert.Equal(Regex.Match(boot.KernelLog, @"leak heap before=(\d+)").Groups[1].Value, Regex.Match(boot.KernelLog, @"leak heap after=(\d+)").Groups[1].Value);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }
}
