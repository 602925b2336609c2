using Xunit;

namespace Redox.Boot.Tests;

/// <summary>Faults and unhandled exceptions are caught, reported on serial, and end the machine (never a hang).</summary>
[Collection(QemuCollection.Name)]
public sealed class FaultAndPanicTests
{
    [Fact]
    public void A_deliberate_page_fault_is_reported_with_CR2_and_registers()
    {
        BootResult boot = BootImages.Boot("fault");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.Contains("EXCEPTION #PF page fault (vector 14) error=0x0002", boot.KernelLog);
        Assert.Contains("CR2=0x00007fffdead0000", boot.KernelLog);
        Assert.Matches(@"RIP=0x[0-9a-f]{16}", boot.KernelLog);
        Assert.Contains("page not present, write, kernel mode", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void Kernel_text_is_write_protected_and_the_lower_half_holds_no_kernel()
    {
        BootResult boot = BootImages.Boot("textwrite");

        Assert.False(boot.TimedOut, boot.Serial);
        System.Text.RegularExpressions.Match target = System.Text.RegularExpressions.Regex.Match(boot.KernelLog, "writing to kernel text at 0x([0-9a-f]{16})");
        Assert.True(target.Success, boot.KernelLog);
        Assert.StartsWith("ffffffff8", target.Groups[1].Value);
        Assert.Contains("EXCEPTION #PF page fault (vector 14) error=0x0003", boot.KernelLog);
        Assert.Contains($"CR2=0x{target.Groups[1].Value}", boot.KernelLog);
        Assert.Contains("protection violation, write, kernel mode", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void A_null_dereference_faults_on_the_unmapped_null_page()
    {
        BootResult boot = BootImages.Boot("nullref");

        Assert.Contains("EXCEPTION #PF page fault", boot.KernelLog);
        Assert.Matches(@"CR2=0x0000000000000[0-9a-f]{3}", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void A_stack_overflow_hits_the_guard_page_and_is_reported_as_a_double_fault()
    {
        BootResult boot = BootImages.Boot("stackoverflow");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.Contains("EXCEPTION #DF double fault (vector 8)", boot.KernelLog);
        Assert.Contains("kernel stack overflow: the faulting address is in a thread stack's guard page", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void An_unhandled_throw_reaches_the_panic_with_type_and_message()
    {
        BootResult boot = BootImages.Boot("panic");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.Contains("PANIC: unhandled exception System_InvalidOperationException: deliberate failure from the boot test", boot.KernelLog);
        Assert.DoesNotContain("boot test panic: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }

    [Fact]
    public void Shared_generic_code_building_more_types_than_the_pool_holds_panics_and_says_so()
    {
        BootResult boot = BootImages.Boot("gvmpool");

        Assert.False(boot.TimedOut, boot.Serial);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.DoesNotContain("levels built before the pool filled", boot.KernelLog);
        Assert.Contains("PANIC: runtime: out of room for MethodTables built at run time (RuntimeTypeBuilder.PoolSize)", boot.KernelLog);
        Assert.Equal(BootResult.Panicked, boot.ExitCode);
    }
}
