using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// Scheme IPC under bad input and load (issue 8, "Bad input, faults and load"): the ipcfuzz, ipchostile and ipcload
/// scenarios (tests/Boot/Redox.BootKernel/IpcStressScenario.cs) run ring-3 programs from
/// tests/Boot/Redox.UserTest (IpcFuzzer, HostileScheme + HostileClient, EchoScheme). Each scenario first runs a short
/// round of the same shape, so the kernel's pools have grown, then takes its baseline of free frames and heap bytes,
/// runs the full round and compares.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class IpcStressTests
{
    [Fact]
    public void A_million_random_calls_into_well_behaved_drivers_fault_nothing_and_leak_nothing()
    {
        BootResult boot = Qemu.Boot(BootImages.Iso("ipcfuzz"), TimeSpan.FromMinutes(6));

        Assert.False(boot.TimedOut, "the IPC fuzzer did not finish in time:\n" + boot.KernelLog);
        NoFaultAndNoLeak(boot);
        Assert.Contains("usertest: ipc fuzz done: 1000000 calls, ", boot.KernelLog);
        Assert.Matches(@"usertest: ipc fuzz done: 1000000 calls, [1-9]\d* values, [1-9]\d* errnos, 245 checks of zero: passed", boot.KernelLog);
        Assert.Equal(2, Regex.Matches(boot.KernelLog, @"usertest: ramdisk client done").Count);   // after the warm-up and after the million
        Assert.Contains("boot test ipcfuzz: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void A_hostile_driver_sending_a_million_random_responses_reaches_no_other_client_and_the_kernel_stays_whole()
    {
        BootResult boot = Qemu.Boot(BootImages.Iso("ipchostile"), TimeSpan.FromMinutes(6));

        Assert.False(boot.TimedOut, "a client of the hostile driver hung, or the driver never got its requests:\n" + boot.KernelLog);
        NoFaultAndNoLeak(boot);
        // The second report is the full round's (the first is the warm-up's).
        Match sent = Regex.Matches(boot.KernelLog, @"usertest: hostile driver sent (\d+) random responses \((\d+) answers, (\d+) of other kinds, (\d+) forged/stale/repeated, (\d+) readiness posts, (\d+) garbage writes, (\d+) flushes of deferred calls\), (\d+) bad reads of its socket, (\d+) bad socket calls, (\d+) blocking reads into an unmapped page").Last();
        Assert.True(long.Parse(sent.Groups[1].Value) >= 1_000_000, sent.Value);
        for (int kind = 2; kind <= 9; kind++) Assert.True(long.Parse(sent.Groups[kind].Value) > 1000, "every kind of bad response was sent: " + sent.Value);
        // Calls handed over to the driver while it waited with an unmapped buffer came with its next read, none lost.
        Assert.True(long.Parse(sent.Groups[10].Value) > 10, "blocking reads into an unmapped page: " + sent.Value);
        // Both clients of the full round called it many times and saw only well-formed answers, readiness included.
        MatchCollection clients = Regex.Matches(boot.KernelLog, @"usertest: hostile client pid \d+: (\d+) calls, \d+ values, \d+ errnos, (\d+) events, every answer well-formed");
        Assert.Equal(4, clients.Count);
        Assert.True(long.Parse(clients[2].Groups[1].Value) > 10_000 && long.Parse(clients[3].Groups[1].Value) > 10_000, boot.KernelLog);
        Assert.True(long.Parse(clients[2].Groups[2].Value) > 0 && long.Parse(clients[3].Groups[2].Value) > 0, boot.KernelLog);
        // The unrelated echo: scheme answered its client exactly throughout, and driver and client counted alike.
        Match bystander = Regex.Match(boot.KernelLog, @"usertest: echo served (\d+) requests from 1 clients, 0 lost, repeated or misrouted\s+process \d+ \(echo\) exited with code 0\s+hostile milliseconds");
        Assert.True(bystander.Success && long.Parse(bystander.Groups[1].Value) > 10_000, boot.KernelLog);
        Assert.Contains("boot test ipchostile: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    [Fact]
    public void Eight_clients_hammering_one_driver_get_every_answer_their_own_with_none_lost_or_repeated()
    {
        BootResult boot = Qemu.Boot(BootImages.Iso("ipcload"), TimeSpan.FromMinutes(3));

        Assert.False(boot.TimedOut, boot.KernelLog);
        NoFaultAndNoLeak(boot);
        Assert.Equal(8, Regex.Matches(boot.KernelLog, @"usertest: echo client pid \d+: 25000 answers, all its own, the driver agrees").Count);
        Assert.Equal(8, Regex.Matches(boot.KernelLog, @"usertest: echo: pid \d+ counted 25000 answers").Count);
        // The driver also replayed every batch's answers late, with stale tags: none reached a client.
        Assert.Matches(@"usertest: echo served 200000 requests from 8 clients, 0 lost, repeated or misrouted; [1-9]\d{5,} stale answers replayed", boot.KernelLog);
        Assert.Contains("boot test ipcload: PASS", boot.KernelLog);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }

    /// <summary>No kernel exception or panic, no process killed by a fault, no failed check, frames and heap back to the baseline.</summary>
    private static void NoFaultAndNoLeak(BootResult boot)
    {
        Assert.DoesNotContain("EXCEPTION", boot.KernelLog);
        Assert.DoesNotContain("PANIC", boot.KernelLog, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(") killed: ", boot.KernelLog);
        Assert.DoesNotContain("check failed", boot.KernelLog);
        Match frames = Regex.Match(boot.KernelLog, @"frames before=(\d+)\s+frames after=(\d+)\s+heap before=(\d+)\s+heap after=(\d+)");
        Assert.True(frames.Success, boot.KernelLog);
        Assert.Equal(frames.Groups[1].Value, frames.Groups[2].Value);
        Assert.Equal(frames.Groups[3].Value, frames.Groups[4].Value);
    }
}
