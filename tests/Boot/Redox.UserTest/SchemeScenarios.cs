using Redox.Runtime;
using Redox.Syscall;
using Redox.Scheme;
using Samples.Drivers.RamDisk;
using Samples.Drivers.Zero;

/// <summary>
/// Scheme IPC from ring 3: the sample RAM-disk driver served as a daemon (the same code its host tests run), and a
/// client that reaches it only through the kernel.
/// </summary>
public static class SchemeScenarios
{
    /// <summary>The daemon: creates <c>ramdisk:</c> and serves it until its socket ends (or it is killed).</summary>
    public static int ServeRamDisk()
    {
        SyscallResult served = RamDiskDriver.Run(16);
        if (served.IsError)
        {
            Output.Text("usertest: ramdisk daemon failed, errno "u8);
            Output.Number((ulong)served.Error);
            Output.Line(""u8);
            return 3;
        }
        return 0;
    }

    /// <summary>The sample zero: driver as a daemon (the IPC benchmark's peer: it answers a read at once).</summary>
    public static int ServeZero()
    {
        var scheme = new ZeroScheme();
        SyscallResult socket = SchemeServer.CreateSocket(":zero"u8);
        if (socket.IsError) return Errno("create :zero"u8, socket);
        SyscallResult served = new SchemeServer(scheme, (nuint)socket.Value).Run();
        return served.IsError ? Errno("serve zero:"u8, served) : 0;
    }

    /// <summary>The client: every routed call on <c>ramdisk:</c>, checked against what the driver must answer.</summary>
    public static unsafe int RamDiskClient()
    {
        SyscallResult opened = Sys.Open("ramdisk:"u8, OpenFlags.ReadWrite);
        if (opened.IsError) return Errno("open ramdisk:"u8, opened);
        nuint fd = (nuint)opened.Value;

        byte* pattern = stackalloc byte[1000];
        for (int i = 0; i < 1000; i++) pattern[i] = (byte)(i * 7 + 3);
        SyscallResult written = Sys.Write(fd, new ReadOnlySpan<byte>(pattern, 1000));
        if (written.IsError || written.Value != 1000) return Errno("write 1000 bytes"u8, written);

        SyscallResult position = Sys.Lseek(fd, 0, SeekWhence.Current);
        if (position.IsError || position.Value != 1000) return Errno("the kernel kept the offset"u8, position);
        position = Sys.Lseek(fd, 0, SeekWhence.End);
        if (position.IsError || position.Value != 16 * 512) return Errno("lseek SEEK_END asks the driver's size"u8, position);
        position = Sys.Lseek(fd, 0, SeekWhence.Set);
        if (position.IsError || position.Value != 0) return Errno("lseek SEEK_SET"u8, position);

        byte* back = stackalloc byte[1000];
        SyscallResult read = Sys.Read(fd, new Span<byte>(back, 1000));
        if (read.IsError || read.Value != 1000) return Errno("read 1000 bytes back"u8, read);
        for (int i = 0; i < 1000; i++)
        {
            if (back[i] != pattern[i]) return Output.Fail("the bytes read back differ from those written"u8);
        }

        Stat stat = default;
        SyscallResult statted = Sys.Fstat(fd, ref stat);
        if (statted.IsError || stat.Size != 16 * 512) return Errno("fstat gives the disk size"u8, statted);

        byte* path = stackalloc byte[64];
        SyscallResult pathLength = Sys.Fpath(fd, new Span<byte>(path, 64));
        if (pathLength.IsError || pathLength.Value == 0) return Errno("fpath"u8, pathLength);

        SyscallResult synced = Sys.Fsync(fd);
        if (synced.IsError) return Errno("fsync"u8, synced);

        SyscallResult copy = Sys.Dup(fd, default);
        if (copy.IsError) return Errno("dup"u8, copy);
        if (Sys.Close((nuint)copy.Value).IsError) return Output.Fail("close of the dup"u8);

        // A buffer the client does not own is refused before the driver sees it.
        SyscallResult bad = Sys.Write(fd, new ReadOnlySpan<byte>((void*)0xFFFF_8000_0000_0000, 16));
        if (!bad.IsError || bad.Error != Redox.Syscall.Errno.EFAULT) return Errno("a kernel pointer is EFAULT"u8, bad);

        if (Sys.Close(fd).IsError) return Output.Fail("close"u8);
        SyscallResult missing = Sys.Open("nosuchscheme:x"u8, OpenFlags.ReadOnly);
        if (!missing.IsError || missing.Error != Redox.Syscall.Errno.ENODEV) return Errno("a missing scheme is ENODEV"u8, missing);
        Output.Text("usertest: ramdisk client done, pid "u8);
        Output.Number((ulong)Process.Id);
        Output.Line(""u8);
        return 0;
    }

    private static int Errno(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Output.Text("usertest: check failed: "u8);
        Output.Text(what);
        Output.Text(" (result "u8);
        Output.Number(result.IsError ? (ulong)result.Error : result.Value);
        Output.Line(result.IsError ? " errno)"u8 : ")"u8);
        return 1;
    }
}
