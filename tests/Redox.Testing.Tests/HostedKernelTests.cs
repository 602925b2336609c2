using System;
using System.Threading;
using System.Threading.Tasks;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>The hosted kernel end to end, through Sys.* (the same entry a bare-metal driver uses).</summary>
public class HostedKernelTests
{
    public static TheoryData<bool> Modes() => new() { true, false };

    private static void Register(HostedKernel kernel, EchoScheme scheme, bool threaded)
    {
        if (threaded)
        {
            kernel.StartDriver("echo", scheme);
        }
        else
        {
            kernel.RegisterInThread("echo", scheme);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void OpenWriteReadClose(bool threaded)
    {
        using var kernel = new HostedKernel();
        Register(kernel, new EchoScheme(), threaded);
        kernel.CreateProcess().Run(() =>
        {
            var fd = Sys.Open("echo:"u8, OpenFlags.ReadWrite);
            Assert.True(fd.IsOk);
            Assert.Equal(5UL, Sys.Write((nuint)fd.Value, "hello"u8).Value);
            var buffer = new byte[16];
            Assert.Equal(5UL, Sys.Read((nuint)fd.Value, buffer).Value);
            Assert.Equal("hello"u8.ToArray(), buffer[..5]);
            Assert.True(Sys.Close((nuint)fd.Value).IsOk);
            Assert.Equal(Errno.EBADF, Sys.Read((nuint)fd.Value, buffer).Error);
            Assert.Equal(Errno.EBADF, Sys.Close((nuint)fd.Value).Error);
        });
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ErrorsTravelBack(bool threaded)
    {
        using var kernel = new HostedKernel();
        Register(kernel, new EchoScheme(), threaded);
        kernel.CreateProcess().Run(() =>
        {
            Assert.Equal(Errno.ENOENT, Sys.Open("echo:missing"u8, 0).Error);
            Assert.Equal(Errno.ENODEV, Sys.Open("nothere:"u8, 0).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("no-colon"u8, 0).Error);
            Assert.Equal(Errno.EINVAL, Sys.Open(new byte[] { (byte)'e', (byte)'c', (byte)'h', (byte)'o', (byte)':', 0xFF }, 0).Error);
            var fd = (nuint)Sys.Open("echo:"u8, 0).Value;
            Assert.Equal(Errno.ESPIPE, Sys.Lseek(fd, 0, SeekWhence.Set).Error); // not positioned
            Assert.Equal(Errno.EBADF, Sys.Fsync(fd).Error);                     // default answer
            Assert.Equal(Errno.ENOSYS, Sys.Call(0x7777).Error);
        });
    }

    [Fact]
    public void UnboundThreadGetsEnosys()
    {
        using var kernel = new HostedKernel();
        Assert.Equal(Errno.ENOSYS, Sys.Open("echo:"u8, 0).Error);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void DriverCrashMidCallGivesEioAndNeverHangs(bool threaded)
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        var scheme = new EchoScheme();
        Register(kernel, scheme, threaded);
        var task = Task.Run(() => kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("echo:"u8, 0).Value;
            scheme.CrashOnRead = true;
            Assert.Equal(Errno.EIO, Sys.Read(fd, new byte[4]).Error);
            Assert.Equal(Errno.EIO, Sys.Write(fd, "x"u8).Error);      // later calls too
            Assert.Equal(Errno.EIO, Sys.Open("echo:"u8, 0).Error);
        }));
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), "client hung");
        task.GetAwaiter().GetResult();
        Assert.True(kernel.FindScheme("echo")!.IsDead);
        Assert.IsType<InvalidOperationException>(kernel.FindScheme("echo")!.Fault);
    }

    [Fact]
    public void StuckDriverTimesOut()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 200 };
        var scheme = new EchoScheme();
        kernel.StartDriver("echo", scheme);
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("echo:"u8, 0).Value;
            scheme.HangOnRead = true;
            Assert.Equal(Errno.ETIMEDOUT, Sys.Read(fd, new byte[4]).Error);
            scheme.HangOnRead = false;
        });
    }

    [Fact]
    public void StoppedDriverFailsPendingClientsWithEio()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        var scheme = new EchoScheme();
        var driver = kernel.StartDriver("echo", scheme);
        var process = kernel.CreateProcess();
        var fd = process.Run(() => (nuint)Sys.Open("echo:"u8, 0).Value);
        scheme.HangOnRead = true;
        var pending = Task.Run(() => process.Run(() => Sys.Read(fd, new byte[4]).Error));
        Thread.Sleep(100);
        driver.Stop(timeoutMs: 100);
        Assert.True(pending.Wait(TimeSpan.FromSeconds(5)));
        Assert.Equal(Errno.EIO, pending.Result);
        scheme.HangOnRead = false;
        Assert.True(driver.Stop());
        Assert.Equal(Errno.ENODEV, process.Run(() => Sys.Open("echo:"u8, 0).Error));
    }

    [Fact]
    public void ManyClientThreadsShareOneDriverThread()
    {
        using var kernel = new HostedKernel();
        kernel.StartDriver("echo", new EchoScheme());
        var tasks = new Task[8];
        for (int t = 0; t < tasks.Length; t++)
        {
            byte mark = (byte)t;
            tasks[t] = Task.Run(() => kernel.CreateProcess().Run(() =>
            {
                var fd = (nuint)Sys.Open("echo:"u8, 0).Value;
                var buffer = new byte[1];
                for (int i = 0; i < 500; i++)
                {
                    Assert.Equal(1UL, Sys.Write(fd, new[] { mark }).Value);
                    Assert.Equal(1UL, Sys.Read(fd, buffer).Value);
                    Assert.Equal(mark, buffer[0]);
                }
                Sys.Close(fd);
            }));
        }
        Assert.True(Task.WaitAll(tasks, TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public unsafe void ReadinessIsDeliveredThroughTheEventScheme(bool threaded)
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 2_000 };
        Register(kernel, new EchoScheme(), threaded);
        kernel.CreateProcess().Run(() =>
        {
            var fd = Sys.Open("echo:"u8, 0).Value;
            var queue = (nuint)Sys.Open("event:"u8, OpenFlags.NonBlock).Value;
            var subscribe = new Event { Id = fd, Flags = (ulong)EventFlags.Read, Data = 1234 };
            Assert.True(Sys.Write(queue, new ReadOnlySpan<byte>(&subscribe, sizeof(Event))).IsOk);
            var got = new Event[2];
            fixed (Event* g = got)
            {
                var bytes = new Span<byte>(g, 2 * sizeof(Event));
                Assert.Equal(Errno.EAGAIN, Sys.Read(queue, bytes).Error); // nothing ready yet
                Sys.Write((nuint)fd, "ping"u8);                            // the driver posts EVENT_READ
                var r = Sys.Read(queue, bytes);
                Assert.Equal((ulong)sizeof(Event), r.Value);
            }
            Assert.Equal(fd, got[0].Id);
            Assert.Equal((ulong)EventFlags.Read, got[0].Flags);
            Assert.Equal(1234UL, got[0].Data);
        });
    }

    [Fact]
    public void SchemeNamesAreUnique()
    {
        using var kernel = new HostedKernel();
        kernel.RegisterInThread("echo", new EchoScheme());
        Assert.Throws<InvalidOperationException>(() => kernel.RegisterInThread("echo", new EchoScheme()));
        Assert.Equal(Errno.EEXIST, kernel.CreateProcess().Run(() => Sys.Open(":echo"u8, OpenFlags.Create).Error));
        // The registry's rules (the real kernel's): event: is the kernel's own; names are printable, without : or /.
        Assert.Equal(Errno.EEXIST, kernel.CreateProcess().Run(() => Sys.Open(":event"u8, OpenFlags.Create).Error));
        Assert.Equal(Errno.EINVAL, kernel.CreateProcess().Run(() => Sys.Open(":"u8, OpenFlags.Create).Error));
        Assert.Equal(Errno.EINVAL, kernel.CreateProcess().Run(() => Sys.Open(":a/b"u8, OpenFlags.Create).Error));
        Assert.Throws<ArgumentException>(() => kernel.RegisterInThread("bad/name", new EchoScheme()));
        Assert.Throws<InvalidOperationException>(() => kernel.RegisterInThread("event", new EchoScheme()));
    }
}
