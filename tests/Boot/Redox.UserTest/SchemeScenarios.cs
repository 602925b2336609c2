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

    /// <summary>
    /// A client that keeps <c>ramdisk:</c> busy no more: one read answered (the driver then waits for the next request
    /// in SYS_ANSWER_ONE_THEN_READ, the round trip's own path through the syscall entry), the handle kept open, and
    /// sleep until killed.
    /// </summary>
    public static unsafe int RamDiskHolder()
    {
        SyscallResult opened = Sys.Open("ramdisk:"u8, OpenFlags.ReadOnly);
        if (opened.IsError) return Errno("ramdisk-holder: open ramdisk:"u8, opened);
        byte first;
        SyscallResult read = Sys.Read((nuint)opened.Value, new Span<byte>(&first, 1));
        if (read.IsError || read.Value != 1) return Errno("ramdisk-holder: read a byte"u8, read);
        while (true) Process.Sleep(1000);
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

    /// <summary>The crashing driver as a daemon (restarted by the kernel's supervisor).</summary>
    public static int ServeCrashy()
    {
        SyscallResult socket = SchemeServer.CreateSocket(":crashy"u8);
        if (socket.IsError) return Errno("create :crashy"u8, socket);
        SyscallResult served = new SchemeServer(new CrashScheme(), (nuint)socket.Value).Run();
        return served.IsError ? Errno("serve crashy:"u8, served) : 0;
    }

    /// <summary>
    /// The crashing driver's client: a call the driver dies in answers EIO, the old handle answers EIO, new opens answer
    /// ENODEV until the kernel restarted the driver, then it serves again; once for a fault, once for an exit.
    /// </summary>
    public static unsafe int CrashyClient()
    {
        int first = ReadAlive(out nuint kept);
        if (first < 0) return Output.Fail("crashy: the driver does not answer at first"u8);
        if (Crash("fault"u8) != 0 || Crash("exit"u8) != 0) return 1;
        SyscallResult rtc = Sys.Open("crashy:rtc"u8, OpenFlags.ReadOnly);
        if (rtc.IsError) return Errno("open crashy:rtc"u8, rtc);
        byte* seconds = stackalloc byte[8];
        SyscallResult clock = Sys.Read((nuint)rtc.Value, new Span<byte>(seconds, 8));
        if (clock.IsError || clock.Value != 1 || seconds[0] > 0x59) return Errno("the driver reads the RTC through its granted ports"u8, clock);
        Sys.Close((nuint)rtc.Value);
        if (Crash("port"u8) != 0) return 1;
        byte* buffer = stackalloc byte[8];
        SyscallResult stale = Sys.Read(kept, new Span<byte>(buffer, 8));
        if (!stale.IsError || stale.Error != Redox.Syscall.Errno.EIO) return Errno("a handle of the dead driver answers EIO"u8, stale);
        Output.Line("usertest: crashy client saw three crashes contained and three restarts"u8);
        return 0;
    }

    private static unsafe int Crash(ReadOnlySpan<byte> how)
    {
        byte* path = stackalloc byte[16];
        "crashy:"u8.CopyTo(new Span<byte>(path, 16));
        how.CopyTo(new Span<byte>(path + 7, 9));
        SyscallResult opened = Sys.Open(new ReadOnlySpan<byte>(path, 7 + how.Length), OpenFlags.ReadOnly);
        if (opened.IsError) return Errno("open the crashing handle"u8, opened);
        byte* buffer = stackalloc byte[8];
        SyscallResult died = Sys.Read((nuint)opened.Value, new Span<byte>(buffer, 8));
        if (!died.IsError || died.Error != Redox.Syscall.Errno.EIO) return Errno("the call the driver died in answers EIO"u8, died);
        Sys.Close((nuint)opened.Value);
        // Until the supervisor has the driver back, opens answer ENODEV; then it serves again.
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (ReadAlive(out nuint fd) >= 0)
            {
                Sys.Close(fd);
                return 0;
            }
            Process.Sleep(5);
        }
        return Output.Fail("crashy: the driver did not come back"u8);
    }

    private static unsafe int ReadAlive(out nuint fd)
    {
        fd = 0;
        SyscallResult opened = Sys.Open("crashy:ok"u8, OpenFlags.ReadOnly);
        if (opened.IsError) return opened.Error == Redox.Syscall.Errno.ENODEV ? -1 : -2;
        fd = (nuint)opened.Value;
        byte* buffer = stackalloc byte[8];
        SyscallResult read = Sys.Read(fd, new Span<byte>(buffer, 8));
        if (read.IsError || read.Value != 6 || buffer[0] != (byte)'a') return -3;
        return buffer[5];
    }

    /// <summary>
    /// A hostile driver: creates <c>silent:</c>, reads its requests and never answers them but the open of
    /// <c>silent:read</c> (so a client can block in a read); reports each cancel it is sent (a client that gave up),
    /// and ends after the second.
    /// </summary>
    public static unsafe int ServeSilent()
    {
        SyscallResult socket = SchemeServer.CreateSocket(":silent"u8);
        if (socket.IsError) return Errno("create :silent"u8, socket);
        Sqe request;
        int cancels = 0;
        while (cancels < 2)
        {
            SyscallResult read = Sys.Read((nuint)socket.Value, new Span<byte>(&request, sizeof(Sqe)));
            if (read.IsError) return Errno("silent: read its socket"u8, read);
            if (read.Value == 0) return 0;
            if (request.Opcode == Opcode.Open && new ReadOnlySpan<byte>((void*)request.Arg0, (int)request.Arg1).SequenceEqual("read"u8))
            {
                Cqe opened = Cqe.Respond(request.Tag, SyscallResult.Ok(1));
                SyscallResult answered = Sys.Write((nuint)socket.Value, new ReadOnlySpan<byte>(&opened, sizeof(Cqe)));
                if (answered.IsError) return Errno("silent: answer the open"u8, answered);
                continue;
            }
            if (request.Opcode == Opcode.Cancel)
            {
                cancels++;
                Output.Text("usertest: silent was told of a cancelled call from pid "u8);
                Output.Number(request.Caller);
                Output.Line(""u8);
            }
        }
        return 0;
    }

    /// <summary>A client of the silent driver: its open is never answered (the kernel kills it).</summary>
    public static int SilentClient()
    {
        SyscallResult opened = Sys.Open("silent:"u8, OpenFlags.ReadOnly);
        Errno("the silent driver answered"u8, opened);
        return 1;
    }

    /// <summary>
    /// A client of the silent driver blocked in a read (the scheme round trip's own path through the syscall entry):
    /// its open is answered, its read never is (the kernel kills it; a read that came back would end it with 1).
    /// </summary>
    public static unsafe int SilentReader()
    {
        SyscallResult opened = Sys.Open("silent:read"u8, OpenFlags.ReadOnly);
        if (opened.IsError) return Errno("silent-reader: open silent:read"u8, opened);
        byte buffer;
        SyscallResult read = Sys.Read((nuint)opened.Value, new Span<byte>(&buffer, 1));
        Errno("silent-reader: the read came back"u8, read);
        return 1;
    }

    /// <summary>The conformance driver as a daemon.</summary>
    public static int ServeConformance()
    {
        var scheme = new Redox.Conformance.ConformanceScheme();
        SyscallResult socket = SchemeServer.CreateSocket(":conf"u8);
        if (socket.IsError) return Errno("create :conf"u8, socket);
        SyscallResult served = new SchemeServer(scheme, (nuint)socket.Value).Run();
        return served.IsError ? Errno("serve conf:"u8, served) : 0;
    }

    /// <summary>Conformance scenario <paramref name="number"/> as a client: reports its name and result; the value is its failure code.</summary>
    public static int ConformanceClient(ReadOnlySpan<byte> number)
    {
        int scenario = (int)Output.Parse(number, 999);
        int failed = Redox.Conformance.ConformanceClient.Run(scenario);
        Output.Text("usertest: conformance "u8);
        Output.Number((ulong)scenario);
        Output.Text(" ("u8);
        Output.Text(Redox.Conformance.ConformanceClient.Name(scenario));
        Output.Text(failed == 0 ? "): pass"u8 : "): FAIL code "u8);
        if (failed != 0) Output.Number((ulong)failed);
        Output.Line(""u8);
        return failed == 0 ? 0 : 1;
    }

    private static int Errno(ReadOnlySpan<byte> what, SyscallResult result) => Output.Fail(what, result);
}
