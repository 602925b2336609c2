using System;
using System.Threading;
using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.RamDisk;
using Xunit;

namespace Samples.Drivers.Tests;

public class RamDiskTests
{
    [Fact]
    public void WriteSeekReadBackAndStat()
    {
        using var kernel = new HostedKernel();
        kernel.StartDriver("ramdisk", RamDiskDriver.CreateScheme(blocks: 4));
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("ramdisk:"u8, OpenFlags.ReadWrite).Value;
            Assert.Equal(5UL, Sys.Write(fd, "hello"u8).Value);
            Assert.Equal(5UL, Sys.Write(fd, "world"u8).Value);           // the kernel advanced the offset
            Assert.Equal(0UL, Sys.Lseek(fd, 0, SeekWhence.Set).Value);
            var buffer = new byte[10];
            Assert.Equal(10UL, Sys.Read(fd, buffer).Value);
            Assert.Equal("helloworld"u8.ToArray(), buffer);
            Assert.Equal(2048UL, Sys.Lseek(fd, 0, SeekWhence.End).Value);  // fsize
            Assert.Equal(0UL, Sys.Read(fd, buffer).Value);                // end of disk
            Assert.Equal(Errno.ENOSPC, Sys.Write(fd, "x"u8).Error);
            Assert.Equal(2046UL, Sys.Lseek(fd, -2, SeekWhence.End).Value);
            Assert.Equal(2UL, Sys.Write(fd, "xyz"u8).Value);              // partial write at the end
            Assert.Equal(Errno.EINVAL, Sys.Lseek(fd, -1, SeekWhence.Set).Error);

            Assert.Equal(3UL, Sys.ReadAt(fd, buffer.AsSpan(0, 3), 2).Value); // pread
            Assert.Equal("llo"u8.ToArray(), buffer[..3]);

            Stat stat = default;
            Assert.True(Sys.Fstat(fd, ref stat).IsOk);
            Assert.Equal(2048UL, stat.Size);
            Assert.Equal(512u, stat.BlkSize);
            StatVfs vfs = default;
            Assert.True(Sys.Fstatvfs(fd, ref vfs).IsOk);
            Assert.Equal(4UL, vfs.Blocks);
            Assert.True(Sys.Fsync(fd).IsOk);
            Assert.True(Sys.Close(fd).IsOk);
        });
    }

    [Fact]
    public void DupSharesTheOffsetAndAccessModesAreEnforced()
    {
        using var kernel = new HostedKernel();
        kernel.RegisterInThread("ramdisk", RamDiskDriver.CreateScheme(blocks: 1));
        kernel.CreateProcess().Run(() =>
        {
            var rw = (nuint)Sys.Open("ramdisk:"u8, OpenFlags.ReadWrite).Value;
            Sys.Write(rw, "abc"u8);
            // dup(fd, "") shares the description, as in the Redox kernel: one offset for both descriptors.
            var copy = Sys.Dup(rw, default);
            Assert.True(copy.IsOk);
            var buffer = new byte[3];
            Assert.Equal(3UL, Sys.Lseek((nuint)copy.Value, 0, SeekWhence.Current).Value);  // the shared offset
            Assert.Equal(0UL, Sys.Lseek((nuint)copy.Value, 0, SeekWhence.Set).Value);
            Assert.Equal(3UL, Sys.Read(rw, buffer).Value);                 // moved through the copy
            Assert.Equal("abc"u8.ToArray(), buffer);
            Assert.True(Sys.Close(rw).IsOk);
            Assert.Equal(0UL, Sys.Lseek((nuint)copy.Value, 0, SeekWhence.Set).Value);
            Assert.Equal(3UL, Sys.Read((nuint)copy.Value, buffer).Value);  // the handle lives while one descriptor does
            Assert.Equal(Errno.EINVAL, Sys.Dup((nuint)copy.Value, "x"u8).Error); // a named dup reaches the driver, which refuses it

            var ro = (nuint)Sys.Open("ramdisk:"u8, OpenFlags.ReadOnly).Value;
            Assert.Equal(Errno.EBADF, Sys.Write(ro, "x"u8).Error);
            var wo = (nuint)Sys.Open("ramdisk:"u8, OpenFlags.WriteOnly).Value;
            Assert.Equal(Errno.EBADF, Sys.Read(wo, buffer).Error);
            Assert.Equal(Errno.ENOTDIR, Sys.Open("ramdisk:"u8, OpenFlags.Directory).Error);
        });
    }

    [Fact]
    public void TheDriverMainServesUntilTheSchemeIsRemoved()
    {
        using var kernel = new HostedKernel();
        var driverProcess = kernel.CreateProcess();
        SyscallResult exit = default;
        var thread = new Thread(() => driverProcess.Run(() => exit = RamDiskDriver.Run(blocks: 2))) { IsBackground = true };
        thread.Start();
        SpinWait.SpinUntil(() => kernel.FindScheme("ramdisk") != null, 5_000);
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("ramdisk:"u8, OpenFlags.ReadWrite).Value;
            Assert.Equal(4UL, Sys.Write(fd, "data"u8).Value);
            Assert.True(Sys.Close(fd).IsOk);
        });
        ((ThreadedEndpoint)kernel.FindScheme("ramdisk")!).Close();
        Assert.True(thread.Join(5_000));
        Assert.True(exit.IsOk);
        Assert.Equal(3UL, exit.Value); // open, write, close
    }
}
