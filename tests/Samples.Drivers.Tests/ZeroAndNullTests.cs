using System;
using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.Null;
using Samples.Drivers.Zero;
using Xunit;

namespace Samples.Drivers.Tests;

public class ZeroAndNullTests
{
    [Fact]
    public void ZeroReadsZerosAndSwallowsWrites()
    {
        using var kernel = new HostedKernel();
        kernel.StartDriver("zero", new ZeroScheme());
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("zero:"u8, OpenFlags.ReadWrite).Value;
            var buffer = new byte[4096];
            buffer.AsSpan().Fill(0xAA);
            Assert.Equal(4096UL, Sys.Read(fd, buffer).Value);
            Assert.True(Array.TrueForAll(buffer, b => b == 0));
            Assert.Equal(3UL, Sys.Write(fd, "abc"u8).Value);
            var path = new byte[32];
            Assert.Equal("zero:"u8.ToArray(), path[..(int)Sys.Fpath(fd, path).Value]);
            Stat stat = default;
            Assert.True(Sys.Fstat(fd, ref stat).IsOk);
            Assert.Equal((ushort)ModeFlags.CharDevice, (ushort)(stat.Mode & (ushort)ModeFlags.TypeMask));
            Assert.True(Sys.Close(fd).IsOk);
            Assert.Equal(Errno.EBADF, Sys.Read(fd, buffer).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("zero:sub"u8, 0).Error);
        });
    }

    [Fact]
    public void NullIsAlwaysAtEndAndSwallowsWrites()
    {
        using var kernel = new HostedKernel();
        kernel.RegisterInThread("null", new NullScheme());
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("null:"u8, OpenFlags.ReadWrite).Value;
            Assert.Equal(0UL, Sys.Read(fd, new byte[10]).Value);
            Assert.Equal(5UL, Sys.Write(fd, "12345"u8).Value);
            Assert.Equal(Errno.ESPIPE, Sys.Lseek(fd, 0, SeekWhence.End).Error);
            Assert.True(Sys.Close(fd).IsOk);
        });
    }

    [Fact]
    public void HandleTableFullIsEmfile()
    {
        using var kernel = new HostedKernel();
        kernel.RegisterInThread("zero", new ZeroScheme(maxHandles: 2));
        kernel.CreateProcess().Run(() =>
        {
            Assert.True(Sys.Open("zero:"u8, 0).IsOk);
            Assert.True(Sys.Open("zero:"u8, 0).IsOk);
            Assert.Equal(Errno.EMFILE, Sys.Open("zero:"u8, 0).Error);
        });
    }
}
