using System;
using System.Threading.Tasks;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.RamDisk;
using Xunit;

namespace Samples.Drivers.Tests;

/// <summary>A sample driver that dies mid-call: its client gets EIO, later clients too, nothing hangs.</summary>
public class CrashTests
{
    /// <summary>A RAM disk whose controller "fails" on the Nth read: the driver throws.</summary>
    private sealed class FlakyDisk : SchemeBase
    {
        private readonly RamDiskScheme _inner = RamDiskDriver.CreateScheme(1);
        public int ReadsBeforeCrash = 1;

        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => _inner.Open(path, flags, caller);

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            if (ReadsBeforeCrash-- <= 0)
            {
                throw new InvalidOperationException("controller fell off the bus");
            }
            return _inner.Read(id, buffer, offset, flags, caller);
        }
    }

    [Fact]
    public void ClientGetsEioWhenTheDriverDiesMidCall()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        var driver = kernel.StartDriver("ramdisk", new FlakyDisk());
        var client = Task.Run(() => kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("ramdisk:"u8, OpenFlags.ReadWrite).Value;
            var buffer = new byte[8];
            Assert.Equal(8UL, Sys.Read(fd, buffer).Value);
            Assert.Equal(Errno.EIO, Sys.Read(fd, buffer).Error);
            Assert.Equal(Errno.EIO, Sys.Open("ramdisk:"u8, 0).Error);
        }));
        Assert.True(client.Wait(TimeSpan.FromSeconds(10)), "client hung");
        client.GetAwaiter().GetResult();
        Assert.True(driver.Stop());
        Assert.IsType<InvalidOperationException>(driver.Fault);
    }
}
