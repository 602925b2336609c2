using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// The bare-metal runtime in a ring-3 process (bin/usertest's runtime scenarios, started by the ring3runtime boot
/// scenario): interface dispatch, delegates, generic virtual methods, exceptions, and CPU faults handed back to the process as exceptions.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class RuntimeInRing3Tests
{
    [Theory]
    [InlineData("")]
    [InlineData(BootImages.Isolated)]
    public void Interfaces_delegates_generic_virtual_methods_exceptions_and_caught_faults_run_in_ring_3_and_an_unhandled_one_ends_only_its_process(string variant)
    {
        BootResult boot = BootImages.Boot("ring3runtime" + variant);

        Assert.False(boot.TimedOut, boot.Serial);
        BootImages.AssertIsolation(boot, variant);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Assert.DoesNotContain("PANIC", boot.KernelLog);                 // the kernel itself never panics
        Assert.DoesNotContain("EXCEPTION", boot.KernelLog);
        Assert.Contains("usertest: interfaces, delegates, generic virtual methods and exceptions work in ring 3", boot.KernelLog);
        // The same report as the kernel's panic (type name and message), then SIGABRT for that process only.
        Assert.Contains("panic: unhandled exception Redox_UserTest_ExceptionScenarios_DeviceException: device failed", boot.KernelLog);
        Assert.Matches(@"process \d+ \(uncaught\) ended by signal 6", boot.KernelLog);
        // A fault no handler takes: the one-line fault report and SIGSEGV, as before the upcall existed.
        Assert.Matches(@"\(uncaught-fault\) killed: #PF page fault at RIP=0x[0-9a-f]{16} CR2=0x0000000000000[0-9a-f]{3}", boot.KernelLog);
        Assert.Matches(@"process \d+ \(uncaught-fault\) ended by signal 11", boot.KernelLog);
        // A fault inside the upcall (the entry points at unmapped memory): reported and ended, never delivered again.
        Assert.Contains("usertest: dividing by zero with a broken fault entry", boot.KernelLog);
        Assert.Matches(@"\(bad-entry\) killed: #PF page fault at RIP=0x0000600000000000 CR2=0x0000600000000000 error=0x0014", boot.KernelLog);
        Assert.Matches(@"process \d+ \(bad-entry\) ended by signal 11", boot.KernelLog);
        Assert.Single(Regex.Matches(boot.KernelLog, @"\(bad-entry\) killed"));
        Assert.Matches(@"process \d+ \(hello\) exited with code 7", boot.KernelLog);
        Assert.Contains("boot test ring3runtime: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }
}
