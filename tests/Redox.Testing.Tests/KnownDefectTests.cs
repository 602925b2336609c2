using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// The hosted kernel's defects named in issue 8, item 6, each reproduced through a hand-driven scheme socket
/// (<see cref="RawSocket"/>): what the driver receives and what each client gets back are checked exactly.
/// </summary>
public class KnownDefectTests
{
    // Clients block, so each gets its own thread (the thread pool would inject one only after a delay).
    private static Task<T> OnOwnThread<T>(Func<T> body)
        => Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task<SyscallResult> ReadAtAsync(HostedProcess client, nuint fd, ulong offset)
        => OnOwnThread(() => client.Run(() => Sys.ReadAt(fd, new byte[8], offset)));

    private static nuint OpenThrough(RawSocket driver, HostedProcess client, string path, ulong handle)
    {
        var open = OnOwnThread(() => client.Run(() => Sys.Open(System.Text.Encoding.UTF8.GetBytes(path), OpenFlags.ReadOnly)));
        var request = Assert.Single(driver.Receive(1));
        Assert.Equal(Opcode.Open, request.Opcode);
        driver.AnswerOpen(request.Tag, handle);
        Assert.True(open.Wait(5_000));
        return (nuint)open.Result.Value;
    }

    /// <summary>Waits until the scheme holds <paramref name="count"/> messages its driver has not read.</summary>
    private static void WaitQueued(HostedKernel kernel, string name, int count)
    {
        var endpoint = (ThreadedEndpoint)kernel.FindScheme(name)!;
        Assert.True(SpinWait.SpinUntil(() => endpoint.QueuedMessages == count, 5_000), "expected " + count + " queued");
    }

    [Fact]
    public void ATimedOutCallThatTheDriverNeverReadIsWithdrawnAndTheNextOneArrivesOnce()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        using var driver = new RawSocket(kernel, "raw");
        var client = kernel.CreateProcess();
        nuint fd = OpenThrough(driver, client, "raw:", 7);

        // The driver does not read: the call times out while still queued.
        kernel.CallTimeoutMs = 200;
        Assert.Equal(Errno.ETIMEDOUT, ReadAtAsync(client, fd, 111).Result.Error);
        kernel.CallTimeoutMs = 5_000;
        var next = ReadAtAsync(client, fd, 222);
        WaitQueued(kernel, "raw", 1);
        var seen = driver.Drain(300);
        var request = Assert.Single(seen);            // before the fix: 222 twice, 111 never
        Assert.Equal(Opcode.Read, request.Opcode);
        Assert.Equal(222UL, request.Arg3);
        driver.Answer(request.Tag, SyscallResult.Ok(3));
        Assert.Equal(3UL, next.Result.Value);
    }

    [Fact]
    public void ATimedOutCallTheDriverHoldsBecomesACancelAndItsLateAnswerReachesNobody()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        using var driver = new RawSocket(kernel, "raw");
        var client = kernel.CreateProcess();
        nuint fd = OpenThrough(driver, client, "raw:", 7);

        kernel.CallTimeoutMs = 1_000;    // long enough for the driver to read it first
        var first = ReadAtAsync(client, fd, 111);
        var held = Assert.Single(driver.Receive(1));
        Assert.Equal(111UL, held.Arg3);
        Assert.Equal(Errno.ETIMEDOUT, first.Result.Error);
        kernel.CallTimeoutMs = 5_000;

        var cancel = Assert.Single(driver.Receive(4));
        Assert.Equal(Opcode.Cancel, cancel.Opcode);
        Assert.Equal(held.Tag, cancel.Tag);
        Assert.Equal(client.Pid, cancel.Caller);

        var second = ReadAtAsync(client, fd, 333);
        var request = Assert.Single(driver.Receive(4));
        Assert.Equal(333UL, request.Arg3);
        driver.Answer(held.Tag, SyscallResult.Ok(1));        // too late: dropped
        Assert.False(second.Wait(100));
        driver.Answer(request.Tag, SyscallResult.Ok(5));
        Assert.Equal(5UL, second.Result.Value);
    }

    [Fact]
    public void AnAnswerWithAWrongTagReachesNoOtherClient()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        using var driver = new RawSocket(kernel, "raw");
        var alice = kernel.CreateProcess();
        var bob = kernel.CreateProcess();
        nuint aliceFd = OpenThrough(driver, alice, "raw:a", 1);
        nuint bobFd = OpenThrough(driver, bob, "raw:b", 2);

        var aliceRead = ReadAtAsync(alice, aliceFd, 10);
        var aliceRequest = Assert.Single(driver.Receive(1));
        var bobRead = ReadAtAsync(bob, bobFd, 20);
        WaitQueued(kernel, "raw", 1);                 // Bob's call waits, unread

        // Forged tags: neighbours of Alice's, another generation of her slot, nonsense.
        foreach (uint forged in new[] { aliceRequest.Tag + 1, aliceRequest.Tag - 1, aliceRequest.Tag + 0x100, aliceRequest.Tag ^ 0x8000_0000, 0u, 0xFFFF_FFFFu })
        {
            Assert.True(driver.Answer(forged, SyscallResult.Ok(777)).IsOk);
        }
        Assert.False(bobRead.Wait(100), "Bob got an answer to a call the driver never read");
        Assert.False(aliceRead.Wait(10));

        driver.Answer(aliceRequest.Tag, SyscallResult.Ok(4));
        Assert.Equal(4UL, aliceRead.Result.Value);
        driver.Answer(aliceRequest.Tag, SyscallResult.Ok(888));   // a repeat: dropped
        var bobRequest = Assert.Single(driver.Receive(4));
        Assert.Equal(20UL, bobRequest.Arg3);
        Assert.Equal(bob.Pid, bobRequest.Caller);

        var aliceAgain = ReadAtAsync(alice, aliceFd, 30);
        var againRequest = Assert.Single(driver.Receive(4));
        driver.Answer(bobRequest.Tag, SyscallResult.Ok(6));
        driver.Answer(againRequest.Tag, SyscallResult.Ok(7));
        Assert.Equal(6UL, bobRead.Result.Value);
        Assert.Equal(7UL, aliceAgain.Result.Value);
    }

    [Theory]
    [InlineData(17UL)]                   // not whole responses
    [InlineData(1UL << 40)]              // whole, but absurd
    [InlineData(1UL << 63)]              // what crashed the host
    [InlineData(ulong.MaxValue - 15)]
    public unsafe void ImpossibleLengthsOnASchemeSocketAreEinval(ulong length)
    {
        using var kernel = new HostedKernel();
        using var driver = new RawSocket(kernel, "raw");
        byte* buffer = stackalloc byte[16];
        Assert.Equal(Errno.EINVAL, Sys.Call(SyscallNumbers.Write, driver.Fd, (nuint)buffer, (nuint)length).Error);
        Assert.Equal(Errno.EINVAL, Sys.Call(SyscallNumbers.Read, driver.Fd, (nuint)buffer, (nuint)length).Error);
        Assert.Equal(Errno.EINVAL, Sys.Call(SyscallNumbers.Read, driver.Fd, (nuint)buffer, 16).Error);   // less than one request
    }

    [Theory]
    [InlineData(24UL << 58)]             // whole events, an impossible count (it truncated to 0 and "succeeded")
    [InlineData(24UL << 40)]
    [InlineData(ulong.MaxValue - 15)]
    public unsafe void ImpossibleLengthsOnAnEventQueueAreEinval(ulong length)
    {
        using var kernel = new HostedKernel();
        kernel.CreateProcess().Run(() =>
        {
            var queue = (nuint)Sys.Open("event:"u8, OpenFlags.NonBlock).Value;
            byte* buffer = stackalloc byte[48];
            Assert.Equal(Errno.EINVAL, Sys.Call(SyscallNumbers.Write, queue, (nuint)buffer, (nuint)length).Error);
            Assert.Equal(Errno.EINVAL, Sys.Call(SyscallNumbers.Read, queue, (nuint)buffer, (nuint)length).Error);
        });
    }

    public static TheoryData<string> Deaths() => new() { "throws", "returns without closing", "ends while bound" };

    [Theory]
    [MemberData(nameof(Deaths))]
    public void ADriverThreadThatDiesOutsideStartDriverFailsItsClientsWithEioAtOnce(string how)
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        var driverProcess = kernel.CreateProcess();
        var opened = new ManualResetEventSlim();
        var die = new ManualResetEventSlim();
        void Body()
        {
            Sys.Open(":mortal"u8, OpenFlags.Create | OpenFlags.ReadWrite);
            opened.Set();
            die.Wait();
            if (how == "throws")
            {
                throw new InvalidOperationException("driver bug");
            }
        }
        var thread = new Thread(() =>
        {
            if (how == "ends while bound")
            {
                driverProcess.Enter();           // never left: the thread simply ends
                Body();
                return;
            }
            try
            {
                driverProcess.Run(Body);
            }
            catch (InvalidOperationException)
            {
            }
        }) { IsBackground = true };
        thread.Start();
        Assert.True(opened.Wait(5_000));

        var client = kernel.CreateProcess();
        var call = OnOwnThread(() => client.Run(() => Sys.Open("mortal:x"u8, OpenFlags.ReadOnly)));
        Thread.Sleep(50);
        die.Set();
        var clock = Stopwatch.StartNew();
        Assert.True(call.Wait(5_000), "the client waited for its timeout");
        Assert.Equal(Errno.EIO, call.Result.Error);
        Assert.True(clock.ElapsedMilliseconds < 2_000, "EIO took " + clock.ElapsedMilliseconds + " ms");
        Assert.Equal(Errno.ENODEV, client.Run(() => Sys.Open("mortal:x"u8, OpenFlags.ReadOnly).Error));
    }

    [Fact]
    public void ADriverOnAPoolThreadThatThrowsFailsItsClientsWithEio()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 30_000 };
        var driverProcess = kernel.CreateProcess();
        var opened = new ManualResetEventSlim();
        var die = new ManualResetEventSlim();
        var driver = Task.Run(() => driverProcess.Run(() =>
        {
            Sys.Open(":mortal"u8, OpenFlags.Create | OpenFlags.ReadWrite);
            opened.Set();
            die.Wait();
            throw new InvalidOperationException("driver bug");  // the pool thread lives on; the process does not
        }));
        Assert.True(opened.Wait(5_000));
        var client = kernel.CreateProcess();
        var call = OnOwnThread(() => client.Run(() => Sys.Open("mortal:x"u8, OpenFlags.ReadOnly)));
        Thread.Sleep(50);
        die.Set();
        Assert.True(call.Wait(5_000), "the client waited for its timeout");
        Assert.Equal(Errno.EIO, call.Result.Error);
        Assert.Throws<AggregateException>(() => driver.Wait());
    }
}
