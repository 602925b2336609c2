using Redox.Syscall;

/// <summary>
/// The <c>time:</c> scheme from ring 3, what the conformance scenario 12 (both kernels) cannot check: pointers the
/// kernel must refuse, and deadlines left pending when a handle closes (the kernel side then checks none is left).
/// </summary>
internal static unsafe partial class SyscallChecks
{
    private static void TimeScheme()
    {
        Check(Sys.Open("time:x"u8, OpenFlags.ReadOnly).Error == Errno.ENOENT, "time: a clock that is no number is ENOENT"u8);
        SyscallResult opened = Sys.Open("/scheme/time/4"u8, OpenFlags.ReadWrite);
        Check(opened.IsOk, "time: open by its /scheme path"u8);
        nuint clock = (nuint)opened.Value;
        Check(Sys.Call(SyscallNumbers.Read, clock, unchecked((nuint)0xFFFF_FFFF_8010_0000UL), 16).Error == Errno.EFAULT, "time: read into the kernel"u8);
        Check(Sys.Call(SyscallNumbers.Write, clock, unchecked((nuint)0xFFFF_FFFF_8010_0000UL), 16).Error == Errno.EFAULT, "time: deadlines from the kernel"u8);
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec now);
        TimeSpec far = new TimeSpec { Seconds = now.Seconds + 3600, Nanoseconds = 0 };
        Check(Sys.Write(clock, new ReadOnlySpan<byte>(&far, sizeof(TimeSpec))).IsOk, "time: register a far deadline"u8);
        Check(Sys.Close(clock).IsOk, "time: close with a deadline pending"u8);
    }
}
