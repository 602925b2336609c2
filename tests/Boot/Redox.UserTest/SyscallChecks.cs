using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// The kernel's system calls from ring 3, checked one by one: results, errnos, and that no pointer the kernel must
/// refuse (kernel half, non-canonical, unmapped, guard, crossing into the kernel, overflowing lengths, read-only
/// memory for a read) gets anything but EFAULT.
/// </summary>
internal static unsafe partial class SyscallChecks
{
    private static int s_failures;

    public static int Run()
    {
        Pointers();
        Files();
        TimeAndMemory();
        TimeScheme();
        Processes();
        Registers();
        if (s_failures == 0) Output.Line("usertest: syscalls all as the ABI says"u8);
        return s_failures == 0 ? 0 : 1;
    }

    private static void Check(bool condition, ReadOnlySpan<byte> what)
    {
        if (condition) return;
        s_failures++;
        Output.Fail(what);
    }

    private static Errno Write(ulong buffer, ulong length) => Sys.Call(SyscallNumbers.Write, 1, (nuint)buffer, (nuint)length).Error;

    private static void Pointers()
    {
        Check(Write(0, 4) == Errno.EFAULT, "null buffer"u8);
        Check(Write(0x1000, 4) == Errno.EFAULT, "unmapped low page"u8);
        Check(Write(0xFFFF_FFFF_8010_0000, 16) == Errno.EFAULT, "kernel text as a buffer"u8);
        Check(Write(0xFFFF_8000_0000_0000, 16) == Errno.EFAULT, "physical window as a buffer"u8);
        Check(Write(0x0000_8000_0000_0000, 16) == Errno.EFAULT, "non-canonical buffer"u8);
        Check(Write(0x0000_7FFF_FFFF_FFF0, 32) == Errno.EFAULT, "buffer crossing into the hole"u8);
        Check(Write(0x0000_7FFF_FFF0_0000, 16) == Errno.EFAULT, "stack guard gap"u8);
        byte local = 1;
        Check(Write((ulong)&local, ulong.MaxValue) == Errno.EFAULT, "length 2^64-1"u8);
        Check(Write((ulong)&local, 1UL << 63) == Errno.EFAULT, "length 2^63"u8);
        Check(Write(ulong.MaxValue - 7, 16) == Errno.EFAULT, "wrapping buffer"u8);
        // Reading into the program's own code must fail: text is mapped read-only.
        SyscallResult code = Sys.Open("initfs:bin/usertest"u8, OpenFlags.ReadOnly);
        Check(code.IsOk, "open initfs:bin/usertest"u8);
        ulong text = (ulong)(delegate*<int>)&Run;
        Check(Sys.Call(SyscallNumbers.Read, (nuint)code.Value, (nuint)text, 4).Error == Errno.EFAULT, "read into read-only code"u8);
        Sys.Close((nuint)code.Value);
        Check(Sys.Call(SyscallNumbers.Write, 99, (nuint)(&local), 1).Error == Errno.EBADF, "unknown descriptor"u8);
        Check(Sys.Call(0xDEAD_BEEF).Error == Errno.ENOSYS, "unknown call"u8);
    }

    private static void Files()
    {
        SyscallResult opened = Sys.Open("initfs:bin/usertest"u8, OpenFlags.ReadOnly);
        Check(opened.IsOk, "open an initfs file"u8);
        nuint fd = (nuint)opened.Value;
        byte* magic = stackalloc byte[4];
        Check(Sys.Read(fd, new Span<byte>(magic, 4)).Value == 4 && magic[0] == 0x7F && magic[1] == (byte)'E', "read the ELF magic"u8);
        Stat stat = default;
        Check(Sys.Fstat(fd, ref stat).IsOk && stat.Size > 4096, "fstat size"u8);
        Check(Sys.Lseek(fd, 1, SeekWhence.Set).Value == 1, "lseek set"u8);
        SyscallResult copy = Sys.Dup(fd, default);
        Check(copy.IsOk && copy.Value != fd, "dup"u8);
        Check(Sys.Read((nuint)copy.Value, new Span<byte>(magic, 3)).Value == 3 && magic[0] == (byte)'E', "dup shares the offset"u8);
        Check(Sys.Lseek(fd, 0, SeekWhence.End).Value == (ulong)stat.Size, "lseek end"u8);
        Check(Sys.Read(fd, new Span<byte>(magic, 4)).Value == 0, "read at end of file"u8);
        Check(Sys.Lseek(fd, -1, SeekWhence.Set).Error == Errno.EINVAL, "negative seek"u8);
        Check(Sys.Fcntl(fd, FcntlCommand.GetFl, 0).Value == (ulong)OpenFlags.ReadOnly, "fcntl F_GETFL"u8);
        byte* path = stackalloc byte[64];
        SyscallResult length = Sys.Fpath(fd, new Span<byte>(path, 64));
        Check(length.IsOk && new ReadOnlySpan<byte>(path, (int)length.Value).SequenceEqual("initfs:bin/usertest"u8), "fpath"u8);
        Check(Sys.Write(fd, "x"u8).Error == Errno.EBADF, "initfs is read-only"u8);
        Check(Sys.Close(fd).IsOk && Sys.Close(fd).Error == Errno.EBADF, "close twice"u8);
        Check(Sys.Close((nuint)copy.Value).IsOk, "close the copy"u8);
        Check(Sys.Open("initfs:no/such"u8, OpenFlags.ReadOnly).Error == Errno.ENOENT, "missing file"u8);
        Check(Sys.Open("initfs:bin/usertest"u8, OpenFlags.ReadWrite).Error == Errno.EROFS, "initfs for writing"u8);
        Check(Sys.Open("nosuchscheme:x"u8, OpenFlags.ReadOnly).Error == Errno.ENODEV, "unknown scheme"u8);
        SyscallResult debug = Sys.Open("/scheme/debug"u8, OpenFlags.WriteOnly);
        Check(debug.IsOk && Sys.Write((nuint)debug.Value, "usertest: written through /scheme/debug\n"u8).IsOk, "debug scheme by Redox path"u8);
        Sys.Close((nuint)debug.Value);
        int opened64 = 0;
        for (int i = 0; i < 70; i++) if (Sys.Open("debug:"u8, OpenFlags.WriteOnly).IsOk) opened64++;
        Check(opened64 == 61 && Sys.Open("debug:"u8, OpenFlags.WriteOnly).Error == Errno.EMFILE, "descriptor table limit"u8);
        for (nuint fdToClose = 3; fdToClose < 64; fdToClose++) Sys.Close(fdToClose);
    }

    private static void TimeAndMemory()
    {
        TimeSpec now;
        Check(Sys.Call(SyscallNumbers.ClockGettime, 4, (nuint)(&now)).IsOk, "clock_gettime monotonic"u8);
        Check(Sys.Call(SyscallNumbers.ClockGettime, 77, (nuint)(&now)).Error == Errno.EINVAL, "unknown clock"u8);
        // CLOCK_REALTIME (1) is the RTC's UTC: QEMU starts it at the host's time, surely after 2024-01-01.
        Check(Sys.Call(SyscallNumbers.ClockGettime, 1, (nuint)(&now)).IsOk && now.Seconds > 1_704_067_200, "clock_gettime realtime is the wall clock"u8);
        Check(Sys.Call(SyscallNumbers.ClockGettime, 4, unchecked((nuint)0xFFFF_FFFF_8010_0000UL)).Error == Errno.EFAULT, "clock into the kernel"u8);
        TimeSpec bad;
        bad.Seconds = 0;
        bad.Nanoseconds = 1_000_000_000;
        Check(Sys.Call(SyscallNumbers.Nanosleep, (nuint)(&bad), 0).Error == Errno.EINVAL, "nanosleep nsec out of range"u8);
        Map request = default;
        request.Size = 3 * 4096;
        request.Flags = 0x0004_0000 | 0x0002_0000 | 2;                      // PROT_READ | PROT_WRITE | MAP_PRIVATE
        SyscallResult mapped = Sys.Call(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue), (nuint)(&request), (nuint)sizeof(Map));
        Check(mapped.IsOk, "anonymous fmap"u8);
        byte* memory = (byte*)mapped.Value;
        Check(memory[0] == 0 && memory[3 * 4096 - 1] == 0, "anonymous memory is zeroed"u8);
        memory[5000] = 42;
        Check(memory[5000] == 42, "anonymous memory is writable"u8);
        request.Flags = 0x0004_0000 | 0x0002_0000 | 0x0001_0000;            // write + execute: W^X says no
        Check(Sys.Call(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue), (nuint)(&request), (nuint)sizeof(Map)).Error == Errno.EACCES, "W+X mapping refused"u8);
        request.Size = ulong.MaxValue;
        request.Flags = 0x0004_0000;
        Check(Sys.Call(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue), (nuint)(&request), (nuint)sizeof(Map)).Error == Errno.EINVAL, "huge mapping"u8);
        Check(Sys.Call(SyscallNumbers.Funmap, (nuint)mapped.Value, 3 * 4096).IsOk, "funmap"u8);
        Check(Write(mapped.Value, 8) == Errno.EFAULT, "unmapped memory is gone"u8);
        uint word = 5;
        Check(Sys.Call(SyscallNumbers.Futex, (nuint)(&word), 0, 6).Error == Errno.EAGAIN, "futex wait on a changed word"u8);
        Check(Sys.Call(SyscallNumbers.Futex, (nuint)(&word), 1, 10).Value == 0, "futex wake with no waiters"u8);
        Check(Sys.Call(SyscallNumbers.Futex, (nuint)(&word) + 1, 1, 1).Error == Errno.EINVAL, "misaligned futex"u8);
        TimeSpec shortWait;
        shortWait.Seconds = 0;
        shortWait.Nanoseconds = 20_000_000;
        Check(Sys.Call(SyscallNumbers.Futex, (nuint)(&word), 0, 5, (nuint)(&shortWait)).Error == Errno.ETIMEDOUT, "futex wait times out"u8);
    }

    private static void Processes()
    {
        Check(Process.Id > 0, "getpid"u8);
        Check(Process.Wait(-1, out _).Error == Errno.ECHILD, "waitpid without children"u8);
        Check(Process.Kill(999_999, Signal.SIGKILL).Error == Errno.ESRCH, "kill of no process"u8);
        Check(Process.Kill(Process.Id, (Signal)99).Error == Errno.EINVAL, "kill with a bad signal"u8);
        Check(Process.Kill(Process.Id, (Signal)0).IsOk, "kill 0 checks existence"u8);
        Check(Sys.Call(SyscallNumbers.Yield).IsOk, "yield"u8);
    }

    /// <summary>
    /// Every register but rax, rcx and r11 comes back as it went in (Redox's convention), rcx holds the return address
    /// and r11 the flags (what sysret restores them from), for a call that stays in the kernel (getpid), one that
    /// switches to another thread and back (yield), one that sleeps, and one that fails (EFAULT).
    /// </summary>
    private static void Registers()
    {
        ulong* saved = stackalloc ulong[15];
        TimeSpec nap;
        nap.Seconds = 0;
        nap.Nanoseconds = 2_000_000;
        RegistersKept(saved, SyscallNumbers.Getpid, 0x1111, 0x2222, 0x3333, "getpid"u8);
        RegistersKept(saved, SyscallNumbers.Yield, 0x4444, 0x5555, 0x6666, "yield"u8);
        RegistersKept(saved, SyscallNumbers.Nanosleep, (ulong)(&nap), 0, 0x7777, "nanosleep"u8);
        RegistersKept(saved, SyscallNumbers.Write, 1, 0xFFFF_FFFF_8010_0000, 16, "write of a kernel address"u8);
    }

    private static void RegistersKept(ulong* saved, nuint number, ulong a, ulong b, ulong c, ReadOnlySpan<byte> call)
    {
        ulong result = Native.SyscallRegisters(number, a, b, c, saved);
        bool kept = saved[0] == a && saved[1] == b && saved[2] == c && saved[3] == 0x0808080808080808 && saved[4] == 0x0909090909090909
            && saved[5] == 0x1010101010101010 && saved[6] == 0x0B0B0B0B0B0B0B0B && saved[7] == 0x0BB0BB0BB0BB0BB0 && saved[8] == 0x1212121212121212
            && saved[9] == 0x1313131313131313 && saved[10] == 0x1414141414141414 && saved[11] == 0x1515151515151515;
        // rcx = where the call returns to; r11 = the flags sysret restored (IF on, reserved bit 1 set, nothing kernel-made).
        bool returned = saved[12] == saved[14] && (saved[13] & 0x202) == 0x202 && (saved[13] >> 22) == 0;
        if (kept && returned) return;
        s_failures++;
        Output.Text("usertest: FAIL registers after "u8);
        Output.Text(call);
        Output.Text(": result "u8);
        Output.Number(result);
        for (int i = 0; i < 15; i++)
        {
            Output.Text(" "u8);
            Output.Number(saved[i]);
        }
        Output.Line(""u8);
    }
}
